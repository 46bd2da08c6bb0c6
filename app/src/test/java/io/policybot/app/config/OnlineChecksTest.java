package io.policybot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.slack.testing.FakeSlackApi;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config check --online} against the fake Slack Web API and a real SQLite directory, in plain words. */
class OnlineChecksTest {

    @Test
    void eachConfiguredConnectionIsTriedAndSaysWhatIsWrongInPlainWords(@TempDir Path tmp) {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_MODE", "http",
                    "SLACK_API_URL", slack.apiUrl(), "POLICYBOT_DATA_DIR", tmp.resolve("data").toString());
            List<OnlineChecks.Result> results = new OnlineChecks(env).run();
            String all = results.toString();
            assertTrue(results.stream().anyMatch(r -> r.what().equals("database") && r.ok()
                    && r.words().contains("will be created")), all);
            assertTrue(results.stream().anyMatch(r -> r.what().equals("Slack bot token") && r.ok()
                    && r.words().contains(FakeSlackApi.BOT_USER_ID)), all);
            assertTrue(results.stream().anyMatch(r -> r.what().equals("Slack signing secret") && !r.ok()
                    && r.words().contains("SLACK_SIGNING_SECRET")), "http mode without its secret is named: " + all);
            assertTrue(results.stream().anyMatch(r -> r.what().equals("Discord") && r.ok()
                    && r.words().contains("not configured")), all);
            assertFalse(all.contains("xoxb-test"), "the token is never shown");

            slack.enqueue("auth.test", FakeSlackApi.Scripted.error("invalid_auth"));
            OnlineChecks.Result refused = new OnlineChecks(env).run().stream()
                    .filter(r -> r.what().equals("Slack bot token")).findFirst().orElseThrow();
            assertFalse(refused.ok());
            assertEquals("Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN (it starts with xoxb-)",
                    refused.words());
        }
    }
}
