package io.policybot.app.web;

import static io.policybot.app.web.ConsoleClient.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.audit.AuditEntry;
import io.policybot.store.Sql;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Content page, completion over time and acknowledgement evidence on a real listener and real SQLite: roles,
 * CSRF, validation with file:line problems, the diff of two published versions, "try a question" (not logged).
 * One world for the class (building it loads and publishes content twice); no test changes what another reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentPageTest {
    private final ContentWorld content = new ContentWorld();
    private final ConsoleWorld world = content.world;
    private final ConsoleClient client = new ConsoleClient(content.base(), user -> world.token(user, "en"));

    ContentPageTest() throws Exception {
    }

    @AfterAll
    void close() {
        content.close();
    }

    private HttpResponse<String> ask(ConsoleClient.Browser b, String question, String language) throws Exception {
        return client.submit(b, "/content/try", "q", question, "lang", language);
    }

    private long loggedQuestions() {
        return world.db.read(c -> Sql.number(c, "SELECT COUNT(*) FROM question_log"));
    }

    private static final List<String> ROUTES = List.of("/content", "/content/policy?id=social-media",
            "/content/diff?policy=social-media&from=0.9&to=1.0");

    @Test
    void signedOutTheContentPagesSayHowToSignInAndTryingIsRefused() throws Exception {
        for (String path : ROUTES) {
            HttpResponse<String> r = client.get(path, null);
            assertEquals(401, r.statusCode(), path);
            assertFalse(r.body().contains("Account security"), path);
        }
        assertEquals(403, client.post("/content/try", null, "q=hello").statusCode());
        assertEquals(0, loggedQuestions());
    }

    @Test
    void employeesAndManagersAreRefusedEveryContentRouteAndTheRefusalIsAudited() throws Exception {
        for (String user : List.of("E3", "M1")) {
            ConsoleClient.Browser b = client.signIn(user);
            for (String path : ROUTES) {
                HttpResponse<String> r = client.get(path, b.cookie());
                assertEquals(403, r.statusCode(), user + " " + path);
                assertTrue(r.body().contains("Your role does not allow this page"), r.body());
                assertFalse(r.body().contains("Account security"), path);
            }
            HttpResponse<String> tried = ask(b, "can I post about work on LinkedIn?", "en");
            assertEquals(403, tried.statusCode());
            assertFalse(tried.body().contains("Speaking for the company"));
            assertFalse(client.get("/", b.cookie()).body().contains("href=\"/console/content\""), "no Content link for " + user);
        }
        List<String> refused = world.services.storage().audit().recent(200).stream()
                .filter(e -> e.action().equals(AuditEntry.REFUSED) && List.of("slack:E3", "slack:M1").contains(e.actor()))
                .map(e -> e.actor() + " " + e.target()).sorted().toList();
        assertEquals(List.of("slack:E3 console content", "slack:E3 console content/diff", "slack:E3 console content/policy",
                "slack:E3 console content/try", "slack:M1 console content", "slack:M1 console content/diff",
                "slack:M1 console content/policy", "slack:M1 console content/try"), refused);
        assertEquals(0, loggedQuestions());
    }

    @Test
    void hrSeesTheValidContentDirectoryThePoliciesAndTheirPublishedVersions() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        HttpResponse<String> page = client.get("/content", hr.cookie());
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains(content.directory.toAbsolutePath().toString()), "names the directory it checked");
        assertTrue(body.contains("id=\"valid\"") && body.contains("This is the content being served."), body);
        assertTrue(body.contains("Social Media Policy · 1.0"));
        assertTrue(body.contains("<td>0.9</td>") && body.contains("<td>1.0</td>"), "both published versions");
        assertTrue(body.contains("2026-12-10 08:05"), "1.0 was announced then");
        assertTrue(body.contains("href=\"/console/content\"") && body.contains("class=\"on\""), "the nav shows Content");
    }

    @Test
    void aBrokenContentFileIsListedWithFileAndLine() throws Exception {
        ConsoleClient.Browser admin = client.signIn("ADM");
        java.nio.file.Path quiz = content.directory.resolve("social-media/quiz-part1.en.yaml");
        String before = java.nio.file.Files.readString(quiz);
        String body;
        try {
            ContentWorld.edit(quiz, "section: purpose-and-scope\n", "section: no-such-section\n");
            body = client.get("/content", admin.cookie()).body();
        } finally {
            java.nio.file.Files.writeString(quiz, before);
        }
        assertTrue(body.contains("id=\"invalid\""), body);
        Matcher problem = Pattern.compile("<code>(social-media/quiz-part1\\.en\\.yaml:(\\d+): [^<]*no-such-section[^<]*)</code>")
                .matcher(body);
        assertTrue(problem.find(), body);
        assertEquals(6, Integer.parseInt(problem.group(2)), "the line of the first question's section: " + problem.group(1));
        assertTrue(body.contains("People are answered from the last content that loaded"));
    }

    @Test
    void eachSectionIsShownAsTheBotShowsItInChatInEitherLanguage() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        String en = client.get("/content/policy?id=social-media&lang=en", hr.cookie()).body();
        assertTrue(en.contains("id=\"section-account-security\""));
        assertTrue(en.contains("<h4>Account security</h4>"), en);
        // The short answer in bold, as "read the full section" shows it; the placeholders filled.
        assertTrue(en.contains("<p><strong>Protect every official account with a unique strong password and MFA"), en);
        assertFalse(en.contains("{{"), "placeholders are filled");
        assertTrue(en.contains("Social Media Policy</a> › Account security · v1.0"), "the citation, linked: " + en);
        assertTrue(en.contains("social-media/policy.en.md:97"), "where to edit it");
        String zh = client.get("/content/policy?id=social-media&lang=zh", hr.cookie()).body();
        assertTrue(zh.contains("社交媒体政策"), zh);
        assertEquals(404, client.get("/content/policy?id=nope", hr.cookie()).statusCode());
    }

    @Test
    void theDiffOfTwoPublishedVersionsShowsWhatChangedWordByWord() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        String diff = client.get("/content/diff?policy=social-media&from=0.9&to=1.0", hr.cookie()).body();
        assertTrue(diff.contains("id=\"diff-en\""), diff);
        assertTrue(diff.contains("<del>during work hours</del>") && diff.contains("<ins>at work</ins>"), diff);
        assertTrue(diff.contains("<del>in a safe place,</del> <ins>only in the company password manager,</ins>"), diff);
        assertFalse(diff.contains("The title and the short answer are the same"), "both changed sections say how");
        assertTrue(diff.contains("en: 2 changed, 0 added, 0 removed, 18 unchanged"), diff);
        assertTrue(diff.contains("zh: 0 changed, 0 added, 0 removed, 20 unchanged") && diff.contains("No section differs."), diff);
        // The other way round, and the same version against itself.
        String back = client.get("/content/diff?policy=social-media&from=1.0&to=0.9", hr.cookie()).body();
        assertTrue(back.contains("<del>at work</del>") && back.contains("<ins>during work hours</ins>"), back);
        assertTrue(client.get("/content/diff?policy=social-media&from=1.0&to=1.0", hr.cookie()).body().contains("en: 0 changed"));
        String missing = client.get("/content/diff?policy=social-media&from=0.1&to=1.0", hr.cookie()).body();
        assertTrue(missing.contains("One of these versions was not published."), missing);
        assertEquals(404, client.get("/content/diff?policy=nope", hr.cookie()).statusCode());
        assertTrue(client.get("/content/diff?policy=social-media&from=%3Cb%3E&to=1.0", hr.cookie()).body()
                .contains("not published"), "a made-up version is only a message");
    }

    @Test
    void tryingAQuestionShowsTheAnswerAndTheRankedSectionsAndLogsNothing() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        HttpResponse<String> r = ask(hr, "Can I share the password of our official account with a colleague?", "en");
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("id=\"reply\""), body);
        assertTrue(body.contains("Account security"), body);
        Matcher rows = Pattern.compile("<tr><td class=\"num\">(\\d)</td>\\s*<td><span>([^<]+)</span>").matcher(body);
        assertTrue(rows.find(), body);
        assertEquals("1", rows.group(1));
        assertEquals("Account security", rows.group(2), "the best section first");
        Matcher scores = Pattern.compile("<td class=\"num\">(\\d\\.\\d{3})</td>").matcher(body);
        double previous = Double.MAX_VALUE;
        int n = 0;
        while (scores.find()) {
            double s = Double.parseDouble(scores.group(1));
            assertTrue(s <= previous, "best first: " + body);
            previous = s;
            n++;
        }
        assertTrue(n >= 2, "several sections ranked with their scores");
        assertFalse(body.contains("Helpful"), "no feedback buttons: nothing was logged to vote on");
        assertTrue(body.contains("value=\"Can I share the password of our official account with a colleague?\""),
                "the question stays in the box");

        String declined = ask(hr, "What is on the canteen menu on Friday?", "en").body();
        assertTrue(declined.contains("Declined") || declined.contains("Not sure"), declined);
        String zh = ask(hr, "我可以在领英上提到我的雇主吗？", "").body();
        assertTrue(zh.contains("· zh<"), "answered in the language it was asked in: " + zh);
        String empty = ask(hr, "", "en").body();
        assertEquals(200, ask(hr, "<script>alert(1)</script> **bold** [x](javascript:alert(1))", "en").statusCode());
        assertTrue(ask(hr, "👍👍👍", "en").body().contains("id=\"reply\""), "emoji only gets a reply too");
        assertFalse(ask(hr, "<script>alert(1)</script>", "en").body().contains("<script>alert"), "escaped");
        assertTrue(empty.contains("id=\"reply\""));
        String huge = ask(hr, "password ".repeat(150), "en").body();
        assertTrue(huge.contains("up to 1,000 characters"), "a question over the limit is told the limit: " + huge);

        assertEquals(0, loggedQuestions(), "HR's tries are not employees' questions");
        assertTrue(world.services.reports().repository().gapQuestions(java.time.Instant.EPOCH).isEmpty());
    }

    @Test
    void tryingAQuestionWithoutTheFormsTokenIsRefusedAndAudited() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        HttpResponse<String> r = client.post("/content/try", hr.cookie(),
                "q=" + enc("password sharing") + "&csrf=wrong");
        assertEquals(403, r.statusCode());
        assertFalse(r.body().contains("Account security"));
        assertTrue(world.services.storage().audit().recent(20).stream().anyMatch(e -> e.action().equals(AuditEntry.REFUSED)
                && e.target().equals("console POST /content/try")));
        assertEquals(0, loggedQuestions());
    }

    @Test
    void theOverviewDrawsCompletionSinceTheAnnouncementForTheViewersScope() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        String overview = client.get("/", hr.cookie()).body();
        assertTrue(overview.contains("id=\"timeline-data\""), overview);
        Matcher row = Pattern.compile("<td>Social Media Policy 1.0</td><td>2026-12-10</td>\\s*<td class=\"num\">([^<]+)</td>"
                + "<td class=\"num\">([^<]+)</td>").matcher(overview);
        assertTrue(row.find(), overview);
        assertEquals("2/8 (25%)", row.group(1), "Ed and Eva acknowledged");
        assertEquals("1/8 (13%)", row.group(2), "Eva passed");
        Matcher json = Pattern.compile("id=\"timeline-data\">(.*?)</script>", Pattern.DOTALL).matcher(overview);
        assertTrue(json.find());
        com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.group(1));
        assertEquals("[\"2026-12-10\",\"2026-12-11\",\"2026-12-12\",\"2026-12-13\",\"2026-12-14\",\"2026-12-15\"]",
                data.get("days").toString());
        assertEquals("Social Media Policy 1.0: acknowledged", data.get("series").get(0).get("label").asText());
        assertEquals("[0.0,0.0,12.5,12.5,25.0,25.0]", data.get("series").get(0).get("values").toString());
        assertEquals("[0.0,0.0,0.0,0.0,0.0,12.5]", data.get("series").get(1).get("values").toString());

        ConsoleClient.Browser max = client.signIn("M2"); // Ed and Flo
        Matcher mine = Pattern.compile("<td>Social Media Policy 1.0</td><td>2026-12-10</td>\\s*<td class=\"num\">([^<]+)</td>"
                + "<td class=\"num\">([^<]+)</td>").matcher(client.get("/", max.cookie()).body());
        assertTrue(mine.find());
        assertEquals("1/2 (50%)", mine.group(1));
        assertEquals("0/2 (0%)", mine.group(2));
    }

    @Test
    void theOverviewSaysSoWhenNothingWasAnnounced() throws Exception {
        try (ConsoleWorld empty = new ConsoleWorld()) { // its own database: nothing announced
            ConsoleClient there = new ConsoleClient(empty.base(), user -> empty.token(user, "en"));
            String overview = there.get("/", there.signIn("HR1").cookie()).body();
            assertTrue(overview.contains("id=\"timeline-none\""), overview);
            assertFalse(overview.contains("id=\"timeline-data\""));
        }
    }

    @Test
    void thePersonPageShowsEachAcknowledgementsTimeVersionAndPlatform() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        String eva = client.get("/person?key=slack:E2", hr.cookie()).body();
        Matcher row = Pattern.compile("<table id=\"acknowledgements\">.*?<tbody><tr><td>([^<]+)</td><td>([^<]+)</td>\\s*"
                + "<td>([^<]+)</td><td>([^<]+)</td>", Pattern.DOTALL).matcher(eva);
        assertTrue(row.find(), eva);
        assertEquals(List.of("2026-12-14 16:30", "social-media", world.version, "discord"),
                List.of(row.group(1), row.group(2), row.group(3), row.group(4)));
        ConsoleClient.Browser max = client.signIn("M2");
        assertTrue(client.get("/person?key=slack:E3", max.cookie()).body().contains("<td>slack</td>"), "a manager sees their report's");
        assertEquals(403, client.get("/person?key=slack:E2", max.cookie()).statusCode());
        ConsoleClient.Browser ed = client.signIn("E3");
        assertTrue(client.get("/person?key=slack:E3", ed.cookie()).body().contains("2026-12-12 11:00"), "and everyone their own");
        assertTrue(client.get("/person?key=slack:M1", hr.cookie()).body().contains("No acknowledgements yet."));
    }

    @Test
    void theContentPageIsInChinese() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        client.post("/language", hr.cookie(), "csrf=" + enc(hr.csrf()) + "&lang=zh&back=" + enc("/console/content"));
        String body = client.get("/content", hr.cookie()).body();
        assertTrue(body.contains("内容目录") && body.contains("试问一个问题") && body.contains("有效"), body);
        String diff = client.get("/content/diff?policy=social-media&from=0.9&to=1.0", hr.cookie()).body();
        assertTrue(diff.contains("版本之间的变化") && diff.contains("修改"), diff);
        assertTrue(client.get("/", hr.cookie()).body().contains("每次公告以来的完成情况"));
    }
}
