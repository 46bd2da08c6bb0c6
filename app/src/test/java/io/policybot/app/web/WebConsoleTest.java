package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.audit.AuditEntry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every console route on a real listener: sign-in links, roles and scope, CSRF, security headers, CSV. */
class WebConsoleTest {
    private final ConsoleWorld world = new ConsoleWorld();
    private final ConsoleClient client = new ConsoleClient(world);

    WebConsoleTest() throws IOException {
    }

    @AfterEach
    void close() {
        world.close();
    }

    private List<String> peopleCsvNames(String cookie, String query) throws Exception {
        HttpResponse<String> r = client.get("/people.csv" + query, cookie);
        assertEquals(200, r.statusCode());
        return r.body().lines().skip(1).map(l -> l.split(",")[1]).sorted().toList();
    }

    @Test
    void aSignInLinkOpensASessionWithAStrictCookieAndWorksOnce() throws Exception {
        String token = world.token("HR1", "en");
        HttpResponse<String> page = client.get("/signin?token=" + token, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"token\""), "a GET only shows the button; a link preview uses nothing up");
        assertFalse(page.body().contains("oidc/start"), "no single sign-on button without an identity provider");
        HttpResponse<String> first = client.redeem(token);
        assertEquals(303, first.statusCode());
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/console"), cookie);
        assertFalse(cookie.contains("Secure"), "served over plain HTTP here");
        HttpResponse<String> again = client.redeem(token);
        assertEquals(403, again.statusCode());
        assertTrue(again.body().contains("has been used already"), again.body());
    }

    @Test
    void anExpiredOrMadeUpLinkIsRefused() throws Exception {
        String token = world.token("HR1", "en");
        world.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        HttpResponse<String> late = client.redeem(token);
        assertEquals(403, late.statusCode());
        assertTrue(late.body().contains("has expired"), late.body());
        HttpResponse<String> unknown = client.redeem("not-a-token");
        assertEquals(403, unknown.statusCode());
        assertTrue(unknown.body().contains("is not valid"));
    }

    @Test
    void signedOutEveryPageSaysHowToSignInAndNoFormWorks() throws Exception {
        for (String path : List.of("/", "/people", "/people.csv", "/person?key=slack:E2", "/audit", "/audit.csv")) {
            HttpResponse<String> r = client.get(path, null);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.body().contains("send \"console\" to PolicyBot") || r.body().contains("send &quot;console&quot;"),
                    path + ": " + r.body());
            assertFalse(r.body().contains("Eva Junior"), path);
            assertFalse(r.body().contains("oidc/start"), path + ": no single sign-on without an identity provider");
        }
        assertEquals(403, client.post("/signout", "policybot_console=forged", "csrf=x").statusCode());
    }

    @Test
    void everyResponseCarriesStrictSecurityHeaders() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        for (String path : List.of("/", "/people", "/signin", "/static/console.js")) {
            HttpResponse<String> r = client.get(path, hr.cookie());
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElseThrow());
        }
        String overview = client.get("/", hr.cookie()).body();
        assertFalse(Pattern.compile("<script(?![^>]*(src=|type=\"application/json\"))").matcher(overview).find(),
                "no inline script");
        assertEquals(200, client.get("/static/uPlot.iife.min.js", hr.cookie()).statusCode(), "the chart library is served here");
    }

    @Test
    void hrSeesEveryoneWithTheNumbersOfTheReport() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        String overview = client.get("/", hr.cookie()).body();
        assertTrue(overview.contains("id=\"people-count\">8<"), overview);
        assertTrue(overview.contains("id=\"chart-data\""));
        assertTrue(overview.contains("Teams furthest behind"));
        assertEquals(List.of("Ari Admin", "Ed Support", "Eli Lead", "Eva Junior", "Flo Field", "Hana HR", "Max Manager",
                "Mia Manager"), peopleCsvNames(hr.cookie(), ""));
        String person = client.get("/person?key=slack:E2", hr.cookie()).body();
        assertTrue(person.contains("Eva Junior") && person.contains("90%"), person);
        assertEquals(200, client.get("/audit", hr.cookie()).statusCode());
    }

    @Test
    void aManagerSeesTheirOrgOnlyAndIsRefusedOthersAndTheAuditLog() throws Exception {
        ConsoleClient.Browser mia = client.signIn("M1");
        assertEquals(List.of("Eli Lead", "Eva Junior"), peopleCsvNames(mia.cookie(), ""), "direct and indirect reports");
        String people = client.get("/people", mia.cookie()).body();
        assertFalse(people.contains("Ed Support"));
        assertEquals(200, client.get("/person?key=slack:E2", mia.cookie()).statusCode());
        HttpResponse<String> other = client.get("/person?key=slack:E3", mia.cookie());
        assertEquals(403, other.statusCode());
        assertFalse(other.body().contains("50%"));
        assertEquals(403, client.get("/audit", mia.cookie()).statusCode());
        assertEquals(403, client.get("/audit.csv", mia.cookie()).statusCode());
        assertFalse(client.get("/", mia.cookie()).body().contains("href=\"/console/audit\""),
                "no audit link for a manager");
        List<AuditEntry> refused = world.services.storage().audit().recent(50).stream()
                .filter(e -> e.action().equals(AuditEntry.REFUSED) && e.actor().equals("slack:M1")).toList();
        assertEquals(List.of("console audit", "console audit", "console person slack:E3"),
                refused.stream().map(AuditEntry::target).sorted().toList());
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnRecord() throws Exception {
        ConsoleClient.Browser ed = client.signIn("E3");
        assertEquals(List.of("Ed Support"), peopleCsvNames(ed.cookie(), ""));
        assertEquals(200, client.get("/person?key=slack:E3", ed.cookie()).statusCode());
        assertEquals(403, client.get("/person?key=slack:E2", ed.cookie()).statusCode());
        assertEquals(403, client.get("/audit", ed.cookie()).statusCode());
    }

    @Test
    void anAdminSeesEverythingIncludingTheAuditLog() throws Exception {
        ConsoleClient.Browser ari = client.signIn("ADM");
        assertEquals(8, peopleCsvNames(ari.cookie(), "").size());
        String audit = client.get("/audit?action=console.signin", ari.cookie()).body();
        assertTrue(audit.contains("slack:ADM"), audit);
        HttpResponse<String> csv = client.get("/audit.csv?action=roster.import", ari.cookie());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("at,actor,action,target,detail"));
        assertTrue(csv.body().lines().skip(1).allMatch(l -> l.contains(",roster.import,")), csv.body());
    }

    @Test
    void theCsvHoldsExactlyTheFilteredRowsAndTheExportIsAudited() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        String table = client.get("/people?team=Sales&status=overdue", hr.cookie()).body();
        assertTrue(table.contains("Mia Manager") && table.contains("Eli Lead") == false, "Eli joined lately: not overdue");
        HttpResponse<String> csv = client.get("/people.csv?team=Sales&status=overdue", hr.cookie());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("person,name,email,team,policy,version,status,score,acknowledged,due_on,passed_version,passed_on,"
                + "last_attempt_on,last_attempt_score,roleplays_done,roleplays_total", lines.getFirst());
        assertEquals(List.of("Mia Manager"), lines.stream().skip(1).map(l -> l.split(",")[1]).toList());
        assertTrue(lines.get(1).contains(",Sales,social-media,") && lines.get(1).contains(",overdue,"), lines.get(1));
        AuditEntry export = world.services.storage().audit().recent(5).stream()
                .filter(e -> e.action().equals(AuditEntry.REPORT_EXPORT)).findFirst().orElseThrow();
        assertEquals("slack:HR1", export.actor());
        assertTrue(export.detail().startsWith("1 row, team=Sales status=overdue"), export.detail());
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefusedAndAudited() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        assertEquals(403, client.post("/signout", hr.cookie(), "csrf=wrong").statusCode());
        assertEquals(403, client.post("/language", hr.cookie(), "lang=zh").statusCode());
        assertEquals(200, client.get("/", hr.cookie()).statusCode(), "still signed in");
        assertTrue(world.services.storage().audit().recent(10).stream().anyMatch(e -> e.action().equals(AuditEntry.REFUSED)
                && e.target().equals("console POST /signout")));
        assertEquals(303, client.post("/signout", hr.cookie(), "csrf=" + hr.csrf()).statusCode());
        assertEquals(401, client.get("/", hr.cookie()).statusCode(), "signed out");
    }

    @Test
    void theLanguageSwitchesToChineseAndASessionEndsWhenIdle() throws Exception {
        ConsoleClient.Browser hr = client.signIn("HR1");
        HttpResponse<String> r = client.post("/language", hr.cookie(),
                "csrf=" + hr.csrf() + "&lang=zh&back=/console/people");
        assertEquals(303, r.statusCode());
        assertEquals("/console/people", r.headers().firstValue("Location").orElseThrow());
        String people = client.get("/people", hr.cookie()).body();
        assertTrue(people.contains("人员") && people.contains("已逾期") && people.contains("lang=\"zh\""), people);
        world.clock.advance(Duration.ofMinutes(31));
        assertEquals(401, client.get("/", hr.cookie()).statusCode(), "idle for more than 30 minutes");
    }

    @Test
    void aLinkAskedInChineseOpensTheConsoleInChinese() throws Exception {
        HttpResponse<String> r = client.redeem(world.token("HR1", "zh-CN"));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        String body = client.get("/", setCookie.substring(0, setCookie.indexOf(';'))).body();
        assertTrue(body.contains("概览") && body.contains("进度最落后的团队"), body);
        assertNotNull(body);
    }
}
