package io.policybot.app.web;

import com.sun.net.httpserver.HttpServer;
import io.policybot.Ids;
import io.policybot.chat.Actor;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.people.RosterImporter;
import io.policybot.store.Database;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestServices;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console on a real listener and a real SQLite database with a small company: Ari (admin by configuration),
 * Hana (HR by the roster), Mia manages Eli who manages Eva; Max manages Ed and Flo. Eva passed (90%), Ed failed
 * (50%), Eli has a quiz running; the others have not started. The clock is 2026-12-15.
 */
final class ConsoleWorld implements AutoCloseable {
    static final String ROSTER = """
            platform,platform_user_id,name,email,team,manager_email,joined_on,role
            slack,ADM,Ari Admin,ari@acme.example,Exec,,2020-01-06,
            slack,HR1,Hana HR,hana@acme.example,People,,2020-01-06,hr
            slack,M1,Mia Manager,mia@acme.example,Sales,,2020-01-06,
            slack,E1,Eli Lead,eli@acme.example,Sales,mia@acme.example,2026-12-01,
            slack,E2,Eva Junior,eva@acme.example,Sales,eli@acme.example,2020-01-06,
            slack,M2,Max Manager,max@acme.example,Support,,2020-01-06,
            slack,E3,Ed Support,ed@acme.example,Support,max@acme.example,2020-01-06,
            slack,E4,Flo Field,flo@acme.example,Sales,max@acme.example,2026-12-10,
            """;

    final TestClock clock = TestClock.at("2026-12-15T09:00:00Z");
    final Database db = Database.temporary();
    final Services services;
    final HttpServer server;
    final String version = TestContent.bundled().policy("social-media").orElseThrow().version();

    ConsoleWorld() throws IOException {
        this(null);
    }

    /** @param issuer a fake identity provider for single sign-on, or null for sign-in links only */
    ConsoleWorld(FakeIssuer issuer) throws IOException {
        services = TestServices.builder(db, TestContent::bundled, clock, 1)
                .roles(RolesConfig.of(Map.of(Role.ADMIN, List.of("slack:ADM")))).build();
        new RosterImporter(services.storage().people(), services.storage().roster(), services.storage().audit(), clock)
                .importCsv(ROSTER, "cli", "roster.csv");
        completion("E2", 9, 10, true);
        completion("E3", 5, 10, false);
        session("E1", "active");
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
        return services.storage().people().find("slack", userId).orElseThrow().id();
    }

    void completion(String userId, int correct, int total, boolean passed) {
        String session = session(userId, "finished");
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_completion (id, person_id, session_id, "
                    + "module, policy_id, policy_version, correct, total, passed, completed_at) VALUES (?, ?, ?, 'quiz', "
                    + "'social-media', ?, ?, ?, ?, ?)")) {
                ps.setString(1, Ids.next());
                ps.setString(2, id(userId));
                ps.setString(3, session);
                ps.setString(4, version);
                ps.setInt(5, correct);
                ps.setInt(6, total);
                ps.setBoolean(7, passed);
                ps.setLong(8, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    private String session(String userId, String status) {
        String sid = Ids.next();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_session (id, person_id, module, policy_id, "
                    + "policy_version, language, status, state, started_at, updated_at) VALUES (?, ?, 'quiz', "
                    + "'social-media', ?, 'en', ?, '{}', ?, ?)")) {
                ps.setString(1, sid);
                ps.setString(2, id(userId));
                ps.setString(3, version);
                ps.setString(4, status);
                ps.setLong(5, clock.millis());
                ps.setLong(6, clock.millis());
                return ps.executeUpdate();
            }
        });
        return sid;
    }

    @Override
    public void close() {
        server.stop(0);
        services.close();
    }
}
