package io.policybot.app.web;

import com.sun.net.httpserver.HttpServer;
import io.policybot.app.TestContentDirs;
import io.policybot.Ids;
import io.policybot.announcements.Acknowledgement;
import io.policybot.announcements.Announcement;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.versions.ContentPublisher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link ConsoleWorld}'s company with content history, served by a console that has a content directory and an
 * answerer as serve gives it: version 0.9 of the social media policy was published on 2026-12-01 (another title
 * for "Personal use at work", another short answer for "Account security"), the bundled 1.0 on 2026-12-09 and
 * announced on 2026-12-10. Ed acknowledged 1.0 in Slack on 2026-12-12, Eva in Discord on 2026-12-14; Eva passed
 * its quiz on 2026-12-15 (ConsoleWorld). The content directory is a copy of the bundled content.
 */
final class ContentWorld implements AutoCloseable {
    final ConsoleWorld world = new ConsoleWorld();
    final Path root = Files.createTempDirectory("console-content");
    final Path directory = root.resolve("content");
    final QuestionAnswerer answerer = new QuestionAnswerer(world.services.content().get(), AnsweringSettings.DEFAULTS);
    final HttpServer server;

    ContentWorld() throws IOException {
        TestContentDirs.copyBundled(directory);
        Path old = TestContentDirs.copyBundled(root.resolve("old"));
        edit(old.resolve("social-media/policy.en.md"), "version: \"1.0\"", "version: \"0.9\"");
        edit(old.resolve("social-media/policy.zh.md"), "version: \"1.0\"", "version: \"0.9\"");
        edit(old.resolve("social-media/policy.en.md"), "## Personal use at work", "## Personal use during work hours");
        edit(old.resolve("social-media/policy.en.md"), "keep the credentials only in the company password manager",
                "keep the credentials in a safe place");
        ContentLibrary before = new ContentLoader().load(old);
        ContentPublisher publisher = new ContentPublisher(world.services.storage().versions(), world.clock);
        world.clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        publisher.publish(before);
        world.clock.set(Instant.parse("2026-12-09T10:00:00Z"));
        publisher.publish(world.services.content().get());
        Announcement a = new Announcement(Ids.next(), "social-media", world.version, "0.9", LocalDate.parse("2026-12-31"),
                Announcement.Status.DRAFT, null, Instant.parse("2026-12-10T08:00:00Z"), null);
        world.services.storage().announcements().createDraft(a);
        world.services.storage().announcements().settle(a.id(), Announcement.Status.CONFIRMED,
                Instant.parse("2026-12-10T08:05:00Z"));
        ack("E3", "slack", "2026-12-12T11:00:00Z", a.id());
        ack("E2", "discord", "2026-12-14T16:30:00Z", a.id());
        world.clock.set(Instant.parse("2026-12-15T09:00:00Z"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.createContext(WebConsole.PREFIX, new WebConsole(world.services, world.clock, false, Duration.ofMinutes(30),
                () -> answerer, directory));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + WebConsole.PREFIX;
    }

    private void ack(String userId, String platform, String at, String announcement) {
        world.services.storage().acknowledgements().record(new Acknowledgement(Ids.next(), world.id(userId),
                "social-media", world.version, announcement, platform, Instant.parse(at)));
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " has no " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        world.close();
    }
}
