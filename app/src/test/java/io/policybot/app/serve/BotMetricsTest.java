package io.policybot.app.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.announcements.OutboxDispatcher.Outcome;
import io.policybot.store.Database;
import io.policybot.store.Sql;
import org.junit.jupiter.api.Test;

/** The meters an operator graphs that come from this process's own work: commits and outbox send attempts. */
class BotMetricsTest {

    @Test
    void commitsAreCountedWithTheirBatchSizeAndLatency() {
        try (BotMetrics metrics = new BotMetrics(); Database db = Database.temporary()) {
            metrics.watchCommits(db);
            for (int i = 0; i < 3; i++) {
                int n = i;
                db.inTransaction(c -> Sql.update(c, "INSERT INTO seen_event (event_key, seen_at) VALUES (?, ?)",
                        "k" + n, (long) n));
            }
            String text = metrics.scrape();
            assertTrue(text.contains("policybot_db_commit_batch_writes_count 3\n"), text);
            assertTrue(text.contains("policybot_db_commit_batch_writes_sum 3.0"), text);
            assertTrue(text.contains("policybot_db_commit_latency_seconds_count 3\n"), text);
        }
    }

    @Test
    void sendAttemptsAreCountedPerPlatformOutcomeAndAttempt() {
        try (BotMetrics metrics = new BotMetrics()) {
            metrics.outboxPlatforms(java.util.List.of("slack", "discord"));
            metrics.outboxAttempt("slack", 1, Outcome.RETRY);
            metrics.outboxAttempt("slack", 2, Outcome.RETRY);
            metrics.outboxAttempt("slack", 3, Outcome.SENT);
            metrics.outboxAttempt("discord", 1, Outcome.SENT);
            metrics.outboxAttempt("discord", 5, Outcome.FAILED);
            String text = metrics.scrape();
            assertTrue(text.contains("policybot_outbox_retries_total{platform=\"slack\"} 2.0"), text);
            assertTrue(text.contains("policybot_outbox_retries_total{platform=\"discord\"} 0.0"), text);
            assertTrue(text.contains("policybot_outbox_attempts_total{attempt=\"2\",outcome=\"retry\",platform=\"slack\"} 1.0"), text);
            assertTrue(text.contains("policybot_outbox_attempts_total{attempt=\"3+\",outcome=\"sent\",platform=\"slack\"} 1.0"), text);
            assertTrue(text.contains("policybot_outbox_attempts_total{attempt=\"3+\",outcome=\"failed\",platform=\"discord\"} 1.0"), text);
            assertTrue(text.contains("policybot_outbox_attempts_total{attempt=\"1\",outcome=\"sent\",platform=\"discord\"} 1.0"), text);
        }
    }
}
