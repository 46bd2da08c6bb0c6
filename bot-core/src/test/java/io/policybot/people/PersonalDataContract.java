package io.policybot.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.announcements.Acknowledgement;
import io.policybot.announcements.Announcement;
import io.policybot.announcements.OutboxMessage;
import io.policybot.audit.AuditEntry;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.Vote;
import io.policybot.signin.SignInLinkStore;
import io.policybot.testing.StoreContract;
import io.policybot.testing.Stores;
import io.policybot.training.Completion;
import io.policybot.training.Modules;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of every {@link PersonalData} implementation, on every database: export and forget. */
public abstract class PersonalDataContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    /** Ann with a bit of everything: a role, a quiz passed, an acknowledgement, two questions, a vote, a DM, a link. */
    private Person ann(Stores s) {
        Person boss = s.people().findOrCreate("slack", "U9", "Bea Boss", T0);
        s.roster().upsert(List.of(new RosterEntry(2, "slack", "U1", "Ann Example", "ann@example.com", "Sales", null,
                LocalDate.parse("2025-03-01"), Role.MANAGER)), T0);
        Person ann = s.people().find("slack", "U1").orElseThrow();
        s.people().update(new Person(ann.id(), "slack", "U1", "Ann Example", "ann@example.com", "Sales", boss.id(),
                ann.firstSeen(), LocalDate.parse("2025-03-01")));
        s.training().create(new TrainingSession("s1", ann.id(), Modules.QUIZ, "social-media", "1.0", "en",
                SessionStatus.ACTIVE, "{}", T0, T0));
        s.training().recordAnswer(new RecordedAnswer("s1", 0, "q1", 2, true, T0), "{}",
                new Completion("c1", ann.id(), "s1", Modules.QUIZ, "social-media", "1.0", 1, 1, true, T0), T0);
        s.announcements().createDraft(new Announcement("a1", "social-media", "1.0", null, LocalDate.parse("2026-11-24"),
                Announcement.Status.DRAFT, null, T0, null));
        s.announcements().settle("a1", Announcement.Status.CONFIRMED, T0);
        s.outbox().enqueue(List.of(OutboxMessage.pending("a1:slack:U1", "a1", OutboxMessage.Kind.ANNOUNCE, "slack",
                "U1", ann.id(), "en", T0)), T0);
        s.acknowledgements().record(new Acknowledgement("k1", ann.id(), "social-media", "1.0", "a1", "slack", T0));
        String q1 = s.questions().log(new LoggedQuestion(null, ann.id(), "Can I post about my boss Bea?", "en", true,
                "social-media", "identifying-yourself", 0.8, T0)).id();
        s.questions().log(new LoggedQuestion(null, ann.id(), "员工餐厅几点开门？", "zh", false, null, null, 0, T0.plusSeconds(1)));
        s.questions().vote(q1, ann.id(), Vote.UP, T0);
        s.signInLinks().save(new SignInLinkStore.Link("h".repeat(64), "slack", "U1", "en", T0, T0.plusSeconds(900),
                null));
        new io.policybot.signin.sql.SqlConsoleSessionStore(database()).save(new io.policybot.signin.ConsoleSessionStore.Stored(
                "c".repeat(64), "slack", "U1", "en", "t".repeat(32), "link", T0, T0.plusSeconds(30)));
        s.audit().record(new AuditEntry(T0, "slack:U1", AuditEntry.REPORT_VIEW, "team Sales", "1 person"));
        s.audit().record(new AuditEntry(T0, "cli:operator", AuditEntry.ROLE_CHANGE, "slack:U1", "employee -> manager"));
        s.audit().record(new AuditEntry(T0, "slack:U12", AuditEntry.REPORT_VIEW, "slack:U12", "someone else"));
        return ann;
    }

    @Test
    void anExportHoldsEverythingKeptAboutThePersonAndNothingAboutOthers() {
        Stores s = stores();
        Person ann = ann(s);
        Person other = s.people().findOrCreate("slack", "U2", "Olly", T0);
        s.questions().log(new LoggedQuestion(null, other.id(), "Olly's question", "en", true, null, null, 0.5, T0));

        PersonalData.Export export = s.personalData().export(ann.id()).orElseThrow();
        Map<String, List<Map<String, Object>>> x = export.sections();
        Map<String, Object> person = x.get("person").getFirst();
        assertEquals("Ann Example", person.get("display_name"));
        assertEquals("ann@example.com", person.get("email"));
        assertEquals("slack:U9", person.get("manager"));
        assertEquals("manager", person.get("roster_role"));
        assertEquals("2025-03-01", person.get("joined_on"));
        assertEquals(T0.toString(), person.get("first_seen_at"));
        assertEquals(1, x.get("training_sessions").size());
        assertEquals(true, x.get("training_answers").getFirst().get("correct"));
        assertEquals(true, x.get("training_completions").getFirst().get("passed"));
        assertEquals("1.0", x.get("acknowledgements").getFirst().get("policy_version"));
        assertEquals(List.of("Can I post about my boss Bea?", "员工餐厅几点开门？"),
                x.get("questions").stream().map(r -> r.get("question")).toList());
        assertEquals("up", x.get("feedback").getFirst().get("vote"));
        assertEquals("U1", x.get("messages").getFirst().get("recipient"));
        assertEquals(1, x.get("sign_in_links").size());
        assertFalse(x.get("sign_in_links").getFirst().containsKey("token_hash"), "a credential is no personal data");
        assertEquals(1, x.get("console_sessions").size(), "their console session, how and when");
        assertFalse(x.get("console_sessions").getFirst().containsKey("id_hash"), "the session id is a credential");
        assertFalse(x.get("console_sessions").getFirst().containsKey("csrf"));
        assertEquals(List.of("team Sales", "slack:U1"), x.get("audit").stream().map(r -> r.get("target")).toList(),
                "entries by or about slack:U1, not slack:U12");
        assertFalse(x.toString().contains("Olly"));
        assertTrue(s.personalData().export("nobody").isEmpty());
    }

    @Test
    void forgettingPseudonymisesKeepsTheEvidenceAndIsIdempotent() {
        Stores s = stores();
        Person ann = ann(s);
        int auditBefore = s.audit().recent(100).size();
        Person report = s.people().findOrCreate("slack", "U3", "Rita Report", T0);
        s.people().update(new Person(report.id(), "slack", "U3", "Rita Report", null, "Sales", ann.id(), T0, null));

        PersonalData.Forgotten f = s.personalData().forget(ann.id(), T0.plusSeconds(60)).orElseThrow();
        assertTrue(f.changed());
        assertEquals(PersonalData.pseudonym(ann.id()), f.pseudonym());
        assertTrue(f.pseudonym().startsWith("forgotten-"));
        assertEquals(2, f.questionsRemoved());
        assertEquals(1, f.feedbackRemoved());
        assertEquals(2, f.signInLinksRemoved(), "the sign-in link and the console session");
        assertEquals(1, f.messagesSkipped());
        assertEquals(1, f.answersKept());
        assertEquals(1, f.trainingKept());
        assertEquals(1, f.acknowledgementsKept());

        Person now = s.people().find(ann.id()).orElseThrow();
        assertEquals(f.pseudonym(), now.displayName());
        assertEquals(f.pseudonym(), now.platformUserId());
        assertNull(now.email());
        assertNull(now.managerId());
        assertNull(now.joinedOn());
        assertEquals("Sales", now.team(), "the team stays: anonymous training evidence by team");
        assertTrue(s.people().find("slack", "U1").isEmpty());
        assertNull(s.people().find(report.id()).orElseThrow().managerId(), "the org chart no longer points at them");
        assertEquals(1, s.training().completions(ann.id()).size(), "training evidence kept");
        assertEquals(1, s.training().acknowledgements(ann.id()).size(), "acknowledgement evidence kept");

        Map<String, List<Map<String, Object>>> x = s.personalData().export(ann.id()).orElseThrow().sections();
        assertTrue(x.get("questions").isEmpty());
        assertTrue(x.get("feedback").isEmpty());
        assertTrue(x.get("sign_in_links").isEmpty());
        assertTrue(x.get("console_sessions").isEmpty(), "a forgotten person is signed out of the console");
        assertEquals(f.pseudonym(), x.get("messages").getFirst().get("recipient"));
        assertEquals("skipped", x.get("messages").getFirst().get("status"), "nothing more is sent to them");
        assertNull(x.get("person").getFirst().get("roster_role"));
        assertFalse(x.toString().contains("Ann Example"));
        assertFalse(x.toString().contains("ann@example.com"));
        assertFalse(x.toString().contains("boss Bea"));
        assertEquals(auditBefore, s.audit().recent(100).size(), "the audit log is the caller's to write, append-only");

        PersonalData.Forgotten again = s.personalData().forget(ann.id(), T0.plusSeconds(120)).orElseThrow();
        assertFalse(again.changed());
        assertEquals(f.pseudonym(), again.pseudonym(), "a stable pseudonym");
        assertEquals(now, s.people().find(ann.id()).orElseThrow());
        assertTrue(s.personalData().forget("nobody", T0).isEmpty());

        Person back = s.people().findOrCreate("slack", "U1", "Ann Example", T0.plusSeconds(180));
        assertNotEquals(ann.id(), back.id(), "writing again later makes a new person, with nothing of the old");
        assertTrue(s.training().completions(back.id()).isEmpty());
    }
}
