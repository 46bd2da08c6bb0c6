package io.policybot.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.chat.Actor;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.people.RosterRepository;
import io.policybot.people.Roles;
import io.policybot.people.StaffAccess;
import io.policybot.reports.Report;
import io.policybot.reports.ReportCommands;
import io.policybot.reports.ReportScope;
import io.policybot.reports.ReportService;
import io.policybot.reports.TrainingState;
import io.policybot.signin.ConsoleSessions;
import io.policybot.signin.SignInLinks;
import io.policybot.text.Csv;
import io.policybot.text.Messages;
import io.policybot.training.Completion;
import io.policybot.training.TrainingRepository;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console for HR and managers, below {@code /console} on serve's listener. Server-rendered pages (Overview,
 * People, a person, Audit log) on the engine's own use cases: the report and its scope come from
 * {@link ReportCommands} and {@link ReportService}, the roles from {@link StaffAccess}, so the console sees exactly
 * what {@code report} shows in chat. Every request asks the roles again; every form carries the session's CSRF
 * token; every response carries strict security headers.
 */
public final class WebConsole implements HttpHandler {
    public static final String PREFIX = "/console";
    static final String COOKIE = "policybot_console";
    private static final Logger log = LoggerFactory.getLogger(WebConsole.class);
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final int AUDIT_ROWS = 5000;
    /** However busy, a session ends this long after sign-in. */
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    private final ReportCommands reports;
    private final ReportService reportService;
    private final StaffAccess access;
    private final PersonRepository people;
    private final TrainingRepository training;
    private final AuditLog audit;
    private final SignInLinks links;
    private final ConsoleSessions sessions;
    private final Pages pages = new Pages();
    private final AnnouncementsPage announcementsPage;
    private final QuestionsPage questionsPage;
    private final ContentPage content;
    private final Services services;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Clock clock;
    private final boolean secure;
    private final OidcSignOn oidc;
    private final RosterRepository roster;

    /**
     * @param secure whether the console is served over HTTPS (its URL begins with https): the cookie is Secure then
     * @param idle   how long a session lives without a request
     */
    public WebConsole(Services services, Clock clock, boolean secure, Duration idle) {
        this(services, clock, secure, idle, ContentPage.Source.lexical(services.content()), null);
    }

    /**
     * @param answerer         the answerer chat uses (the Content page's "try a question" asks it)
     * @param contentDirectory the content directory the process serves, checked on the Content page; null: bundled
     */
    public WebConsole(Services services, Clock clock, boolean secure, Duration idle,
                      java.util.function.Supplier<io.policybot.answering.QuestionAnswerer> answerer,
                      java.nio.file.Path contentDirectory) {
        this(services, clock, secure, idle, new ContentPage.Source(answerer, contentDirectory), null);
    }

    /** @param oidc single sign-on with OpenID Connect, or null when only sign-in links from chat are used */
    public WebConsole(Services services, Clock clock, boolean secure, Duration idle, OidcSignOn oidc) {
        this(services, clock, secure, idle, ContentPage.Source.lexical(services.content()), oidc);
    }

    /**
     * @param answerer         the answerer chat uses (the Content page's "try a question" asks it)
     * @param contentDirectory the content directory the process serves, checked on the Content page; null: bundled
     * @param oidc             single sign-on with OpenID Connect, or null when only sign-in links from chat are used
     */
    public WebConsole(Services services, Clock clock, boolean secure, Duration idle,
                      java.util.function.Supplier<io.policybot.answering.QuestionAnswerer> answerer,
                      java.nio.file.Path contentDirectory, OidcSignOn oidc) {
        this(services, clock, secure, idle, new ContentPage.Source(answerer, contentDirectory), oidc);
    }

    private WebConsole(Services services, Clock clock, boolean secure, Duration idle, ContentPage.Source content,
                       OidcSignOn oidc) {
        AuditLog log = services.storage().audit();
        this.services = services;
        this.reports = services.reportCommands(log);
        this.reportService = services.reports();
        this.access = services.access(log);
        this.people = services.storage().people();
        this.training = services.storage().training();
        this.audit = log;
        this.links = services.signInLinks();
        this.sessions = new ConsoleSessions(services.storage().consoleSessions(), new SecureRandom(), clock, idle,
                idle.compareTo(LIFETIME) > 0 ? idle : LIFETIME);
        this.clock = clock;
        this.secure = secure;
        this.announcementsPage = new AnnouncementsPage(services, log, access, pages, clock);
        this.questionsPage = new QuestionsPage(services, log, access, pages, clock);
        this.content = new ContentPage(services, content, access, pages, clock);
        this.oidc = oidc;
        this.roster = services.storage().roster();
    }

    /** The signed-in person of a request: their identity, roles asked now, and their session. */
    record Viewer(Actor actor, Roles roles, ConsoleSessions.Session session, Messages m, String language, String here) {
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            headers(ex);
            Request r;
            try {
                r = Request.of(ex, PREFIX);
            } catch (IOException e) {
                text(ex, 413, "Too large.");
                return;
            }
            route(ex, r);
        } catch (RuntimeException e) {
            log.warn("A console request failed: {}", e.toString());
            try {
                text(ex, 500, "Something went wrong; the error is in the log.");
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way
            }
        }
    }

    private void route(HttpExchange ex, Request r) throws IOException {
        if (r.path().startsWith("/static/")) {
            staticFile(ex, r.path().substring("/static/".length()));
            return;
        }
        if (r.path().equals("/signin")) {
            signIn(ex, r);
            return;
        }
        if (r.path().startsWith("/oidc/")) {
            singleSignOn(ex, r);
            return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(r.cookies().get(COOKIE));
        if (session.isEmpty()) {
            Messages m = Messages.of("webconsole", languageOf(ex));
            if (r.method().equals("POST")) {
                text(ex, 403, m.get("signedOut.title"));
                return;
            }
            html(ex, 401, pages.render("signed-out", m.language(), Map.of("sso", oidc != null)));
            return;
        }
        Viewer v = viewer(session.get(), here(ex));
        if (r.method().equals("POST")) {
            if (!csrfOk(v, r)) {
                audit.record(new AuditEntry(clock.instant(), v.actor().key(), AuditEntry.REFUSED, "console POST " + r.path(),
                        "missing or wrong CSRF token"));
                text(ex, 403, v.m().get("csrf.refused"));
                return;
            }
            switch (r.path()) {
                case "/signout" -> {
                    sessions.close(v.session().id());
                    ex.getResponseHeaders().add("Set-Cookie", cookie("", 0));
                    redirect(ex, PREFIX + "/signin");
                }
                case "/language" -> {
                    String lang = r.param("lang").equals("zh") ? "zh" : "en";
                    sessions.changeLocale(v.session(), Locale.forLanguageTag(lang));
                    String back = r.param("back");
                    redirect(ex, back.startsWith(PREFIX + "/") && !back.contains("//") ? back : PREFIX + "/");
                }
                case "/announcements/prepare", "/announcements/confirm", "/announcements/cancel" -> announcementsPage.post(ex, v, r);
                case "/questions/handled", "/questions/handoff" -> questionsPage.post(ex, v, r);
                case "/content/try" -> content.tryQuestion(ex, v, r);
                default -> text(ex, 404, v.m().get("notFound"));
            }
            return;
        }
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            text(ex, 405, "GET or POST");
            return;
        }
        switch (r.path()) {
            case "/", "" -> overview(ex, v);
            case "/people" -> people(ex, v, r);
            case "/people.csv" -> peopleCsv(ex, v, r);
            case "/person" -> person(ex, v, r);
            case "/audit" -> auditPage(ex, v, r, false);
            case "/audit.csv" -> auditPage(ex, v, r, true);
            case "/announcements", "/announcements/progress.json" -> announcementsPage.get(ex, v, r);
            case "/questions" -> questionsPage.get(ex, v, r);
            case "/content", "/content/policy", "/content/diff" -> content.get(ex, v, r);
            default -> html(ex, 404, pages.render("message", v.language(), page(v, "", Map.of("message", v.m().get("notFound")))));
        }
    }

    // ---- sign-in ----

    private void signIn(HttpExchange ex, Request r) throws IOException {
        Messages m = Messages.of("webconsole", languageOf(ex));
        if (r.method().equals("GET")) {
            // A GET only shows a button: link previews (Slack unfurls, mail scanners) must not use the link up.
            html(ex, 200, pages.render("signin", m.language(), Map.of("token", r.param("token"), "sso", oidc != null)));
            return;
        }
        SignInLinks.Redeemed result = links.redeem(r.param("token"));
        if (result instanceof SignInLinks.Redeemed.SignedIn in) {
            ConsoleSessions.Session s = sessions.open(in.platform(), in.userId(), in.locale(), "link");
            ex.getResponseHeaders().add("Set-Cookie", cookie(s.id(), -1));
            audit.record(new AuditEntry(clock.instant(), in.platform() + ":" + in.userId(), "console.signin", "console",
                    "one-time link"));
            redirect(ex, PREFIX + "/");
            return;
        }
        String key = switch (result) {
            case SignInLinks.Redeemed.AlreadyUsed u -> "signin.used";
            case SignInLinks.Redeemed.Expired e -> "signin.expired";
            default -> "signin.unknown";
        };
        html(ex, 403, pages.render("signed-out", m.language(), Map.of("problem", m.get(key), "sso", oidc != null)));
    }

    // ---- single sign-on (OpenID Connect) ----

    private static final String OIDC_COOKIE = "policybot_oidc";

    private void singleSignOn(HttpExchange ex, Request r) throws IOException {
        Messages m = Messages.of("webconsole", languageOf(ex));
        if (oidc == null || !r.method().equals("GET")) {
            text(ex, 404, m.get("notFound"));
            return;
        }
        try {
            switch (r.path()) {
                case "/oidc/start" -> {
                    OidcSignOn.Started started = oidc.start(Locale.forLanguageTag(m.language()));
                    // Binds the login to this browser: the callback must come back with the same state.
                    ex.getResponseHeaders().add("Set-Cookie", OIDC_COOKIE + "=" + started.state() + "; Path=" + PREFIX
                            + "/oidc; HttpOnly; SameSite=Lax; Max-Age=" + OidcSignOn.LOGIN_TIME.toSeconds()
                            + (secure ? "; Secure" : ""));
                    redirect(ex, started.redirect().toString());
                }
                case "/oidc/callback" -> {
                    ex.getResponseHeaders().add("Set-Cookie", OIDC_COOKIE + "=; Path=" + PREFIX + "/oidc; HttpOnly; "
                            + "SameSite=Lax; Max-Age=0" + (secure ? "; Secure" : ""));
                    if (!r.param("error").isEmpty()) {
                        throw new OidcSignOn.Refused("oidc.failed", "the provider answered " + r.param("error"));
                    }
                    OidcSignOn.Verified who = oidc.finish(r.param("code"), r.param("state"),
                            r.cookies().getOrDefault(OIDC_COOKIE, ""));
                    Optional<Person> person = roster.findByEmail(who.email());
                    if (person.isEmpty()) {
                        audit.record(new AuditEntry(clock.instant(), "oidc:" + who.email(), AuditEntry.REFUSED,
                                "console sign-in", "single sign-on: no one in the roster has this e-mail"));
                        Messages mm = Messages.of("webconsole", who.locale().getLanguage().equals("zh") ? "zh" : "en");
                        html(ex, 403, pages.render("signed-out", mm.language(), Map.of("problem",
                                mm.get("oidc.unknownEmail", who.email()), "sso", true)));
                        return;
                    }
                    Person p = person.get();
                    ConsoleSessions.Session s = sessions.open(p.platform(), p.platformUserId(), who.locale(), "oidc");
                    ex.getResponseHeaders().add("Set-Cookie", cookie(s.id(), -1));
                    audit.record(new AuditEntry(clock.instant(), p.key(), "console.signin", "console",
                            "single sign-on (" + oidc.config().issuer() + ")"));
                    redirect(ex, PREFIX + "/");
                }
                default -> text(ex, 404, m.get("notFound"));
            }
        } catch (OidcSignOn.Refused refused) {
            audit.record(new AuditEntry(clock.instant(), "oidc", AuditEntry.REFUSED, "console sign-in",
                    "single sign-on: " + refused.getMessage()));
            log.warn("Single sign-on refused: {}", refused.getMessage());
            html(ex, 403, pages.render("signed-out", m.language(), Map.of("problem", m.get(refused.code), "sso", true)));
        }
    }

    private String cookie(String value, int maxAge) {
        return COOKIE + "=" + value + "; Path=" + PREFIX + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    /** The page asked for, to come back to after switching language. */
    private static String here(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return ex.getRequestURI().getRawPath() + (q == null ? "" : "?" + q);
    }

    private Viewer viewer(ConsoleSessions.Session s, String here) {
        String name = people.find(s.platform(), s.userId()).map(Person::displayName).orElse(s.userId());
        Actor actor = new Actor(s.platform(), s.userId(), name, s.locale());
        String language = s.locale().getLanguage().equals("zh") ? "zh" : "en";
        return new Viewer(actor, access.rolesOf(actor), s, Messages.of("webconsole", language), language, here);
    }

    private static boolean csrfOk(Viewer v, Request r) {
        return ConsoleSessions.same(v.session().csrf(), r.param("csrf"));
    }

    // ---- pages ----

    static Map<String, Object> page(Viewer v, String current, Map<String, Object> more) {
        Map<String, Object> vars = new LinkedHashMap<>(more);
        vars.put("me", v.actor().displayName());
        vars.put("role", v.m().get("role." + v.roles().highest().code()));
        vars.put("staff", v.roles().staff());
        vars.put("csrf", v.session().csrf());
        vars.put("current", current);
        vars.put("back", v.here());
        return vars;
    }

    private Report report(Viewer v) {
        ReportScope scope = reports.consoleScope(v.actor());
        return reportService.report(scope, scope.getClass().getSimpleName(), v.language());
    }

    private void overview(HttpExchange ex, Viewer v) throws IOException {
        ReportScope scope = reports.consoleScope(v.actor());
        Report report = reportService.report(scope, scope.getClass().getSimpleName(), v.language());
        CompletionChart.Chart timeline = CompletionChart.of(reportService, scope, report.people(),
                services.storage().announcements().allConfirmed(), services.content().get(), v.m(), v.language(), clock);
        List<Map<String, Object>> chart = new ArrayList<>();
        for (Report.PolicySummary s : report.policies()) {
            chart.add(Map.of("label", s.title() + " " + s.version(), "counts", List.of(s.completed(), s.inProgress(),
                    s.updateDue(), s.overdue(), s.notStarted(), s.acknowledged())));
        }
        List<String> states = new ArrayList<>();
        for (String k : List.of("completed", "in_progress", "update_due", "overdue", "not_started", "acknowledged")) {
            states.add(v.m().get("state." + k));
        }
        String chartJson = json.writeValueAsString(
                Map.of("states", states, "series", chart)).replace("</", "<\\/");
        html(ex, 200, pages.render("overview", v.language(), page(v, "overview", Map.of("report", report,
                "chart", chartJson, "behind", PeopleTable.behind(report.rows(), 5),
                "timeline", timeline.json(), "timelineRows", timeline.rows()))));
    }

    private void people(HttpExchange ex, Viewer v, Request r) throws IOException {
        Report report = report(v);
        PeopleTable table = PeopleTable.of(r);
        List<Report.Row> shown = table.apply(report.rows());
        TreeSet<String> teams = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> policies = new TreeSet<>();
        for (Report.Row row : report.rows()) {
            if (row.team() != null) {
                teams.add(row.team());
            }
            policies.add(row.policyId());
        }
        List<String> states = new ArrayList<>();
        for (TrainingState s : TrainingState.values()) {
            states.add(s.code());
        }
        PeopleTable.Page one = table.page(shown);
        // The cells as text, made here: one map look-up per cell in the template instead of several calls.
        List<Map<String, String>> cells = new ArrayList<>(one.rows().size());
        Map<String, String> words = new java.util.HashMap<>();
        for (Report.Row row : one.rows()) {
            String code = row.state().code();
            cells.add(Map.of("key", row.personKey(), "name", row.name(), "team", row.team() == null ? "—" : row.team(),
                    "policy", row.policyId() + " " + row.version(), "state", code,
                    "stateClass", "state " + code.replace(' ', '-'),
                    "stateText", words.computeIfAbsent("state." + code.replace(' ', '_'), v.m()::get),
                    "due", row.dueOn() == null ? "—" : row.dueOn().toString(),
                    "score", row.score() == null ? "—" : row.score() + "%",
                    "ack", words.computeIfAbsent(row.acknowledged() ? "people.yes" : "people.no", v.m()::get)));
        }
        Map<String, Object> vars = new LinkedHashMap<>(Map.of("rows", cells, "table", table, "teams", teams,
                "policies", policies, "states", states, "total", report.rows().size(), "matching", shown.size()));
        vars.put("pager", one);
        vars.put("pageRows", v.m().get("pager.rows", one.first(), one.last(), shown.size()));
        html(ex, 200, pages.render("people", v.language(), page(v, "people", vars)));
    }

    private void peopleCsv(HttpExchange ex, Viewer v, Request r) throws IOException {
        Report report = report(v);
        PeopleTable table = PeopleTable.of(r);
        List<Report.Row> shown = table.apply(report.rows());
        byte[] csv = ReportService.csv(new Report(report.scopeLabel(), report.people(), shown, report.policies()));
        String file = "policybot-people-" + LocalDate.now(clock) + ".csv";
        audit.record(new AuditEntry(clock.instant(), v.actor().key(), AuditEntry.REPORT_EXPORT, "console people",
                shown.size() + (shown.size() == 1 ? " row, " : " rows, ") + table.describe() + ", " + file));
        download(ex, file, "text/csv; charset=utf-8", csv);
    }

    private void person(HttpExchange ex, Viewer v, Request r) throws IOException {
        String key = r.param("key");
        int colon = key.indexOf(':');
        Optional<Person> found = colon < 0 ? Optional.empty()
                : people.find(key.substring(0, colon), key.substring(colon + 1));
        if (found.isEmpty()) {
            html(ex, 404, pages.render("message", v.language(), page(v, "people", Map.of("message", v.m().get("notFound")))));
            return;
        }
        Person p = found.get();
        if (!reports.maySee(v.actor(), p, "console person " + p.key())) {
            html(ex, 403, pages.render("message", v.language(), page(v, "people", Map.of("message", v.m().get("refused")))));
            return;
        }
        Report report = reportService.report(new ReportScope.One(p.id()), p.displayName(), v.language());
        ZoneId zone = clock.getZone();
        List<Completion> attempts = new ArrayList<>(training.completions(p.id()));
        attempts.sort(Comparator.comparing(Completion::completedAt).reversed());
        List<Map<String, Object>> rows = new ArrayList<>();
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (Completion c : attempts) {
            rows.add(Map.of("at", at.format(LocalDateTime.ofInstant(c.completedAt(), zone)), "policy", c.policyId(),
                    "version", c.policyVersion(), "module", c.module(), "score", c.percent() + "%"));
        }
        List<Map<String, Object>> acks = new ArrayList<>();
        for (io.policybot.announcements.Acknowledgement a : services.storage().acknowledgements().ofPerson(p.id())) {
            acks.add(Map.of("at", at.format(LocalDateTime.ofInstant(a.acknowledgedAt(), zone)), "policy", a.policyId(),
                    "version", a.policyVersion(), "platform", a.platform() == null ? "—" : a.platform(),
                    "announcement", a.announcementId() == null ? "" : a.announcementId()));
        }
        html(ex, 200, pages.render("person", v.language(), page(v, "people", Map.of("person", p,
                "rows", report.rows(), "attempts", rows, "acknowledgements", acks))));
    }

    private void auditPage(HttpExchange ex, Viewer v, Request r, boolean csv) throws IOException {
        if (!v.roles().staff()) {
            access.refuse(v.actor(), v.roles(), "console audit", "");
            html(ex, 403, pages.render("message", v.language(), page(v, "audit", Map.of("message", v.m().get("refused")))));
            return;
        }
        ZoneId zone = clock.getZone();
        Instant from = day(r.param("from"), zone, 0);
        Instant to = day(r.param("to"), zone, 1);
        String actor = r.param("actor").toLowerCase(Locale.ROOT);
        String action = r.param("action");
        List<AuditEntry> shown = new ArrayList<>();
        TreeSet<String> actions = new TreeSet<>();
        for (AuditEntry e : audit.recent(AUDIT_ROWS)) {
            actions.add(e.action());
            if (from != null && e.at().isBefore(from) || to != null && !e.at().isBefore(to)
                    || !actor.isEmpty() && !e.actor().toLowerCase(Locale.ROOT).contains(actor)
                    || !action.isEmpty() && !e.action().equals(action)) {
                continue;
            }
            shown.add(e);
        }
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        if (csv) {
            StringBuilder sb = new StringBuilder(Csv.row(List.of("at", "actor", "action", "target", "detail")));
            for (AuditEntry e : shown) {
                sb.append(Csv.row(List.of(fmt.format(e.at()), e.actor(), e.action(), e.target(), e.detail())));
            }
            String file = "policybot-audit-" + LocalDate.now(clock) + ".csv";
            audit.record(new AuditEntry(clock.instant(), v.actor().key(), "audit.export", "console audit",
                    shown.size() + " entries, from=" + r.param("from") + " to=" + r.param("to") + " actor=" + actor
                            + " action=" + action));
            download(ex, file, "text/csv; charset=utf-8", sb.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (AuditEntry e : shown.subList(0, Math.min(500, shown.size()))) {
            rows.add(Map.of("at", fmt.format(e.at()), "actor", e.actor(), "action", e.action(), "target", e.target(),
                    "detail", e.detail()));
        }
        String query = r.params().isEmpty() ? "" : "?" + String.join("&", List.of("from=" + enc(r.param("from")),
                "to=" + enc(r.param("to")), "actor=" + enc(r.param("actor")), "action=" + enc(action)));
        html(ex, 200, pages.render("audit", v.language(), page(v, "audit", Map.of("rows", rows, "actions", actions,
                "from", r.param("from"), "to", r.param("to"), "actor", r.param("actor"), "action", action,
                "count", shown.size(), "export", "audit.csv" + query))));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Instant day(String text, ZoneId zone, int plusDays) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- responses ----

    private static String languageOf(HttpExchange ex) {
        String accept = ex.getRequestHeaders().getFirst("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }

    private static void headers(HttpExchange ex) {
        var h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        // The sign-in page's URL holds the token: never send it on as a Referer.
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    private void staticFile(HttpExchange ex, String name) throws IOException {
        String resource = switch (name) {
            case "console.css", "console.js" -> "console/static/" + name;
            case "announcements.js" -> "console/static/" + name;
            case "uPlot.iife.min.js", "uPlot.min.css" -> UPLOT + name;
            default -> null;
        };
        if (resource == null) {
            text(ex, 404, "not found");
            return;
        }
        try (InputStream in = WebConsole.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                text(ex, 404, "not found");
                return;
            }
            byte[] body = in.readAllBytes();
            ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
            send(ex, 200, name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", body);
        }
    }

    static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(303, -1);
    }

    static void html(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", (body + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void download(HttpExchange ex, String file, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file + "\"");
        send(ex, 200, type, body);
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
