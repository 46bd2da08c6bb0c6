package io.policybot.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.people.RosterImporter;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.Vote;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestDatabase;
import io.policybot.text.Csv;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a report says and exports, and what gaps shows. */
class ReportContentTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    StaffFixture f;

    @BeforeEach
    void setUp() {
        f = new StaffFixture(db.database());
    }

    @Test
    void theSummaryCountsEachStateScoreAndAcknowledgement() {
        List<Reply> replies = f.say("HR1", "report", "");
        String text = Replies.text(replies);
        // Eva completed (90%); Eli in progress; Flo not started; Ed (50%) and the four others overdue.
        assertTrue(text.contains("**Social Media Policy** (version " + f.version + "): 1 completed, 1 in progress, "
                + "5 overdue, 1 not started; average score 70%; 1 acknowledged"), text);
        assertTrue(text.contains("Eva Junior (Sales), social-media " + f.version + ": completed, score 90%, acknowledged: yes"), text);
        assertTrue(text.contains("8 people"), text);
        Block.Attachment file = Replies.blocks(replies.getFirst(), Block.Attachment.class).getFirst();
        assertEquals("text/csv", file.mimeType());
        assertEquals("policybot-report-everyone-2026-12-15.csv", file.fileName());
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerPersonAndPolicy() {
        String csv = StaffFixture.csv(f.say("M1", "report", ""));
        List<Csv.Record> rows = Csv.parse(csv);
        assertEquals(List.of("person", "name", "email", "team", "policy", "version", "status", "score", "acknowledged",
                "due_on", "passed_version", "passed_on", "last_attempt_on", "last_attempt_score", "roleplays_done",
                "roleplays_total"), rows.get(0).fields());
        assertEquals(List.of("slack:E1", "Eli Lead", "eli@acme.example", "Sales", "social-media", f.version,
                "in progress", "", "no", "2026-12-31", "", "", "", "", "0", "8"), rows.get(1).fields());
        assertEquals(List.of("slack:E2", "Eva Junior", "eva@acme.example", "Sales", "social-media", f.version,
                "completed", "90", "yes", "2026-12-01", f.version, "2026-12-15", "2026-12-15", "90", "0", "8"),
                rows.get(2).fields());
        assertEquals(3, rows.size());
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void theCsvQuotesAndNeverCarriesAFormula() {
        String roster = "platform,platform_user_id,name,email,team,manager_email\n"
                + "slack,X1,\"=HYPERLINK(\"\"http://evil\"\")\",x1@acme.example,\"+Ops, \"\"Night\"\"\",mia@acme.example\n"
                + "slack,X2,@SUM(A1),x2@acme.example,-1,mia@acme.example\n";
        new RosterImporter(f.people, new SqlRosterRepository(db.database()), f.audit, f.clock).importCsv(roster, "cli", "x.csv");
        String csv = StaffFixture.csv(f.say("HR1", "report", "@slack:X1"));
        assertTrue(csv.contains("\r\nslack:X1,\"'=HYPERLINK(\"\"http://evil\"\")\",x1@acme.example,\"'+Ops, \"\"Night\"\"\","), csv);
        List<Csv.Record> rows = Csv.parse(StaffFixture.csv(f.say("HR1", "report", "X2")));
        assertEquals("'@SUM(A1)", rows.get(1).fields().get(1));
        assertEquals("'-1", rows.get(1).fields().get(3));
    }

    @Test
    void csvCellsFollowRfc4180() {
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("'=1+1", Csv.cell("=1+1"));
        assertEquals("a,\"b,c\",\r\n", Csv.row(java.util.Arrays.asList("a", "b,c", null)));
        assertEquals(List.of(List.of("a", "b,c", "")), Csv.parse("a,\"b,c\",\r\n").stream().map(Csv.Record::fields).toList());
    }

    @Test
    void gapsGroupSimilarQuestionsBiggestFirstWithCounts() {
        SqlQuestionLogRepository log = new SqlQuestionLogRepository(db.database());
        String asker = f.id("E2");
        f.clock.advance(Duration.ofDays(-40));
        log.log(q(asker, "How many vacation days do I get?", false, f));         // too old for 30 days
        f.clock.advance(Duration.ofDays(35));
        log.log(q(asker, "How many vacation days do I get?", false, f));
        log.log(q(asker, "how many vacation days do we get", false, f));
        log.log(q(asker, "Vacation days: how many?", false, f));
        log.log(q(asker, "Can I expense my home office chair?", false, f));
        LoggedQuestion answeredBadly = log.log(q(asker, "Can I post about my salary on LinkedIn?", true, f));
        log.vote(answeredBadly.id(), f.id("E3"), Vote.DOWN, f.clock.instant());
        log.log(q(asker, "Can I mention my employer on LinkedIn?", true, f)); // answered, no thumbs down: not a gap

        List<GapGroups.Group> groups = f.desk.gapGroups(30);
        assertEquals(List.of(3, 1, 1), groups.stream().map(GapGroups.Group::count).toList());
        assertEquals("How many vacation days do I get?", groups.get(0).example());
        assertEquals(3, groups.get(0).declined());
        assertEquals("Can I expense my home office chair?", groups.get(1).example());
        assertEquals(1, groups.get(2).downVoted());
        assertEquals("social-media/identifying-yourself", groups.get(2).section());

        String text = Replies.text(f.say("HR1", "gaps", "30"));
        assertTrue(text.contains("5 questions in 3 groups"), text);
        assertTrue(text.contains("3 × “How many vacation days do I get?”: 3 declined, 0 👎"), text);
        assertEquals("Give the number of days to look back, e.g. “gaps 30”.", Replies.text(f.say("HR1", "gaps", "lots")));
    }

    @Test
    void chineseQuestionsGroupByCharacterPairs() {
        assertTrue(GapGroups.similarity(GapGroups.tokens("年假有几天？"), GapGroups.tokens("我的年假有几天")) >= GapGroups.THRESHOLD);
        assertTrue(GapGroups.similarity(GapGroups.tokens("年假有几天？"), GapGroups.tokens("可以报销椅子吗")) < GapGroups.THRESHOLD);
    }

    private static LoggedQuestion q(String person, String text, boolean answered, StaffFixture f) {
        f.clock.advance(Duration.ofMinutes(1)); // the log reads oldest first
        return new LoggedQuestion(null, person, text, "en", answered, answered ? "social-media" : null,
                answered ? "identifying-yourself" : null, answered ? 0.5 : 0.1, f.clock.instant());
    }
}
