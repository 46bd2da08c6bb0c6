package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policybot.chat.Actions;
import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.RecordingSleeper;
import io.policybot.slack.testing.SignedRequests;
import io.policybot.slack.testing.Snapshots;
import io.policybot.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine's answer to the LinkedIn question, as the real Slack adapter (HTTP mode, signed requests, fake
 * Web API) posts it: its Block Kit, with the feedback buttons' log ids normalised, against a snapshot.
 * Regenerate after an intended change: {@code ./verify -pl app -am -Dtest=SlackLinkedInSnapshotTest
 * -Dsnapshots.update=true}, then review and commit the snapshot.
 */
class SlackLinkedInSnapshotTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String QUESTION = "Can I mention my employer on LinkedIn?";
    private static final String FULL_SECTION = "Read the full section";
    private static final String SLACK_USER = "U0SNAPLI";
    private static final String SLACK_DM = FakeSlackApi.dmChannelOf(SLACK_USER);
    /** Button values that carry the question log id, which differs per question asked. */
    private static final Set<String> LOG_ID_ACTIONS = Set.of(Actions.FEEDBACK_UP, Actions.FEEDBACK_DOWN, Actions.ASK_HR);

    @TempDir
    Path data;

    @Test
    void linkedInAnswerBlocks() {
        try (BotRuntime runtime = BotRuntime.console(new AppConfig(null, data, false), TestClock.at("2026-11-21T09:00:00Z"));
                FakeSlackApi api = FakeSlackApi.start()) {
            SlackBot bot = new SlackBot(
                    SlackConfig.httpMode("xoxb-snapshot-token", "snapshot-signing-secret", 0, "CHR000001", "CANN00001"),
                    // The adapter checks request timestamps against its clock; SignedRequests signs with the real time.
                    runtime.engine(), Clock.systemUTC(),
                    SlackBot.Options.defaults().withApiUrl(api.apiUrl()).withSleeper(new RecordingSleeper()));
            bot.start();
            JsonNode blocks;
            try {
                SignedRequests slack = new SignedRequests("snapshot-signing-secret", bot.httpPort());
                assertEquals(200, slack.event("EvSnapLinkedIn1",
                        SignedRequests.dmMessage(SLACK_USER, SLACK_DM, QUESTION, "1700000050.000100"), Map.of()).statusCode());
                FakeSlackApi.Call posted = api.await("chat.postMessage", c -> hasButton(c.json("blocks"), FULL_SECTION), T);
                blocks = normaliseLogIds(posted.json("blocks").deepCopy());
            } finally {
                bot.stop(); // waits for the replies in progress
            }

            JsonNode citation = null;
            for (JsonNode block : blocks) {
                if ("context".equals(block.path("type").asText()) && block.toString().contains("Social Media Policy")) {
                    citation = block;
                }
            }
            assertNotNull(citation, "no citation context block: " + blocks.toPrettyString());
            assertTrue(citation.toString().contains("Identifying yourself"), citation.toPrettyString());

            Snapshots.assertMatches("slack-linkedin-answer", blocks);
        }
    }

    private static boolean hasButton(JsonNode blocks, String label) {
        if (blocks == null) {
            return false;
        }
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && label.equals(element.path("text").path("text").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Replaces the log id the feedback buttons carry, which differs per question asked, with "<log id>". */
    private static JsonNode normaliseLogIds(JsonNode blocks) {
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                String actionId = element.path("action_id").asText("");
                int hash = actionId.lastIndexOf('#'); // the adapter appends the button's position
                String engineAction = hash < 0 ? actionId : actionId.substring(0, hash);
                if ("button".equals(element.path("type").asText()) && LOG_ID_ACTIONS.contains(engineAction)
                        && element.has("value")) {
                    ((ObjectNode) element).put("value", "<log id>");
                }
            }
        }
        return blocks;
    }
}
