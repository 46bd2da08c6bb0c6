package io.policybot.benchmarks;

import java.util.Set;
import io.policybot.wiring.Storage;
import io.policybot.wiring.Services;
import io.policybot.announcements.AnnouncementService;
import io.policybot.announcements.AnnouncementSettings;
import io.policybot.announcements.Announcements;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import io.policybot.store.Database;
import io.policybot.training.TrainingService;
import io.policybot.testing.TestClock;
import io.policybot.training.TrainingSettings;
import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The announcement outbox under load: enqueueing one announcement to many people (real time), then delivery
 * through a fake platform that accepts everything, paced by a simulated clock (so the figure is the platform
 * limit, not the wait), and the same delivery unpaced (what the outbox itself can do per second of real time).
 * Reproduce: {@code ./policybot bench --outbox --users 50000}.
 */
final class OutboxBench {
    private final ContentLibrary library;

    OutboxBench(ContentLibrary library) {
        this.library = library;
    }

    void run(int people, int dispatched, PrintStream out) throws Exception {
        try (Database db = Database.temporary()) {
            Run run = new Run(db, library, people, AnnouncementSettings.defaults());
            long t0 = System.nanoTime();
            var preview = (AnnouncementService.Preview) run.announcements.service().prepare(null, null);
            long t1 = System.nanoTime();
            var confirmed = run.announcements.service().confirm(preview.draft().id());
            long t2 = System.nanoTime();
            out.printf(Locale.ROOT, "outbox enqueue          %,d recipients in %d ms (preview %d ms)%n",
                    confirmed.recipients(), (t2 - t1) / 1_000_000, (t1 - t0) / 1_000_000);
        }
        for (double rate : new double[] {1.0, 1_000_000.0}) {
            try (Database db = Database.temporary()) {
                Run run = new Run(db, library, dispatched, AnnouncementSettings.defaults().withRate("slack", rate));
                var preview = (AnnouncementService.Preview) run.announcements.service().prepare(null, null);
                run.announcements.service().confirm(preview.draft().id());
                Instant sim0 = run.clock.instant();
                long r0 = System.nanoTime();
                run.announcements.dispatcher().drain();
                double real = (System.nanoTime() - r0) / 1e9;
                double simulated = Duration.between(sim0, run.clock.instant()).toMillis() / 1000.0;
                int sent = run.sent.get();
                if (rate < 1000) {
                    out.printf(Locale.ROOT, "outbox delivery paced   %,d messages at Slack's %.0f/s: %.0f s simulated = %.3f msg/s "
                            + "(%.1f s real)%n", sent, rate, simulated, sent / simulated, real);
                } else {
                    out.printf(Locale.ROOT, "outbox delivery unpaced %,d messages in %.1f s real = %,.0f msg/s (the outbox's own "
                            + "ceiling, one durable commit before and after each send)%n", sent, real, sent / real);
                }
            }
        }
    }

    /** A database with {@code people} Slack users, two published versions and a fake Slack. */
    private static final class Run {
        // Moves only when the pacer "sleeps": delivery is measured without waiting out its pacing.
        final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
        final AtomicInteger sent = new AtomicInteger();
        final Announcements announcements;

        Run(Database db, ContentLibrary library, int people, AnnouncementSettings settings) {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, platform, platform_user_id, "
                        + "display_name, first_seen_at) VALUES (?, 'slack', ?, ?, ?)")) {
                    for (int i = 0; i < people; i++) {
                        ps.setString(1, String.format("p%012d", i));
                        ps.setString(2, String.format("U%08d", i));
                        ps.setString(3, "Person " + i);
                        ps.setLong(4, clock.instant().toEpochMilli());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            AtomicReference<ContentLibrary> content = new AtomicReference<>(library);
            ChatGateway slack = new ChatGateway() {
                @Override
                public String platform() {
                    return "slack";
                }

                @Override
                public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
                    sent.incrementAndGet();
                    return new DeliveryResult.Sent("ts");
                }

                @Override
                public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
                    return new DeliveryResult.Sent("ts");
                }
            };
            announcements = Services.builder(Storage.on(db)).content(content::get).clock(clock).random(new Random(1))
                    .sleeper(d -> clock.advance(d)).announcing(settings).platforms(Set.of("slack")).build()
                    .announcements();
            announcements.delivery(Map.of("slack", slack));
            announcements.publisher().publish(library);
            content.set(edited(library));
            announcements.publisher().publish(content.get());
        }
    }

    /** Each policy with a new version and its first section reworded, in every language. */
    static ContentLibrary edited(ContentLibrary base) {
        Map<String, Policy> policies = new HashMap<>();
        for (Policy p : base.all()) {
            Map<String, PolicyDocument> docs = new HashMap<>();
            p.documents().forEach((lang, d) -> {
                List<Section> sections = new ArrayList<>(d.sections());
                Section s = sections.getFirst();
                sections.set(0, new Section(s.id(), s.title(), s.shortAnswer() + " (revised)", s.passages(), s.keywords(),
                        s.markdown(), s.line()));
                docs.put(lang, new PolicyDocument(d.policyId(), lang, d.title(), d.version() + "-bench", d.effective(),
                        d.owner(), d.link(), d.contactRole(), d.intro(), sections, d.source()));
            });
            policies.put(p.id(), new Policy(p.id(), docs, p.quizzes(), p.scenarios()));
        }
        return new ContentLibrary(base.settings(), policies, base.fingerprint() + "-bench");
    }
}
