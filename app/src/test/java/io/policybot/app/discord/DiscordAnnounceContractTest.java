package io.policybot.app.discord;

import static io.policybot.app.discord.DiscordWorld.BOT;
import static io.policybot.app.discord.DiscordWorld.T;
import static io.policybot.app.discord.DiscordWorld.editOriginal;
import static io.policybot.app.discord.DiscordWorld.followUp;
import static io.policybot.app.discord.DiscordWorld.post;
import static io.policybot.discord.testing.FakeDiscordServer.ALICE;
import static io.policybot.discord.testing.FakeDiscordServer.ANNOUNCEMENTS;
import static io.policybot.discord.testing.FakeDiscordServer.DORA;
import static io.policybot.discord.testing.FakeDiscordServer.HANK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.discord.testing.FakeDiscordServer;
import io.policybot.discord.testing.FakeDiscordServer.Interaction;
import io.policybot.discord.testing.FakeDiscordServer.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy update announced on Discord, end to end: a new content version with every section's summary changed
 * (a long announcement), HR's private preview, Send, then the outbox's DMs (paced) and the channel post, with one
 * person whose DMs are closed.
 */
class DiscordAnnounceContractTest {
    private static final Path BUNDLED = Path.of("..", "content", "src", "main", "resources", "policybot", "content");

    @Test
    void D8_aLongAnnouncementKeepsAudienceDueDateAndButtonsAndIsPacedWith50007Recorded(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        copy(BUNDLED, content);
        try (DiscordWorld world = new DiscordWorld(tmp.resolve("data"), content, 41_250)) {
            FakeDiscordServer discord = world.discord;
            // Three people meet the bot; Dora has closed her DMs.
            for (String who : List.of(ALICE, DORA, HANK)) {
                String id = discord.message(who, true, "<@" + BOT + "> can I post photos of colleagues?", null);
                discord.await(0, post(FakeDiscordServer.GENERAL).and(r -> id.equals(
                        r.body().path("message_reference").path("message_id").asText())), 1, T);
            }
            discord.refuseDmOpen(DORA);
            newVersionWithEverySummaryChanged(content);
            world.runtime.reloadContent();

            int start = world.mark();
            Interaction announce = discord.slash(HANK, true, "announce", Map.of());
            List<Request> preview = discord.await(start, FakeDiscordServer.of(announce)
                    .and(r -> r.customIds().stream().anyMatch(id -> id.startsWith("announce.confirm:"))), 1, T);
            List<Request> parts = discord.requestsSince(start).stream().filter(FakeDiscordServer.of(announce))
                    .filter(editOriginal().or(followUp())).toList();
            String shown = String.join("\n", parts.stream().map(Request::text).toList());
            assertTrue(world.calls(start, announce, DiscordWorld.callback(), 1).get(0).ephemeral()
                    && parts.stream().filter(followUp()).allMatch(Request::ephemeral), "the preview is HR's alone");
            assertTrue(shown.contains("Audience:"), "the audience survives a long list: " + shown);
            assertTrue(shown.contains("Update quiz due by"), "the due date survives a long list: " + shown);

            Request withButtons = preview.get(0);
            int sent = world.mark();
            String send = withButtons.customIds().stream().filter(id -> id.startsWith("announce.confirm:")).findFirst()
                    .orElseThrow();
            Interaction confirm = discord.press(HANK, withButtons.messageId(), send);
            world.calls(sent, confirm, DiscordWorld.callback(), 1);

            List<Request> channelPosts = discord.await(sent, post(ANNOUNCEMENTS), 1, T);
            String dmAlice = discord.dmChannelOf(ALICE);
            String dmHank = discord.dmChannelOf(HANK);
            List<Request> aliceDm = discord.await(sent, post(dmAlice), 1, Duration.ofSeconds(30));
            discord.await(sent, post(dmHank), 1, Duration.ofSeconds(30));
            List<Request> opens = discord.await(sent, r -> r.is("POST", "users/@me/channels"), 3, Duration.ofSeconds(30));

            for (List<Request> message : List.of(channelPosts, aliceDm)) {
                String text = String.join("\n", discord.requestsSince(sent).stream()
                        .filter(r -> r.path().equals(message.get(0).path())).map(Request::text).toList());
                assertTrue(text.contains("take the short update quiz by"), "the deadline is never cut: " + text);
            }
            assertTrue(discord.requestsSince(sent).stream().filter(post(dmAlice))
                    .anyMatch(r -> r.customIds().stream().anyMatch(id -> id.startsWith("announce.ack:"))),
                    "the \"I have read it\" button comes along");
            for (int i = 1; i < opens.size(); i++) {
                long gap = Duration.between(opens.get(i - 1).at(), opens.get(i).at()).toMillis();
                assertTrue(gap >= 900, "DM channels are opened at most one per second: " + gap + " ms");
            }
            List<Request> refused = discord.requestsSince(sent).stream()
                    .filter(r -> r.is("POST", "users/@me/channels") && r.status() == 403).toList();
            assertEquals(1, refused.size(), "Dora's closed DMs are tried once and recorded as failed, not retried");
            DiscordWorld.assertSafeAndWithinLimits(discord.requestsSince(start));
        }
    }

    private static void newVersionWithEverySummaryChanged(Path content) throws IOException {
        Path en = content.resolve("social-media/policy.en.md");
        Path zh = content.resolve("social-media/policy.zh.md");
        String text = Files.readString(en).replace("version: \"1.0\"", "version: \"1.1\"");
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.startsWith("> **In short:**")
                    ? line + " Updated in version 1.1 of this policy: please read the whole section again, the details changed."
                    : line).append('\n');
        }
        Files.writeString(en, out.substring(0, out.length() - 1));
        Files.writeString(zh, Files.readString(zh).replace("version: \"1.0\"", "version: \"1.1\""));
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
