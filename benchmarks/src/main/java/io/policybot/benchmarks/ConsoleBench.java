package io.policybot.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.policybot.app.web.WebConsole;
import io.policybot.chat.Actor;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.store.Database;
import io.policybot.store.Sql;
import io.policybot.wiring.Services;
import io.policybot.wiring.Storage;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The web console's server time on a big org: the data of {@link ReportsBench} (a VP's 2,000-person org in a roster
 * of {@code people}, {@code records} training records, SQLite), the console on a loopback listener, the VP signed in
 * with a real link; then GET /console/ (Overview) and GET /console/people (every row of the org) timed over repeats.
 * Timed from the client on loopback, so the figure includes the HTTP round trip (an upper bound on server time).
 * Then both again with a training record written before each request, so the report cannot be reused: the cost
 * right after any change. People shows its first page (100 rows) of the 2,000.
 * Reproduce: {@code ./policybot bench --console}.
 */
final class ConsoleBench {
    private final ContentLibrary library;

    ConsoleBench(ContentLibrary library) {
        this.library = library;
    }

    /** @param keep the SQLite file to keep the data in and use again when it has it, or null for a temporary one */
    void run(int people, int records, int repeats, Path keep, PrintStream out) throws Exception {
        Policy policy = library.all().iterator().next();
        try (Database db = keep == null ? Database.temporary() : Database.sqlite(keep)) {
            long g0 = System.nanoTime();
            boolean generate = db.read(c -> Sql.number(c, "SELECT COUNT(*) FROM person")) == 0;
            if (generate) {
                ReportsBench.generate(db, people, records, policy);
            }
            long generated = System.nanoTime();
            Clock clock = Clock.systemUTC();
            Services services = Services.builder(Storage.on(db)).content(() -> library).clock(clock).build();
            // The version announced 30 days ago: the Overview draws its completion over time (one more query).
            io.policybot.announcements.Announcement announced = new io.policybot.announcements.Announcement(
                    io.policybot.Ids.next(), policy.id(), policy.version(), null, java.time.LocalDate.now(clock),
                    io.policybot.announcements.Announcement.Status.DRAFT, null, clock.instant(), null);
            services.storage().announcements().createDraft(announced);
            services.storage().announcements().settle(announced.id(),
                    io.policybot.announcements.Announcement.Status.CONFIRMED, clock.instant().minus(Duration.ofDays(30)));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext(WebConsole.PREFIX, new WebConsole(services, clock, false, Duration.ofMinutes(30)));
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.getAddress().getPort() + WebConsole.PREFIX;
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String token = services.signInLinks().issue(new Actor("bench", "p1", "VP 1", Locale.ENGLISH));
                HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow(
                        () -> new IllegalStateException("sign-in failed: " + signedIn.statusCode()));
                cookie = cookie.substring(0, cookie.indexOf(';'));
                out.printf(Locale.ROOT, "people / training records  %,d / %,d (%s)%n",
                        db.read(c -> Sql.number(c, "SELECT COUNT(*) FROM person")),
                        db.read(c -> Sql.number(c, "SELECT COUNT(*) FROM training_completion")), generate
                                ? String.format(Locale.ROOT, "generated in %.1f s", (generated - g0) / 1e9) : "kept in " + keep);
                for (String page : new String[] {"/", "/people"}) {
                    print(out, page.equals("/") ? "overview" : "people (page 1 of 2,000)", time(http, base + page, cookie,
                            repeats, null), repeats);
                }
                // The same pages when the report cannot be reused: a training record lands before each request.
                int[] n = {0};
                String run = Long.toString(System.currentTimeMillis(), 36);
                Runnable write = () -> db.inTransaction(c -> {
                    String id = "bench-" + run + "-" + (n[0]++);
                    String person = "p" + (2 + n[0] % 1_999);
                    long at = System.currentTimeMillis();
                    Sql.update(c, "INSERT INTO training_session (id, person_id, module, policy_id, policy_version, "
                            + "language, status, state, started_at, updated_at, finished_at) VALUES (?, ?, 'quiz', ?, ?, "
                            + "'en', 'finished', '{}', ?, ?, ?)", id, person, policy.id(), policy.version(), at, at, at);
                    return Sql.update(c, "INSERT INTO training_completion (id, person_id, session_id, module, "
                            + "policy_id, policy_version, correct, total, passed, completed_at) VALUES (?, ?, ?, 'quiz', "
                            + "?, ?, 9, 10, TRUE, ?)", id, person, id, policy.id(), policy.version(), at);
                });
                for (String page : new String[] {"/", "/people"}) {
                    print(out, (page.equals("/") ? "overview" : "people") + " after a write", time(http, base + page,
                            cookie, repeats, write), repeats);
                }
            } finally {
                server.stop(0);
            }
        }
    }

    private static void print(PrintStream out, String name, long[] nanos, int repeats) {
        out.printf(Locale.ROOT, "console %-22s p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d repeats)%n", name,
                nanos[repeats / 2] / 1e6, nanos[Math.min(repeats - 1, (int) Math.ceil(repeats * 0.99) - 1)] / 1e6,
                nanos[repeats - 1] / 1e6, repeats);
    }

    /** @param before run before each timed request (not timed), or null */
    private static long[] time(HttpClient http, String url, String cookie, int repeats, Runnable before)
            throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
        for (int i = 0; i < 5; i++) { // warm-up
            check(http.send(get, HttpResponse.BodyHandlers.ofString()));
        }
        long[] nanos = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            if (before != null) {
                before.run();
            }
            long s = System.nanoTime();
            check(http.send(get, HttpResponse.BodyHandlers.ofString()));
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the console answered " + r.statusCode());
        }
    }
}
