package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policybot.announcements.AnnouncementService;
import io.policybot.audit.AuditEntry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Announcements page on a real listener and SQLite: who may use it, the preview with its diff, confirming
 * through the chat's own use case, the progress the page polls, replays and CSRF.
 */
class AnnouncementsPageTest {
    private final ConsoleWorld world = new ConsoleWorld();
    private final ConsoleClient client = new ConsoleClient(world);
    private final ObjectMapper json = new ObjectMapper();

    AnnouncementsPageTest() throws IOException {
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<AuditEntry> audit(String action) {
        return world.services.storage().audit().recent(200).stream().filter(e -> e.action().equals(action)).toList();
    }

    private JsonNode progress(ConsoleClient.Browser b) throws Exception {
        HttpResponse<String> r = client.get("/announcements/progress.json", b.cookie());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return json.readTree(r.body()).get("announcements");
    }

    /** HR prepares the announcement of the latest version; returns the preview page. */
    private String preview(ConsoleClient.Browser hr, String due) throws Exception {
        HttpResponse<String> r = client.submit(hr, "/announcements/prepare", "policy", "social-media", "due", due);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String draftId(String preview) {
        Matcher m = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(preview);
        assertTrue(m.find(), "the preview's confirm form names its draft");
        return m.group(1);
    }

    @Test
    void hrSeesWhatChangedAsAWordDiffWithTheAudienceAndTheDueDate() throws Exception {
        world.publishRevision("1.1");
        ConsoleClient.Browser hr = client.signIn("HR1");
        String page = client.get("/announcements", hr.cookie()).body();
        assertTrue(page.contains("No announcement sent yet."), page);
        assertTrue(page.contains("1.1"), "the latest published version is offered");
        assertTrue(page.contains("value=\"2027-01-14\""), "the default due date: 30 days from today");

        String preview = preview(hr, "2027-01-31");
        assertTrue(preview.contains("Compared with version " + world.version), preview);
        // Both reworded sections, in both languages, each with the words added marked as such.
        assertEquals(4, Pattern.compile("data-section=\"(identifying-yourself|account-security)\"").matcher(preview)
                .results().count(), preview);
        assertTrue(preview.contains("<ins>(revised)</ins>"), "the added words are marked: " + preview);
        assertTrue(preview.contains("class=\"side-by-side\""), "and side by side");
        assertTrue(preview.contains("<strong>8</strong>"), "everyone on Slack gets it");
        assertTrue(preview.contains("2027-01-31"), "the due date HR chose");
        Matcher asks = Pattern.compile("<dd id=\"asks\">([^<]+)</dd>").matcher(preview);
        assertTrue(asks.find() && asks.group(1).contains("2027") && !asks.group(1).contains("**"),
                "what people have to do by then, in the chat preview's words: " + preview);
        assertTrue(audit(AuditEntry.ANNOUNCEMENT).isEmpty(), "a preview sends nothing");
        assertTrue(world.services.announcements().service().status().isEmpty());
    }

    @Test
    void confirmingSendsThroughTheChatsUseCaseAndTheProgressReachesSent() throws Exception {
        world.publishRevision("1.1");
        ConsoleClient.Browser hr = client.signIn("HR1");
        String id = draftId(preview(hr, ""));

        HttpResponse<String> confirmed = client.submit(hr, "/announcements/confirm", "id", id);
        assertEquals(303, confirmed.statusCode());
        assertEquals("/console/announcements?done=SENT#a-" + id, confirmed.headers().firstValue("Location").orElseThrow());
        String page = client.get("/announcements?done=SENT", hr.cookie()).body();
        assertTrue(page.contains("Confirmed: the announcement is on its way."), page);
        assertTrue(page.contains("data-state=\"sending\""), page);
        assertTrue(page.contains("src=\"/console/static/announcements.js\""), "the page polls its progress");

        JsonNode before = progress(hr).get(0);
        assertEquals(id, before.get("id").asText());
        assertEquals(8, before.get("pending").asInt());
        assertEquals(0, before.get("sent").asInt());
        assertEquals("sending", before.get("state").asText());

        assertEquals(9, world.deliver(), "8 DMs and the channel post");
        JsonNode after = progress(hr).get(0);
        assertEquals(8, after.get("sent").asInt());
        assertEquals(0, after.get("pending").asInt());
        assertEquals("sent", after.get("state").asText());
        assertEquals("Sent", after.get("stateLabel").asText());

        // The engine's own record: the announcement the chat's "announce status" shows, audited as HR's.
        List<AnnouncementService.AlreadyAnnounced> status = world.services.announcements().service().status();
        assertEquals(1, status.size());
        assertEquals("1.1", status.getFirst().announcement().version());
        assertEquals(2027, status.getFirst().announcement().dueOn().getYear());
        AuditEntry entry = audit(AuditEntry.ANNOUNCEMENT).getFirst();
        assertEquals("slack:HR1", entry.actor());
        assertTrue(entry.detail().startsWith("confirmed: social-media 1.1, 8 recipients"), entry.detail());

        // A second press (another tab, a replayed form) sends nothing twice; so does preparing the same version.
        HttpResponse<String> again = client.submit(hr, "/announcements/confirm", "id", id);
        assertTrue(again.headers().firstValue("Location").orElseThrow().contains("done=ALREADY_SENT"));
        assertEquals(8, progress(hr).get(0).get("total").asInt());
        HttpResponse<String> prepareAgain = client.submit(hr, "/announcements/prepare", "policy", "social-media");
        assertEquals(303, prepareAgain.statusCode());
        assertTrue(prepareAgain.headers().firstValue("Location").orElseThrow().contains("done=ALREADY"));
    }

    @Test
    void aCancelledDraftSendsNothingEvenIfConfirmedLater() throws Exception {
        world.publishRevision("1.1");
        ConsoleClient.Browser admin = client.signIn("ADM");
        String id = draftId(preview(admin, ""));
        HttpResponse<String> cancelled = client.submit(admin, "/announcements/cancel", "id", id);
        assertTrue(cancelled.headers().firstValue("Location").orElseThrow().contains("done=DRAFT_CANCELLED"));
        HttpResponse<String> late = client.submit(admin, "/announcements/confirm", "id", id);
        assertTrue(late.headers().firstValue("Location").orElseThrow().contains("done=CANCELLED"));
        assertEquals(0, world.deliver());
        assertEquals(0, progress(admin).size());
    }

    @Test
    void aDueDateInThePastOrMadeUpIsRefusedWithTheReason() throws Exception {
        world.publishRevision("1.1");
        ConsoleClient.Browser hr = client.signIn("HR1");
        for (String due : List.of("2026-12-15", "2020-01-01", "2031-01-01", "soon")) {
            HttpResponse<String> r = client.submit(hr, "/announcements/prepare", "policy", "social-media", "due", due);
            assertEquals(400, r.statusCode(), due);
            assertTrue(r.body().contains("The due date must be after today and within a year."), due);
        }
        HttpResponse<String> unknown = client.submit(hr, "/announcements/prepare", "policy", "no-such-policy");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("That policy has no published version."));
    }

    @Test
    void employeesAndManagersAreRefusedAndTheRefusalIsAudited() throws Exception {
        world.publishRevision("1.1");
        String draft = draftId(preview(client.signIn("HR1"), ""));
        for (String who : List.of("E2", "M1")) {
            ConsoleClient.Browser b = client.signIn(who);
            assertFalse(client.get("/", b.cookie()).body().contains("/console/announcements"), who + ": no nav link");
            assertEquals(403, client.get("/announcements", b.cookie()).statusCode(), who);
            assertEquals(403, client.get("/announcements/progress.json", b.cookie()).statusCode(), who);
            assertEquals(403, client.submit(b, "/announcements/prepare", "policy", "social-media").statusCode(), who);
            assertEquals(403, client.submit(b, "/announcements/confirm", "id", draft).statusCode(), who);
        }
        assertTrue(world.services.announcements().service().status().isEmpty(), "nothing was confirmed");
        List<AuditEntry> refused = audit(AuditEntry.REFUSED);
        assertEquals(8, refused.size(), refused.toString());
        assertTrue(refused.stream().anyMatch(e -> e.actor().equals("slack:M1")
                && e.target().equals("console POST /announcements/confirm")), refused.toString());
    }

    @Test
    void signedOutNothingIsShownAndAFormWithoutItsTokenIsRefused() throws Exception {
        world.publishRevision("1.1");
        for (String path : List.of("/announcements", "/announcements/progress.json")) {
            assertEquals(401, client.get(path, null).statusCode(), path);
        }
        assertEquals(403, client.post("/announcements/prepare", null, "policy=social-media").statusCode());
        ConsoleClient.Browser hr = client.signIn("HR1");
        String id = draftId(preview(hr, ""));
        HttpResponse<String> forged = client.post("/announcements/confirm", hr.cookie(), "id=" + id + "&csrf=forged");
        assertEquals(403, forged.statusCode());
        assertEquals(403, client.post("/announcements/confirm", hr.cookie(), "id=" + id).statusCode());
        assertTrue(world.services.announcements().service().status().isEmpty(), "nothing was sent");
        assertTrue(audit(AuditEntry.REFUSED).stream().anyMatch(e -> e.detail().contains("CSRF")));
    }

    @Test
    void theFirstVersionIsARollOutAndChineseReadsChinese() throws Exception {
        world.services.announcements().publisher().publish(world.content.get());
        HttpResponse<String> signedIn = client.redeem(world.token("HR1", "zh"));
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String page = client.get("/announcements", cookie).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find());
        assertTrue(page.contains("新公告"), page);
        String preview = client.submit(new ConsoleClient.Browser(cookie, m.group(1)), "/announcements/prepare",
                "policy", "social-media").body();
        assertTrue(preview.contains("首个版本"), preview);
        assertFalse(preview.contains("data-section="), "nothing to compare a first version with");
    }
}
