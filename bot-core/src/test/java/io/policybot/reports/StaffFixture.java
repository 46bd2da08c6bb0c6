package io.policybot.reports;

import io.policybot.testing.TestServices;
import io.policybot.conversation.StaffDesk;
import io.policybot.Ids;
import io.policybot.announcements.AnnouncementCommands;
import io.policybot.audit.AuditEntry;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.PersonRepository;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.people.RosterImporter;
import io.policybot.store.Database;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.training.TrainingSettings;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small company on a real database. Admin (by configuration) and Hana (HR, by the roster); Mia manages Eli, who
 * manages Eva (so Eva reports to Mia indirectly); Max manages Ed and Flo. Eli and Eva and Flo are in Sales with Mia.
 * On 2026-12-15 (due dates are 30 days after 2026-11-01 or after joining): Eva passed the quiz (90%) and
 * acknowledged it; Eli joined 2026-12-01 and has a quiz running; Ed failed (50%) and is overdue; Flo joined
 * 2026-12-10 and has not started; everyone else joined in 2020 and is overdue.
 */
final class StaffFixture {
    static final String ROSTER = """
            platform,platform_user_id,name,email,team,manager_email,joined_on,role
            slack,ADM,Ari Admin,ari@acme.example,Exec,,2020-01-06,
            slack,HR1,Hana HR,hana@acme.example,People,,2020-01-06,hr
            slack,M1,Mia Manager,mia@acme.example,Sales,,2020-01-06,
            slack,E1,Eli Lead,eli@acme.example,Sales,mia@acme.example,2026-12-01,
            slack,E2,Eva Junior,eva@acme.example,Sales,eli@acme.example,2020-01-06,
            slack,M2,Max Manager,max@acme.example,Support,,2020-01-06,
            slack,E3,Ed Support,ed@acme.example,Support,max@acme.example,2020-01-06,
            slack,E4,Flo Field,flo@acme.example,Sales,max@acme.example,2026-12-10,
            """;

    final TestClock clock = TestClock.at("2026-12-15T09:00:00Z");
    final Database db;
    final SqlAuditLog audit;
    final PersonRepository people;
    final List<String> delegated = new ArrayList<>();
    final StaffDesk desk;
    final String version = TestContent.bundled().policy("social-media").orElseThrow().version();

    StaffFixture(Database db) {
        this.db = db;
        this.audit = new SqlAuditLog(db);
        this.people = new SqlPersonRepository(db);
        new RosterImporter(people, new SqlRosterRepository(db), audit, clock).importCsv(ROSTER, "cli", "roster.csv");
        RolesConfig roles = RolesConfig.of(Map.of(Role.ADMIN, List.of("slack:ADM"), Role.HR, List.of("slack:group:S0HR")));
        desk = TestServices.builder(db, TestContent::bundled, clock, 1).roles(roles).build()
                .staffDesk(audit, new RecordingAnnouncements());
        completion("E2", 9, 10, true);
        completion("E3", 5, 10, false);
        activeQuiz("E1");
        acknowledge("E2");
    }

    Actor actor(String userId) {
        return new Actor("slack", userId, null, null);
    }

    List<Reply> say(String userId, String command, String argument) {
        Actor a = actor(userId);
        return desk.handle(command, argument, new Inbound.Message(a, new ChannelRef("D-" + userId, true),
                command + " " + argument, Inbound.Message.Kind.COMMAND), "en");
    }

    List<Reply> press(String userId, String actionId) {
        Actor a = actor(userId);
        return desk.onButton(new Inbound.ButtonPress(a, new ChannelRef("D-" + userId, true), actionId, "a1"), "en");
    }

    static String csv(List<Reply> replies) {
        return replies.stream().flatMap(r -> r.blocks().stream()).filter(b -> b instanceof Block.Attachment)
                .map(b -> new String(((Block.Attachment) b).content(), java.nio.charset.StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }

    /** The "person" column of the CSV: whose records the report holds. */
    static List<String> peopleIn(List<Reply> replies) {
        String csv = csv(replies);
        if (csv == null) {
            return List.of();
        }
        return csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().sorted().toList();
    }

    List<AuditEntry> refusals() {
        return audit.recent(100).stream().filter(e -> e.action().equals(AuditEntry.REFUSED)).toList();
    }

    String id(String userId) {
        return people.find("slack", userId).orElseThrow().id();
    }

    void completion(String userId, int correct, int total, boolean passed) {
        String session = session(userId, "finished");
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_completion (id, person_id, session_id, "
                    + "module, policy_id, policy_version, correct, total, passed, completed_at) VALUES (?, ?, ?, 'quiz', "
                    + "'social-media', ?, ?, ?, ?, ?)")) {
                ps.setString(1, Ids.next());
                ps.setString(2, id(userId));
                ps.setString(3, session);
                ps.setString(4, version);
                ps.setInt(5, correct);
                ps.setInt(6, total);
                ps.setBoolean(7, passed);
                ps.setLong(8, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    void activeQuiz(String userId) {
        session(userId, "active");
    }

    private String session(String userId, String status) {
        String id = Ids.next();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_session (id, person_id, module, policy_id, "
                    + "policy_version, language, status, state, started_at, updated_at) VALUES (?, ?, 'quiz', "
                    + "'social-media', ?, 'en', ?, '{}', ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, id(userId));
                ps.setString(3, version);
                ps.setString(4, status);
                ps.setLong(5, clock.millis());
                ps.setLong(6, clock.millis());
                return ps.executeUpdate();
            }
        });
        return id;
    }

    void acknowledge(String userId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (id, person_id, policy_id, "
                    + "policy_version, acknowledged_at) VALUES (?, ?, 'social-media', ?, ?)")) {
                ps.setString(1, Ids.next());
                ps.setString(2, id(userId));
                ps.setString(3, version);
                ps.setLong(4, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    /** Records what reached the announcements capability. */
    final class RecordingAnnouncements implements AnnouncementCommands {
        @Override
        public List<Reply> announce(Inbound.Message message, String argument, String language) {
            delegated.add("announce:" + message.actor().userId());
            return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text("announcing")), "announcing"));
        }

        @Override
        public List<Reply> onButton(Inbound.ButtonPress press, String language) {
            delegated.add(press.actionId() + ":" + press.actor().userId());
            return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text("pressed")), "pressed"));
        }
    }

    static Instant at(String s) {
        return Instant.parse(s);
    }
}
