package io.policybot.reports;

import io.policybot.testing.TestServices;
import io.policybot.conversation.StaffDesk;
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
import io.policybot.store.Database;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.testing.SmallCompany;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.training.TrainingSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link SmallCompany} on a real database, with the chat's staff desk; Ari is admin by configuration. On 2026-12-15 (due dates are 30 days after 2026-11-01 or after joining): Eva passed the quiz (90%) and
 * acknowledged it; Eli joined 2026-12-01 and has a quiz running; Ed failed (50%) and is overdue; Flo joined
 * 2026-12-10 and has not started; everyone else joined in 2020 and is overdue.
 */
final class StaffFixture {
    final TestClock clock = TestClock.at("2026-12-15T09:00:00Z");
    final Database db;
    final SqlAuditLog audit;
    final PersonRepository people;
    final List<String> delegated = new ArrayList<>();
    final StaffDesk desk;
    final SmallCompany company;
    final String version;

    StaffFixture(Database db) {
        this.db = db;
        this.audit = new SqlAuditLog(db);
        this.people = new SqlPersonRepository(db);
        this.company = SmallCompany.hire(db, people, new SqlRosterRepository(db), audit, clock);
        this.version = company.version;
        RolesConfig roles = RolesConfig.of(Map.of(Role.ADMIN, List.of("slack:ADM"), Role.HR, List.of("slack:group:S0HR")));
        desk = TestServices.builder(db, TestContent::bundled, clock, 1).roles(roles).build()
                .staffDesk(audit, new RecordingAnnouncements());
        company.completion("E2", 9, 10, true);
        company.completion("E3", 5, 10, false);
        company.activeQuiz("E1");
        company.acknowledge("E2");
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
        return company.id(userId);
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
