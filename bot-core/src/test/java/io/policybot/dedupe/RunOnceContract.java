package io.policybot.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.audit.AuditEntry;
import io.policybot.people.Person;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.QuestionRetention;
import io.policybot.testing.StoreContract;
import io.policybot.testing.Stores;
import io.policybot.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link RunOnce} on every database, and the daily retention purge that relies on it. */
public abstract class RunOnceContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    @Test
    void aPeriodOfAJobIsClaimedOnce() {
        RunOnce runs = stores().runOnce();
        assertTrue(runs.claim("retention.questions", "2026-11-10", T0));
        assertFalse(runs.claim("retention.questions", "2026-11-10", T0.plusSeconds(60)));
        assertFalse(replica().runOnce().claim("retention.questions", "2026-11-10", T0), "another replica too");
        assertTrue(runs.claim("retention.questions", "2026-11-11", T0.plusSeconds(86_400)));
        assertTrue(runs.claim("another.job", "2026-11-10", T0));
    }

    @Test
    void theDailyPurgeRunsOnceAcrossReplicasAndIsAudited() throws Exception {
        Stores s = stores();
        Person ann = s.people().findOrCreate("slack", "U1", "Ann", T0);
        for (int i = 0; i < 5; i++) {
            s.questions().log(new LoggedQuestion(null, ann.id(), "q" + i, "en", true, "p", "s", 0.5,
                    T0.plus(Duration.ofDays(i * 100L))));
        }
        Clock clock = TestClock.at("2028-06-01T03:00:00Z"); // 5 questions: 0, 100, ... 400 days after T0
        List<QuestionRetention> replicas = new ArrayList<>();
        for (Stores r : List.of(s, replica(), replica())) {
            replicas.add(new QuestionRetention(r.questions(), r.audit(), r.runOnce(), r.transactions()::atomically,
                    Duration.ofDays(365), clock));
        }
        assertEquals(3, replicas.getFirst().preview().questions(), "asked 0, 100 and 200 days after T0: over 365 days ago");
        List<Callable<Boolean>> ticks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            QuestionRetention r = replicas.get(i % replicas.size());
            ticks.add(r::runScheduled);
        }
        int ran = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> f : pool.invokeAll(ticks)) {
                ran += f.get() ? 1 : 0;
            }
        }
        assertEquals(1, ran);
        assertEquals(2, s.questions().since(T0).size());
        List<AuditEntry> purges = s.audit().recent(20).stream()
                .filter(e -> e.action().equals(AuditEntry.RETENTION_PURGE)).toList();
        assertEquals(1, purges.size());
        assertEquals("system", purges.getFirst().actor());
        assertTrue(purges.getFirst().detail().startsWith("3 questions"), purges.getFirst().detail());

        QuestionRetention forever = new QuestionRetention(s.questions(), s.audit(), s.runOnce(), s.transactions()::atomically,
                Duration.ZERO, clock);
        assertEquals(0, forever.purge("cli:operator").questions(), "zero keeps questions forever");
        assertFalse(forever.runScheduled());
        assertEquals(2, s.questions().since(T0).size());
    }
}
