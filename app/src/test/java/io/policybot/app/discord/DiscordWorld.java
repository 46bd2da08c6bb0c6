package io.policybot.app.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policybot.app.AppConfig;
import io.policybot.app.BotRuntime;
import io.policybot.discord.DiscordBot;
import io.policybot.discord.DiscordConfig;
import io.policybot.discord.testing.FakeDiscordServer;
import io.policybot.discord.testing.FakeDiscordServer.Interaction;
import io.policybot.discord.testing.FakeDiscordServer.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The product as {@code BotProcess} runs it, against a fake Discord: the real engine ({@link BotRuntime}, SQLite in a
 * temporary directory, the bundled content or a copy), the real {@link DiscordBot} through the real JDA on the app's
 * classpath, and HR by Discord role ({@code roles.yaml}: {@code discord:group:<HR role>}).
 */
final class DiscordWorld implements AutoCloseable {
    static final Duration T = Duration.ofSeconds(20);
    static final String BOT = FakeDiscordServer.BOT_ID;

    final FakeDiscordServer discord;
    final BotRuntime runtime;
    final DiscordBot bot;

    DiscordWorld(Path data, Path contentDir, long heartbeatMs) {
        try {
            Files.createDirectories(data);
            Files.writeString(data.resolve("roles.yaml"), "hr: [\"discord:group:" + FakeDiscordServer.HR_ROLE + "\"]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        discord = new FakeDiscordServer(heartbeatMs);
        runtime = BotRuntime.onPlatforms(new AppConfig(contentDir, data, false), Clock.systemUTC(), Set.of("discord"));
        DiscordConfig config = new DiscordConfig(FakeDiscordServer.TOKEN, FakeDiscordServer.GUILD_ID,
                FakeDiscordServer.HR_DESK, FakeDiscordServer.ANNOUNCEMENTS)
                .withEndpoints(discord.restBaseUrl(), discord.gatewayUrl());
        bot = new DiscordBot(config, runtime.engine(), runtime.clock());
        bot.start();
        runtime.connect(bot.gateway());
        runtime.startDelivery();
        discord.await(0, r -> r.is("PUT", "applications/" + BOT + "/guilds/.*/commands"), 1, T);
    }

    int mark() {
        return discord.requestCount();
    }

    /** Waits for {@code n} calls of the interaction matching {@code p}. */
    List<Request> calls(int since, Interaction i, Predicate<Request> p, int n) {
        return discord.await(since, FakeDiscordServer.of(i).and(p), n, T);
    }

    static Predicate<Request> callback() {
        return r -> r.method().equals("POST") && r.path().endsWith("/callback");
    }

    static Predicate<Request> editOriginal() {
        return r -> r.method().equals("PATCH") && r.path().endsWith("/messages/@original");
    }

    static Predicate<Request> followUp() {
        return r -> r.method().equals("POST") && r.path().startsWith("webhooks/") && r.path().split("/").length == 3;
    }

    static Predicate<Request> post(String channelId) {
        return r -> r.is("POST", "channels/" + channelId + "/messages");
    }

    /** Every message body the bot sent: no mention can ping, and Discord's limits hold. */
    static void assertSafeAndWithinLimits(List<Request> requests) {
        for (Request r : requests) {
            JsonNode body = r.body();
            if (body == null || !(r.method().equals("POST") || r.method().equals("PATCH"))) {
                continue;
            }
            JsonNode message = r.path().endsWith("/callback") ? body.path("data") : body;
            if (!message.has("embeds") && !message.has("content") && !message.has("components")) {
                continue;
            }
            JsonNode allowed = message.path("allowed_mentions");
            assertTrue(allowed.path("parse").isArray() && allowed.path("parse").isEmpty(), "allowed_mentions: " + r);
            assertTrue(message.path("content").asText("").length() <= 2000, "content limit: " + r);
            assertTrue(message.path("embeds").size() <= 10, "embed count: " + r);
            int total = 0;
            for (JsonNode e : message.path("embeds")) {
                assertTrue(e.path("description").asText("").length() <= 4096, "description limit: " + r);
                assertTrue(e.path("title").asText("").length() <= 256, "title limit: " + r);
                assertTrue(e.path("fields").size() <= 25, "field count: " + r);
                total += e.path("description").asText("").length() + e.path("title").asText("").length()
                        + e.path("footer").path("text").asText("").length();
                for (JsonNode f : e.path("fields")) {
                    assertTrue(f.path("value").asText("").length() <= 1024, "field value: " + r);
                    total += f.path("name").asText("").length() + f.path("value").asText("").length();
                }
            }
            assertTrue(total <= 6000, "embed total " + total + ": " + r);
            assertTrue(message.path("components").size() <= 5, "rows: " + r);
            for (JsonNode row : message.path("components")) {
                assertTrue(row.path("components").size() <= 5, "buttons per row: " + r);
                for (JsonNode b : row.path("components")) {
                    assertTrue(b.path("custom_id").asText("").length() <= 100, "custom_id: " + r);
                    assertTrue(b.path("label").asText("").length() <= 80, "label: " + r);
                }
            }
        }
    }

    /**
     * After a deferred reply (callback type 5) the first webhook call edits or deletes it: a follow-up there would be
     * turned into an edit of the deferred message by Discord, with the wrong visibility.
     */
    static void assertDeferResolvedBeforeFollowUps(List<Request> requests) {
        java.util.Map<String, Boolean> deferred = new java.util.HashMap<>();
        for (Request r : requests) {
            String[] p = r.path().split("/");
            if (r.path().startsWith("interactions/") && r.path().endsWith("/callback") && r.status() < 300
                    && r.body() != null && r.body().path("type").asInt() == 5) {
                deferred.put(p[2], true);
            } else if (r.path().startsWith("webhooks/") && p.length >= 3 && deferred.remove(p[2]) != null) {
                assertTrue(r.path().endsWith("/messages/@original"), "the deferred reply is resolved first: " + r);
            }
        }
    }

    /** Every interaction was acknowledged within Discord's 3 seconds. */
    void assertAcknowledgedInTime(Interaction... interactions) {
        for (Interaction i : interactions) {
            Duration latency = discord.ackLatency(i);
            assertTrue(latency != null && latency.compareTo(FakeDiscordServer.ACK_DEADLINE) < 0,
                    "acknowledged in " + latency);
        }
    }

    static void assertOne(List<Request> requests, String what) {
        assertEquals(1, requests.size(), what + ": " + requests);
    }

    @Override
    public void close() {
        bot.stop();
        runtime.close();
        discord.close();
    }
}
