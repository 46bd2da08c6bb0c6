package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.discord.testing.FakeDiscordServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * D7: the REST base and the gateway can be moved (a proxy, a test double). The real {@link DiscordBot}, through
 * real JDA, logs in, connects and registers {@code /policy} against the fake Discord, and answers a command there.
 */
class EndpointSettingsTest {
    private static final Duration T = Duration.ofSeconds(15);

    @Test
    void D7_theBotTalksToTheConfiguredRestBaseAndGateway() {
        try (FakeDiscordServer discord = new FakeDiscordServer()) {
            DiscordConfig config = DiscordConfig.fromEnv(Map.of(
                    "DISCORD_BOT_TOKEN", FakeDiscordServer.TOKEN,
                    "DISCORD_GUILD_ID", FakeDiscordServer.GUILD_ID,
                    "DISCORD_API_BASE_URL", discord.restBaseUrl(),
                    "DISCORD_GATEWAY_URL", discord.gatewayUrl())).orElseThrow();
            ScriptedEngine engine = ScriptedEngine.answering(
                    new Reply(Reply.SAME, List.of(new Block.Text("Hello from the engine")), "Hello"));
            try (DiscordBot bot = new DiscordBot(config, engine, Clock.systemUTC())) {
                bot.start();
                List<FakeDiscordServer.Request> login = discord.await(0,
                        r -> r.is("PUT", "applications/" + FakeDiscordServer.BOT_ID + "/guilds/.*/commands"), 1, T);
                assertEquals(200, login.get(0).status());
                assertTrue(discord.requests().get(0).authorized(), "Bot token sent to the configured base");
                int intents = discord.gatewayReceived().stream().filter(p -> p.path("op").asInt() == 2)
                        .findFirst().orElseThrow().path("d").path("intents").asInt();
                assertEquals(1 | 512 | 4096, intents, "GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, no MESSAGE_CONTENT");

                int since = discord.requestCount();
                FakeDiscordServer.Interaction ask = discord.slash(FakeDiscordServer.ALICE, true, "ask",
                        Map.of("question", "hello?"));
                List<FakeDiscordServer.Request> calls = discord.await(since,
                        r -> r.is("PATCH", "webhooks/.*/messages/@original"), 1, T);
                assertTrue(calls.get(0).text().contains("Hello from the engine"), calls.toString());
                assertTrue(discord.ackLatency(ask).compareTo(FakeDiscordServer.ACK_DEADLINE) < 0);
            }
        }
    }

    @Test
    void endpointsMustBeHttpAndWebSocketUrls() {
        assertThrows(IllegalArgumentException.class, () -> new DiscordConfig("t").withEndpoints("ftp://x/", null));
        assertThrows(IllegalArgumentException.class, () -> new DiscordConfig("t").withEndpoints(null, "http://x/"));
        assertThrows(IllegalArgumentException.class,
                () -> new DiscordConfig("t").withEndpoints("https://user:pw@proxy.example/api/v10", null));
        DiscordConfig c = new DiscordConfig("t").withEndpoints("https://proxy.example/api/v10", "wss://gw.example");
        assertEquals("https://proxy.example/api/v10/", c.restBaseUrl(), "JDA appends routes to a trailing slash");
        assertFalse(c.toString().contains("t,"));
    }
}
