package io.policybot.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogSetupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLinesCarryTheEventIdAndNeverWhatThePersonWrote() throws Exception {
        String question = "Can I post about my secret project xyzzy on LinkedIn?";
        ConversationEngine engine = new ConversationEngine() {
            @Override
            public List<Reply> handle(Inbound inbound) {
                return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text("an answer")), "an answer"));
            }

            @Override
            public List<Block> home(Actor actor) {
                return List.of();
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeteredEngine metered = new MeteredEngine(engine, registry);
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            LogSetup.apply(Map.of("POLICYBOT_LOG_FORMAT", "json", "POLICYBOT_LOG_LEVEL", "info"));
            metered.handle(new Inbound.Message(new Actor("slack", "U0ALICE", "Alice xoxb-not-a-token", null, Set.of()),
                    new ChannelRef("D0ALICE", true), question, Inbound.Message.Kind.DIRECT_MESSAGE, "Ev0TRACE42"));
        } finally {
            LogSetup.apply(Map.of("POLICYBOT_LOG_FORMAT", "text", "POLICYBOT_LOG_LEVEL", "warn"));
            System.setErr(old);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty());
        JsonNode handled = null;
        for (String line : lines) {
            JsonNode node = JSON.readTree(line); // every line is one JSON object
            assertTrue(node.isObject(), line);
            if (node.path("formattedMessage").asText().startsWith("handled a direct_message")) {
                handled = node;
            }
            assertFalse(line.contains("xyzzy") || line.contains("xoxb-"), "no user text, no token: " + line);
        }
        assertTrue(handled != null, "the event's line: " + lines);
        assertEquals("INFO", handled.path("level").asText());
        assertEquals("Ev0TRACE42", handled.path("mdc").path("event").asText(), handled.toString());
        assertEquals("slack", handled.path("mdc").path("platform").asText());
        assertEquals(1, registry.get("policybot.engine.handle").tags("platform", "slack", "kind", "direct_message")
                .timer().count(), "the answer latency is recorded");
    }
}
