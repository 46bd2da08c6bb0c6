package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.audit.AuditEntry;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.Vote;
import io.policybot.reports.GapFollowUp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Questions page on a real listener and SQLite: the gaps report, hand-offs, marking handled, roles, CSRF. */
class QuestionsPageTest {
    private static final String PHOTOS = "Can I post photos of the office party?";

    private final ConsoleWorld world = new ConsoleWorld();
    private final ConsoleClient client = new ConsoleClient(world);
    private final QuestionLogRepository log = world.services.storage().questions();

    QuestionsPageTest() throws IOException {
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** Two weeks of questions: the photo question three ways (one voted down), the canteen once, passed to HR. */
    private LoggedQuestion askAround() {
        world.asked("E2", "May I post photos from the office party?", false, null);
        world.clock.advance(Duration.ofDays(8));
        world.asked("E1", PHOTOS, false, null);
        LoggedQuestion voted = world.asked("E3", "Can I post office party photos?", true, "personal-use");
        log.vote(voted.id(), world.id("E3"), Vote.DOWN, world.clock.instant());
        LoggedQuestion canteen = world.asked("E4", "When does the canteen open?", false, null);
        log.markEscalated(canteen.id(), world.clock.instant());
        return canteen;
    }

    @Test
    void hrSeesTheGroupsWithCountsSectionAndTrend() throws Exception {
        askAround();
        ConsoleClient.Browser hr = client.signIn("HR1");
        String page = client.get("/questions", hr.cookie()).body();
        assertTrue(page.contains("4 questions declined or voted down, in 2 groups"), page);
        assertTrue(page.contains("May I post photos from the office party?"), "the group's first wording");
        assertTrue(page.contains(PHOTOS), "and the others");
        // 3 asked, 2 declined, 1 voted down, the section it matched, 1 then 2 a week: rising.
        assertTrue(page.replaceAll("\\s+", " ").contains("<td class=\"num\">3</td> <td class=\"num\">2</td> "
                + "<td class=\"num\">1</td>"), page);
        assertTrue(page.contains("Personal use"), "the matched section's title");
        assertTrue(page.contains("rising"), page);
        assertTrue(page.contains("new this week"), "the canteen was first asked this week");
        assertTrue(page.contains("When does the canteen open?"), "the hand-off is listed");
        assertTrue(page.contains(">Open<"), "and open");
    }

    @Test
    void markingAGroupHandledIsKeptAuditedAndUndoneWhenPeopleAskAgain() throws Exception {
        askAround();
        ConsoleClient.Browser hr = client.signIn("HR1");
        HttpResponse<String> marked = client.submit(hr, "/questions/handled", "example",
                "May I post photos from the office party?", "days", "30");
        assertEquals(303, marked.statusCode());
        assertEquals("/console/questions?days=30&done=handled", marked.headers().firstValue("Location").orElseThrow());
        String page = client.get("/questions?done=handled", hr.cookie()).body();
        assertTrue(page.contains("Marked handled."));
        assertTrue(page.replaceAll("\\s+", " ").contains("Handled by Hana HR</span> <div class=\"meta\">2026-12-23 09:00</div>"),
                page);
        assertEquals(1, page.split("class=\"mark-handled\"", -1).length - 1, "only the canteen group is left to mark");
        AuditEntry entry = world.services.storage().audit().recent(50).stream()
                .filter(e -> e.action().equals(GapFollowUp.HANDLED)).findFirst().orElseThrow();
        assertEquals("slack:HR1", entry.actor());
        assertTrue(entry.detail().contains("May I post photos"), entry.detail());

        HttpResponse<String> twice = client.submit(hr, "/questions/handled", "example",
                "May I post photos from the office party?");
        assertTrue(twice.headers().firstValue("Location").orElseThrow().endsWith("done=already"));

        world.clock.advance(Duration.ofMinutes(20)); // within the session's idle time
        world.asked("E2", "Can I post photos of the party at the office?", false, null);
        String reopened = client.get("/questions", hr.cookie()).body();
        assertTrue(reopened.contains("Handled, but asked again since: 1"), reopened);
    }

    @Test
    void aHandOffIsMarkedHandledOnce() throws Exception {
        LoggedQuestion canteen = askAround();
        ConsoleClient.Browser admin = client.signIn("ADM");
        HttpResponse<String> r = client.submit(admin, "/questions/handoff", "id", canteen.id());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("done=handoff"));
        String page = client.get("/questions", admin.cookie()).body();
        assertTrue(page.contains("Handled by Ari Admin"), page);
        assertFalse(page.contains("class=\"handoff-handled\""), "nothing left to mark");
        assertTrue(client.submit(admin, "/questions/handoff", "id", canteen.id()).headers().firstValue("Location")
                .orElseThrow().endsWith("done=handoffAlready"));
        assertFalse(log.handOffs(world.clock.instant().minus(Duration.ofDays(1))).getFirst().open());
    }

    @Test
    void employeesManagersAndForgedFormsAreRefusedAndAudited() throws Exception {
        LoggedQuestion canteen = askAround();
        assertEquals(401, client.get("/questions", null).statusCode());
        assertEquals(403, client.post("/questions/handled", null, "example=x").statusCode());
        for (String who : List.of("E2", "M2")) {
            ConsoleClient.Browser b = client.signIn(who);
            assertFalse(client.get("/", b.cookie()).body().contains("/console/questions"), who + ": no nav link");
            HttpResponse<String> page = client.get("/questions", b.cookie());
            assertEquals(403, page.statusCode(), who);
            assertFalse(page.body().contains("canteen"), who);
            assertEquals(403, client.submit(b, "/questions/handled", "example", PHOTOS).statusCode(), who);
            assertEquals(403, client.submit(b, "/questions/handoff", "id", canteen.id()).statusCode(), who);
        }
        ConsoleClient.Browser hr = client.signIn("HR1");
        assertEquals(403, client.post("/questions/handled", hr.cookie(), "example=x&csrf=forged").statusCode());
        assertEquals(List.of(), log.handledGaps(), "nothing was marked");
        assertTrue(log.handOffs(world.clock.instant().minus(Duration.ofDays(1))).getFirst().open());
        List<AuditEntry> refused = world.services.storage().audit().recent(100).stream()
                .filter(e -> e.action().equals(AuditEntry.REFUSED)).toList();
        assertEquals(7, refused.size(), refused.toString());
    }
}
