package io.policybot.benchmarks;

import io.policybot.wiring.Storage;
import io.policybot.wiring.Services;
import io.policybot.announcements.AnnouncementCommands;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.RolesConfig;
import io.policybot.conversation.StaffDesk;
import io.policybot.store.Database;
import io.policybot.training.TrainingSettings;
import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Report speed on a big org: {@code people} people in a tree (a CEO, then VPs each with an org of 2,000 people, each VP's org an
 * 8-ary tree about 4 levels deep) and {@code records} training completions spread over them (quizzes of the current
 * and an earlier version, role-plays), in a temporary SQLite file. Then a VP's report (2,000-person org) is run
 * through the whole staff path (roles, queries, summary, CSV) and timed over repeats.
 * Reproduce: {@code ./policybot bench --reports}.
 */
final class ReportsBench {
    private static final int ORG = 2_000;
    private final ContentLibrary library;

    ReportsBench(ContentLibrary library) {
        this.library = library;
    }

    void run(int people, int records, int repeats, PrintStream out) {
        Policy policy = library.all().iterator().next();
        try (Database db = Database.temporary()) {
            long g0 = System.nanoTime();
            generate(db, people, records, policy);
            long generated = System.nanoTime();
            Services services = Services.builder(Storage.on(db)).content(() -> library).clock(Clock.systemUTC()).build();
            StaffDesk desk = services.staffDesk(services.storage().audit(), AnnouncementCommands.none());
            Actor vp = new Actor("bench", "p1", "VP 1", null);
            Inbound.Message message = new Inbound.Message(vp, new ChannelRef("bench", true), "report",
                    Inbound.Message.Kind.COMMAND);
            int rows = 0;
            for (int i = 0; i < 5; i++) { // warm-up
                rows = csvRows(desk.handle("report", "", message, "en"));
            }
            long[] nanos = new long[repeats];
            for (int i = 0; i < repeats; i++) {
                long s = System.nanoTime();
                desk.handle("report", "", message, "en");
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            out.printf(Locale.ROOT, "people / training records  %,d / %,d (generated in %.1f s)%n", people, records,
                    (generated - g0) / 1e9);
            out.printf(Locale.ROOT, "manager report, org of     %,d people (%,d CSV rows)%n", ORG, rows);
            out.printf(Locale.ROOT, "report p50                 %.1f ms%n", nanos[repeats / 2] / 1e6);
            out.printf(Locale.ROOT, "report max                 %.1f ms (%d repeats)%n", nanos[repeats - 1] / 1e6, repeats);
        }
    }

    private static int csvRows(List<Reply> replies) {
        return replies.stream().flatMap(r -> r.blocks().stream()).filter(b -> b instanceof Block.Attachment)
                .mapToInt(b -> (int) new String(((Block.Attachment) b).content()).lines().count() - 1).sum();
    }

    /** Person p0 is the CEO; p1, p2002, p4003... are VPs; inside a VP's org, member k reports to member (k - 1) / 8. */
    static void generate(Database db, int people, int records, Policy policy) {
        long now = System.currentTimeMillis();
        SplittableRandom random = new SplittableRandom(42);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, platform, platform_user_id, "
                    + "display_name, email, team, manager_id, first_seen_at, joined_on) VALUES (?, 'bench', ?, ?, ?, ?, ?, ?, ?)")) {
                for (int p = 0; p < people; p++) {
                    String manager;
                    if (p == 0) {
                        manager = null;
                    } else {
                        int vpIndex = (p - 1) / (ORG + 1);
                        int k = (p - 1) % (ORG + 1);
                        int base = 1 + vpIndex * (ORG + 1);
                        manager = k == 0 ? "p0" : "p" + (base + (k - 1) / 8);
                    }
                    ps.setString(1, "p" + p);
                    ps.setString(2, "p" + p);
                    ps.setString(3, "Person " + p);
                    ps.setString(4, "p" + p + "@bench.example");
                    ps.setString(5, "team-" + (p / 50));
                    ps.setString(6, manager);
                    ps.setLong(7, now);
                    ps.setString(8, "2024-01-" + String.format(Locale.ROOT, "%02d", 1 + p % 28));
                    ps.addBatch();
                    if (p % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement session = c.prepareStatement("INSERT INTO training_session (id, person_id, module, "
                    + "policy_id, policy_version, language, status, state, started_at, updated_at, finished_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'en', 'finished', '{}', ?, ?, ?)");
                 PreparedStatement completion = c.prepareStatement("INSERT INTO training_completion (id, person_id, "
                         + "session_id, module, policy_id, policy_version, correct, total, passed, completed_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, 10, ?, ?)")) {
                for (int r = 0; r < records; r++) {
                    String person = "p" + random.nextInt(people);
                    int kind = random.nextInt(10);
                    String module = kind < 6 ? "quiz" : "roleplay:scenario-" + kind;
                    String version = kind < 3 ? "0.9" : policy.version();
                    int correct = random.nextInt(4, 11);
                    long at = now - random.nextLong(400L * 86_400_000L);
                    String id = "s" + r;
                    session.setString(1, id);
                    session.setString(2, person);
                    session.setString(3, module);
                    session.setString(4, policy.id());
                    session.setString(5, version);
                    session.setLong(6, at);
                    session.setLong(7, at);
                    session.setLong(8, at);
                    session.addBatch();
                    completion.setString(1, "c" + r);
                    completion.setString(2, person);
                    completion.setString(3, id);
                    completion.setString(4, module);
                    completion.setString(5, policy.id());
                    completion.setString(6, version);
                    completion.setInt(7, correct);
                    completion.setBoolean(8, correct >= 8);
                    completion.setLong(9, at);
                    completion.addBatch();
                    if (r % 10_000 == 9_999) {
                        session.executeBatch();
                        completion.executeBatch();
                    }
                }
                session.executeBatch();
                completion.executeBatch();
            }
            return null;
        });
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            return null;
        });
    }

}
