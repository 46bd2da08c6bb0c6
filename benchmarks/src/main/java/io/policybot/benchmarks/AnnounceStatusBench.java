package io.policybot.benchmarks;

import io.policybot.announcements.AnnouncementService;
import io.policybot.announcements.AnnouncementSettings;
import io.policybot.announcements.Announcements;
import io.policybot.app.AppConfig;
import io.policybot.app.BotRuntime;
import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import io.policybot.content.ContentLibrary;
import io.policybot.store.Database;
import io.policybot.wiring.Services;
import io.policybot.wiring.Storage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code policybot announce status} costs on a big company: the command's own runtime (database opened, no
 * index, nothing published) and the status read, on a data directory with {@code people} people and one
 * announcement to all of them, {@code delivered} of its DMs sent. The data directory is made once and kept, so the
 * packaged jar can be timed on it too (the command is printed).
 * Reproduce: {@code ./policybot --data /tmp/status50k bench --announce-status --people 50000}.
 */
final class AnnounceStatusBench {
    private final AppConfig config;

    AnnounceStatusBench(AppConfig config) {
        this.config = config;
    }

    void run(int people, int delivered, int repeats, PrintStream out) throws Exception {
        Path db = config.dataDir().resolve("policybot.db");
        if (!Files.exists(db)) {
            Files.createDirectories(config.dataDir());
            long g0 = System.nanoTime();
            generate(db, config.loadContent(), people, delivered);
            out.printf(Locale.ROOT, "generated %,d people, one announcement, %,d DMs sent (%.1f s) in %s%n", people,
                    delivered, (System.nanoTime() - g0) / 1e9, config.dataDir());
        }
        long[] nanos = new long[repeats];
        String status = "";
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            // Exactly what the command does: a runtime with no start-up steps, the status read, closed.
            try (BotRuntime runtime = BotRuntime.builder(config, Clock.systemUTC()).build()) {
                status = runtime.services().announcements().conversation().status("en").fallback();
            }
            nanos[i] = System.nanoTime() - s;
        }
        long first = nanos[0];
        Arrays.sort(nanos);
        out.println(status);
        out.printf(Locale.ROOT, "announce status, first in this JVM  %.0f ms%n", first / 1e6);
        out.printf(Locale.ROOT, "announce status, p50 / max          %.0f / %.0f ms (%d runs)%n", nanos[repeats / 2] / 1e6,
                nanos[repeats - 1] / 1e6, repeats);
        out.printf("as a process: time java @jvm.options -jar app/target/policybot.jar --data %s announce status%n",
                config.dataDir());
    }

    private static void generate(Path file, ContentLibrary library, int people, int delivered) throws Exception {
        Clock clock = Clock.systemUTC();
        try (Services services = Services.builder(Storage.sqlite(file)).content(() -> library).clock(clock)
                .sleeper(d -> { }).announcing(AnnouncementSettings.defaults().withRate("console", 1_000_000))
                .platforms(Set.of("console")).build()) {
            Database db = services.storage().database();
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, platform, platform_user_id, "
                        + "display_name, first_seen_at) VALUES (?, 'console', ?, ?, ?)")) {
                    for (int i = 0; i < people; i++) {
                        ps.setString(1, String.format("p%012d", i));
                        ps.setString(2, String.format("u%08d", i));
                        ps.setString(3, "Person " + i);
                        ps.setLong(4, clock.millis());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            Announcements announcements = services.announcements();
            announcements.publisher().publish(library);
            var preview = (AnnouncementService.Preview) announcements.service().prepare(null, null);
            announcements.service().confirm(preview.draft().id(), "bench");
            ChatGateway console = new ChatGateway() {
                private int sent;

                @Override
                public String platform() {
                    return "console";
                }

                @Override
                public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
                    // The first `delivered` go out; the rest stay pending (the platform asks to retry later).
                    return sent++ < delivered ? new DeliveryResult.Sent("m" + sent)
                            : new DeliveryResult.RetryLater(java.time.Duration.ofHours(1), "bench");
                }

                @Override
                public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
                    return new DeliveryResult.Sent("c");
                }
            };
            announcements.delivery(Map.of("console", console)).dispatchDue("console");
        }
    }
}
