package io.policybot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policybot.chat.Block;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.FakeSocketModeServer;
import io.policybot.slack.testing.RecordingSleeper;
import io.policybot.slack.testing.ScriptedEngine;
import io.policybot.slack.testing.SignedRequests;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Socket Mode against a local apps.connections.open and a local WebSocket server that drops the connection:
 * the client reconnects (Bolt's session monitor checks every few seconds) and goes on answering.
 */
class SocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration T = Duration.ofSeconds(10);
    private static final Duration RECONNECT = Duration.ofSeconds(30);

    @Test
    void answersAcknowledgesAndSurvivesADroppedConnection() throws Exception {
        try (FakeSlackApi api = FakeSlackApi.start(); FakeSocketModeServer ws = new FakeSocketModeServer()) {
            api.setSocketModeUrl(ws.url());
            ScriptedEngine engine = new ScriptedEngine()
                    .answer(in -> List.of(new Reply(Reply.SAME, List.of(new Block.Text("Answer to " + in.deliveryId())), "")));
            SlackConfig config = SlackConfig.socketMode("xoxb-test-token", "xapp-test-token", null, null);
            SlackBot bot = new SlackBot(config, engine, Clock.systemUTC(),
                    SlackBot.Options.defaults().withApiUrl(api.apiUrl()).withSleeper(new RecordingSleeper()));
            try {
                bot.start();
                assertEquals("xapp-test-token", api.calls("apps.connections.open").getFirst().token());

                FakeSocketModeServer.Connection first = ws.awaitConnection(T);
                first.sendText(envelope("env-1", "Ev1", "first question"));
                assertTrue(first.awaitMessage("env-1", T).contains("\"envelope_id\":\"env-1\""), "acknowledged");
                api.await("chat.postMessage", c -> c.param("blocks").contains("Answer to Ev1"), T);

                int opensBefore = api.calls("apps.connections.open").size();
                first.drop();

                FakeSocketModeServer.Connection second = ws.awaitConnection(RECONNECT);
                assertTrue(api.calls("apps.connections.open").size() > opensBefore, "asked Slack for a new URL");
                second.sendText(envelope("env-2", "Ev2", "second question"));
                second.awaitMessage("env-2", T);
                api.await("chat.postMessage", c -> c.param("blocks").contains("Answer to Ev2"), T);

                // Slack redelivers an unacknowledged envelope with the same event_id: answered once.
                second.sendText(envelope("env-3", "Ev2", "second question"));
                second.awaitMessage("env-3", T);
            } finally {
                bot.stop();
            }
            assertEquals(List.of("Ev1", "Ev2"), engine.inbounds().stream().map(Inbound::deliveryId).toList());
            assertEquals(2, api.calls("chat.postMessage").size());
        }
    }

    private static String envelope(String envelopeId, String eventId, String text) {
        // A message's ts belongs to it: a redelivery keeps it, another message has its own.
        String ts = "17000000" + eventId.replaceAll("\\D", "") + ".000100";
        ObjectNode event = SignedRequests.dmMessage("U123", FakeSlackApi.dmChannelOf("U123"), text, ts);
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", "events_api")
                .put("accepts_response_payload", false).put("retry_attempt", 0).put("retry_reason", "");
        try {
            envelope.set("payload", JSON.readTree(SignedRequests.eventCallback(eventId, event)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return envelope.toString();
    }
}
