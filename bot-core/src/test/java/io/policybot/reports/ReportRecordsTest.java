package io.policybot.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.Replies;
import io.policybot.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reports in chat: reading creates no one (B6); teams in any case and bare ids are found (B19). */
class ReportRecordsTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    StaffFixture f;

    @BeforeEach
    void setUp() {
        f = new StaffFixture(db.database());
    }

    @Test
    void B6_aReportOnTheCommandLineCreatesNoOne() {
        int before = f.people.all().size();
        ReportCommands.CliReport r = f.desk.reportForCli(new io.policybot.chat.Actor("slack", "UNKNOWN", null, null), "", "en");
        assertTrue(Replies.text(r.replies()).contains("No one is in this report."), Replies.text(r.replies()));
        f.desk.reportForCli(new io.policybot.chat.Actor("cli", "operator", "operator", null), "", "en");
        assertEquals(before, f.people.all().size());
        assertTrue(f.people.find("slack", "UNKNOWN").isEmpty());
        assertTrue(f.people.find("cli", "operator").isEmpty());
    }

    @Test
    void B29_gapsNameSectionsByTitleWithPlurals() {
        f.db.inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO question_log (id, person_id, question, "
                    + "language, answered, policy_id, section_id, confidence, asked_at) VALUES ('q1', ?, ?, 'en', FALSE, "
                    + "'social-media', 'account-security', 0.2, ?)")) {
                ps.setString(1, f.id("E1"));
                ps.setString(2, "what is the wifi password");
                ps.setLong(3, f.clock.millis());
                return ps.executeUpdate();
            }
        });
        String text = Replies.text(f.say("HR1", "gaps", ""));
        assertTrue(text.contains("nearest section Social Media Policy > Account security"), text);
        assertTrue(text.contains("1 question in 1 group"), text);
    }

    @Test
    void B19_teamsInAnyCaseAndBareIdsAreFound() {
        assertEquals(List.of("slack:E1", "slack:E2", "slack:E4", "slack:M1"), StaffFixture.peopleIn(f.say("HR1", "report", "team sales")));
        assertEquals(List.of("slack:E1", "slack:E2", "slack:E4", "slack:M1"), StaffFixture.peopleIn(f.say("HR1", "report", "SALES")));
        assertEquals(List.of("slack:E1"), StaffFixture.peopleIn(f.say("HR1", "report", "e1")));
        assertEquals(List.of("slack:E1"), StaffFixture.peopleIn(f.say("HR1", "report", "Eli@Acme.example")));
        assertTrue(Replies.text(f.say("HR1", "report", "team sales")).contains("Training report: team Sales"));
    }

    private String status(String personKey) {
        return StaffFixture.csv(f.say("HR1", "report", "")).lines().filter(l -> l.startsWith(personKey + ","))
                .map(l -> l.split(",")[6]).findFirst().orElseThrow();
    }

    @Test
    void aReportMadeBeforeIsNeverShownAfterAChangeOrOnAnotherDay() {
        assertEquals("overdue", status("slack:E3"));
        assertEquals("overdue", status("slack:E3"), "asked again, nothing changed");
        f.company.completion("E3", 9, 10, true);
        assertEquals("completed", status("slack:E3"), "a new completion is in the next report at once");
        String flo = status("slack:E4");
        assertEquals("not started", flo);
        f.clock.advance(java.time.Duration.ofDays(120));
        assertEquals("overdue", status("slack:E4"), "another day: due dates are judged again");
    }
}
