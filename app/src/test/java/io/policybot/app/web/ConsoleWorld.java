package io.policybot.app.web;

import com.sun.net.httpserver.HttpServer;
import io.policybot.announcements.OutboxDispatcher;
import io.policybot.chat.Actor;
import io.policybot.content.ContentLibrary;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.questions.LoggedQuestion;
import io.policybot.store.Database;
import io.policybot.testing.RecordingGateway;
import io.policybot.testing.SmallCompany;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestServices;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console on a real listener and a real SQLite database with the {@link SmallCompany}: Ari is admin by
 * configuration. Eva passed (90%), Ed failed (50%), Eli has a quiz running; the others have not started. The
 * clock is 2026-12-15. Announcements reach Slack, where a recording gateway takes the DMs when the test delivers.
 */
final class ConsoleWorld implements AutoCloseable {
    final TestClock clock = TestClock.at("2026-12-15T09:00:00Z");
    final Database db = Database.temporary();
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
    final Services services;
    final SmallCompany company;
    final HttpServer server;
    final String version;
    private final RecordingGateway slack = new RecordingGateway("slack", true);

    ConsoleWorld() throws IOException {
        this(null);
    }

    /** @param issuer a fake identity provider for single sign-on, or null for sign-in links only */
    ConsoleWorld(FakeIssuer issuer) throws IOException {
        // Pacing the DMs to Slack's rate waits on the test clock: simulated time, no real sleep.
        services = TestServices.builder(db, content::get, clock, 1).platforms(Set.of("slack")).sleeper(clock::advance)
                .roles(RolesConfig.of(Map.of(Role.ADMIN, List.of("slack:ADM")))).build();
        company = SmallCompany.hire(db, services.storage().people(), services.storage().roster(),
                services.storage().audit(), clock);
        version = company.version;
        company.completion("E2", 9, 10, true);
        company.completion("E3", 5, 10, false);
        // Eli's quiz is a real one (the engine's own state), so announcement DMs can tell what is due of him.
        services.training().startQuiz(new Actor("slack", "E1", "Eli Lead", Locale.ENGLISH), "en", "social-media");
        server = listener(issuer, null);
    }

    /**
     * The console on a listener of its own, as one replica runs it (its sessions are only in the database).
     *
     * @param redirectUrl the single sign-on callback registered at the provider (replicas share one: the load
     *                    balancer's); null for this listener's own
     */
    HttpServer listener(FakeIssuer issuer, String redirectUrl) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        String callback = redirectUrl != null ? redirectUrl
                : "http://127.0.0.1:" + http.getAddress().getPort() + WebConsole.PREFIX + "/oidc/callback";
        OidcSignOn sso = issuer == null ? null : new OidcSignOn(issuer.config(callback), services.storage().oidcLogins(),
                HttpClient.newHttpClient(), clock);
        http.createContext(WebConsole.PREFIX, new WebConsole(services, clock, false, Duration.ofMinutes(30), sso));
        http.start();
        return http;
    }

    static String base(HttpServer http) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + WebConsole.PREFIX;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + WebConsole.PREFIX;
    }

    /** A fresh sign-in token for a person, as {@code console} in chat makes one. */
    String token(String userId, String language) {
        return services.signInLinks().issue(new Actor("slack", userId, userId, Locale.forLanguageTag(language)));
    }

    String id(String userId) {
        return company.id(userId);
    }

    /**
     * Publishes the bundled version, then a new one ({@code newVersion}) with two sections reworded, as a content
     * reload does: what HR announces next.
     */
    void publishRevision(String newVersion) {
        services.announcements().publisher().publish(content.get());
        content.set(io.policybot.testing.Revisions.reworded(content.get(), newVersion, Set.of("identifying-yourself", "account-security")));
        services.announcements().publisher().publish(content.get());
    }

    /** Sends every announcement message due now, as serve's background delivery does. */
    int deliver() throws InterruptedException {
        OutboxDispatcher d = services.announcements().delivery(Map.of("slack", slack));
        return d.dispatchDue("slack");
    }

    /** A question as the engine logs it; {@code answered} false is a decline. */
    LoggedQuestion asked(String userId, String question, boolean answered, String sectionId) {
        return services.storage().questions().log(new LoggedQuestion(null, id(userId), question, "en", answered,
                sectionId == null ? null : "social-media", sectionId, answered ? 0.4 : 0, clock.instant()));
    }

    @Override
    public void close() {
        server.stop(0);
        services.close();
    }
}
