package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.policybot.audit.AuditEntry;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on with OpenID Connect against a local fake provider ({@link FakeIssuer}: discovery, JWKS, a login
 * page, a token endpoint checking the secret and the PKCE verifier), and console sessions shared by two replicas.
 */
class SingleSignOnTest {
    private final FakeIssuer issuer;
    private final ConsoleWorld world;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SingleSignOnTest() throws Exception {
        issuer = new FakeIssuer(io.policybot.testing.TestClock.at("2026-12-15T09:00:00Z"));
        world = new ConsoleWorld(issuer);
    }

    @AfterEach
    void close() {
        world.close();
        issuer.close();
    }

    /** Where a callback came back to, with the cookie that binds the login to the browser that began it. */
    record Callback(String url, String loginCookie) {
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    /** The browser's part up to the callback: start, the provider's login page, its button. */
    private Callback loginAtProvider(String base) throws Exception {
        HttpResponse<String> start = get(base + "/oidc/start", null);
        assertEquals(303, start.statusCode(), start.body());
        String loginCookie = cookieOf(start, "policybot_oidc");
        String page = start.headers().firstValue("Location").orElseThrow();
        assertTrue(page.startsWith(issuer.issuer() + "/authorize?"), page);
        HttpResponse<String> login = get(page, null);
        Matcher approve = Pattern.compile("href=\"([^\"]+)\"").matcher(login.body());
        assertTrue(approve.find(), login.body());
        HttpResponse<String> back = get(issuer.issuer() + "/" + approve.group(1), null);
        assertEquals(302, back.statusCode());
        return new Callback(back.headers().firstValue("Location").orElseThrow(), loginCookie);
    }

    private HttpResponse<String> callback(Callback c) throws Exception {
        return get(c.url(), c.loginCookie());
    }

    private List<AuditEntry> refusals() {
        return world.services.storage().audit().recent(50).stream()
                .filter(e -> e.action().equals(AuditEntry.REFUSED)).toList();
    }

    @Test
    void aRosterPersonSignsInWithTheCodeFlowAndPkce() throws Exception {
        HttpResponse<String> signedOut = get(world.base() + "/", null);
        assertEquals(401, signedOut.statusCode());
        assertTrue(signedOut.body().contains("href=\"/console/oidc/start\""), "the signed-out page offers single sign-on");
        String linkPage = get(world.base() + "/signin?token=" + world.token("HR1", "en"), null).body();
        assertTrue(linkPage.contains("href=\"/console/oidc/start\""), "so does the page of a sign-in link");

        Callback c = loginAtProvider(world.base());
        Map<String, String> asked = issuer.authorizations.get(0);
        assertEquals("code", asked.get("response_type"));
        assertEquals(FakeIssuer.CLIENT_ID, asked.get("client_id"));
        assertEquals(world.base() + "/oidc/callback", asked.get("redirect_uri"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertTrue(asked.get("scope").contains("openid") && asked.get("scope").contains("email"));
        assertTrue(asked.get("state").length() >= 40 && asked.get("nonce").length() >= 40);
        assertTrue(c.loginCookie() != null && c.loginCookie().endsWith("=" + asked.get("state")),
                "the state is bound to the browser in a cookie");

        HttpResponse<String> done = callback(c);
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(List.of(), issuer.tokenProblems, "secret, redirect URL and PKCE verifier were right");
        String session = cookieOf(done, WebConsole.COOKIE);
        HttpResponse<String> overview = get(world.base() + "/", session);
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("Eva Junior"), "the e-mail claim is Eva in the roster");
        Optional<AuditEntry> signIn = world.services.storage().audit().recent(20).stream()
                .filter(e -> e.action().equals("console.signin")).findFirst();
        assertEquals("slack:E2", signIn.orElseThrow().actor());
        assertTrue(signIn.get().detail().contains("single sign-on"));
    }

    @Test
    void aReplayedStateIsRefusedAndAudited() throws Exception {
        Callback c = loginAtProvider(world.base());
        assertEquals(303, callback(c).statusCode());
        HttpResponse<String> again = callback(c);
        assertEquals(403, again.statusCode());
        assertTrue(again.body().contains("no longer valid"), again.body());
        assertEquals(null, cookieOf(again, WebConsole.COOKIE));
        assertTrue(refusals().stream().anyMatch(e -> e.detail().contains("used already")), refusals().toString());
    }

    @Test
    void aCallbackInAnotherBrowserIsRefused() throws Exception {
        Callback c = loginAtProvider(world.base());
        HttpResponse<String> elsewhere = get(c.url(), null);
        assertEquals(403, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("no longer valid"));
        assertEquals(List.of(), issuer.tokenProblems);
        assertTrue(issuer.authorizations.size() == 1 && refusals().size() == 1);
    }

    @Test
    void aTokenSignedByAnotherKeyForAnotherAudienceExpiredOrWithAnotherNonceIsRefused() throws Exception {
        Map<FakeIssuer.Mode, String> why = new LinkedHashMap<>();
        why.put(FakeIssuer.Mode.BAD_SIGNATURE, "signature");
        why.put(FakeIssuer.Mode.WRONG_AUDIENCE, "audience");
        why.put(FakeIssuer.Mode.EXPIRED, "expired");
        why.put(FakeIssuer.Mode.WRONG_NONCE, "nonce");
        why.put(FakeIssuer.Mode.UNVERIFIED_EMAIL, "not verified");
        for (Map.Entry<FakeIssuer.Mode, String> spoiled : why.entrySet()) {
            issuer.mode = spoiled.getKey();
            HttpResponse<String> r = callback(loginAtProvider(world.base()));
            assertEquals(403, r.statusCode(), spoiled.getKey() + ": " + r.body());
            assertEquals(null, cookieOf(r, WebConsole.COOKIE), spoiled.getKey() + " opened no session");
            AuditEntry last = refusals().get(0);
            assertTrue(last.detail().contains(spoiled.getValue()), spoiled.getKey() + ": " + last.detail());
        }
        assertEquals(0L, (long) world.db.read(c -> io.policybot.store.Sql.number(c,
                "SELECT COUNT(*) FROM console_session")));
    }

    @Test
    void anEmailNotInTheRosterGetsAClearRefusalThatIsAudited() throws Exception {
        issuer.email = "stranger@elsewhere.example";
        HttpResponse<String> r = callback(loginAtProvider(world.base()));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("No one in the PolicyBot roster has the e-mail address stranger@elsewhere.example"),
                r.body());
        AuditEntry refused = refusals().get(0);
        assertEquals("oidc:stranger@elsewhere.example", refused.actor());
        assertEquals(null, cookieOf(r, WebConsole.COOKIE));
    }

    @Test
    void aSessionOpenedOnOneReplicaWorksOnTheOtherAndSigningOutThereEndsItOnBoth() throws Exception {
        HttpServer replica = world.listener(issuer, world.base() + "/oidc/callback");
        try {
            String other = ConsoleWorld.base(replica);
            // The login starts on one replica and the provider sends the browser back to the other.
            Callback c = loginAtProvider(world.base());
            HttpResponse<String> done = get(c.url().replace(world.base(), other), c.loginCookie());
            assertEquals(303, done.statusCode(), done.body());
            String session = cookieOf(done, WebConsole.COOKIE);
            HttpResponse<String> here = get(world.base() + "/people", session);
            assertEquals(200, here.statusCode());
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(here.body());
            assertTrue(csrf.find());
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(other + "/signout"))
                    .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLDecoder.decode(csrf.group(1),
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, out.statusCode(), "the other replica accepts this session's CSRF token");
            assertEquals(401, get(world.base() + "/", session).statusCode(), "signed out on both");
            assertEquals(401, get(other + "/", session).statusCode());
        } finally {
            replica.stop(0);
        }
    }

    @Test
    void aSignedInSessionEndsAfterIdleTimeOnEveryReplica() throws Exception {
        HttpServer replica = world.listener(null, null);
        try {
            String session = cookieOf(callback(loginAtProvider(world.base())), WebConsole.COOKIE);
            world.clock.advance(Duration.ofMinutes(29));
            assertEquals(200, get(ConsoleWorld.base(replica) + "/", session).statusCode());
            world.clock.advance(Duration.ofMinutes(29));
            assertEquals(200, get(world.base() + "/", session).statusCode(), "the request on the replica counted");
            world.clock.advance(Duration.ofMinutes(31));
            assertEquals(401, get(ConsoleWorld.base(replica) + "/", session).statusCode());
            assertFalse(get(world.base() + "/", session).statusCode() == 200);
        } finally {
            replica.stop(0);
        }
    }
}
