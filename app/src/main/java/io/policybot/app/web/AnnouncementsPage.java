package io.policybot.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.policybot.announcements.AnnouncementOutbox;
import io.policybot.announcements.AnnouncementService;
import io.policybot.announcements.AnnouncementService.AlreadyAnnounced;
import io.policybot.announcements.AnnouncementService.Preview;
import io.policybot.audit.AuditLog;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.people.StaffAccess;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.SectionFingerprint;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The console's Announcements page (HR and admins): every announcement sent with its delivery progress (kept up to
 * date by {@code announcements.js} polling {@code progress.json}), and a new announcement of a policy's latest
 * published version: what changed as a word diff, who gets it, the due date, then confirm. Preparing, confirming
 * and cancelling are the chat's and the CLI's own use cases ({@link AnnouncementService}); the page only shows them.
 */
final class AnnouncementsPage {
    private static final int MAX_DUE_DAYS = 366;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AnnouncementService service;
    private final io.policybot.announcements.AnnouncementConversation chat;
    private final PolicyVersionStore versions;
    private final Supplier<ContentLibrary> content;
    private final PersonRepository people;
    private final StaffOnly staffOnly;
    private final Pages pages;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    AnnouncementsPage(Services services, AuditLog audit, StaffAccess access, Pages pages, Clock clock) {
        this.service = services.announcements().service();
        this.chat = services.announcements().conversation();
        this.versions = services.storage().versions();
        this.content = services.content();
        this.people = services.storage().people();
        this.staffOnly = new StaffOnly(access, pages);
        this.pages = pages;
        this.clock = clock;
    }

    void get(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (staffOnly.refused(ex, v, r, "announcements")) {
            return;
        }
        if (r.path().endsWith(".json")) {
            byte[] body = json.writeValueAsBytes(Map.of("announcements", history(v)));
            WebConsole.send(ex, 200, "application/json; charset=utf-8", body);
            return;
        }
        String done = r.param("done");
        String notice = switch (done) {
            case "SENT", "ALREADY_SENT", "CANCELLED", "VERSION_ALREADY_ANNOUNCED", "UNKNOWN", "DRAFT_CANCELLED",
                 "ALREADY" -> v.m().get("announce.done." + done);
            default -> "";
        };
        list(ex, v, 200, notice, "", r.param("policy"), "");
    }

    void post(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (staffOnly.refused(ex, v, r, "announcements")) {
            return;
        }
        switch (r.path()) {
            case "/announcements/prepare" -> prepare(ex, v, r);
            case "/announcements/confirm" -> {
                AnnouncementService.Confirmation c = service.confirm(r.param("id"), v.actor().key());
                WebConsole.redirect(ex, WebConsole.PREFIX + "/announcements?done=" + c.outcome().name()
                        + (c.announcement() == null ? "" : "#a-" + c.announcement().id()));
            }
            default -> {
                boolean cancelled = service.cancel(r.param("id"), v.actor().key());
                WebConsole.redirect(ex, WebConsole.PREFIX + "/announcements?done="
                        + (cancelled ? "DRAFT_CANCELLED" : "ALREADY_SENT"));
            }
        }
    }

    private void prepare(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        String policyId = r.param("policy");
        LocalDate due = null;
        String dueText = r.param("due");
        if (!dueText.isEmpty()) {
            try {
                due = LocalDate.parse(dueText);
            } catch (DateTimeParseException e) {
                due = LocalDate.MIN;
            }
            LocalDate today = LocalDate.now(clock);
            if (!due.isAfter(today) || due.isAfter(today.plusDays(MAX_DUE_DAYS))) {
                list(ex, v, 400, "", v.m().get("announce.badDue"), policyId, dueText);
                return;
            }
        }
        String author = people.find(v.actor().platform(), v.actor().userId()).map(Person::id).orElse(null);
        switch (service.prepare(policyId, author, due)) {
            case AnnouncementService.UnknownPolicy u -> list(ex, v, 400, "", v.m().get("announce.unknownPolicy"), policyId, dueText);
            case AlreadyAnnounced a -> WebConsole.redirect(ex, WebConsole.PREFIX + "/announcements?done=ALREADY#a-"
                    + a.announcement().id());
            case Preview p -> WebConsole.html(ex, 200, pages.render("announcement-preview", v.language(),
                    WebConsole.page(v, "announcements", preview(p, v.language()))));
        }
    }

    private void list(HttpExchange ex, WebConsole.Viewer v, int status, String notice, String problem, String policy,
                      String due) throws IOException {
        List<Map<String, Object>> history = history(v);
        ContentLibrary library = content.get();
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Policy p : library.all()) {
            Optional<PublishedVersion> latest = versions.latest(p.id());
            boolean announced = latest.isPresent() && history.stream().anyMatch(h -> h.get("policyId").equals(p.id())
                    && h.get("version").equals(latest.get().version()));
            policies.add(Map.of("id", p.id(), "title", p.document(v.language()).title(),
                    "version", latest.map(PublishedVersion::version).orElse("—"), "announced", announced,
                    "selected", p.id().equals(policy)));
        }
        LocalDate today = LocalDate.now(clock);
        WebConsole.html(ex, status, pages.render("announcements", v.language(), WebConsole.page(v, "announcements",
                Map.of("history", history, "policies", policies, "notice", notice, "problem", problem,
                        "due", due.isEmpty() ? service.defaultDueDate().toString() : due,
                        "minDue", today.plusDays(1).toString(), "maxDue", today.plusDays(MAX_DUE_DAYS).toString()))));
    }

    /** Every announcement sent, newest first, with its progress: the table and the JSON the page polls. */
    private List<Map<String, Object>> history(WebConsole.Viewer v) {
        List<Map<String, Object>> out = new ArrayList<>();
        ContentLibrary library = content.get();
        for (AlreadyAnnounced a : service.status()) {
            AnnouncementOutbox.Progress p = a.progress();
            String state = p.pending() > 0 ? "sending" : p.failed() > 0 ? "failed" : "sent";
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.announcement().id());
            row.put("policyId", a.announcement().policyId());
            row.put("title", library.policy(a.announcement().policyId()).map(x -> x.document(v.language()).title())
                    .orElse(a.title()));
            row.put("version", a.announcement().version());
            row.put("base", a.announcement().baseVersion() == null ? "" : a.announcement().baseVersion());
            row.put("confirmed", a.announcement().confirmedAt() == null ? ""
                    : AT.format(LocalDateTime.ofInstant(a.announcement().confirmedAt(), clock.getZone())));
            row.put("due", a.announcement().dueOn().toString());
            row.put("sent", p.sent());
            row.put("pending", p.pending());
            row.put("failed", p.failed());
            row.put("skipped", p.skipped());
            row.put("total", p.total());
            row.put("acknowledged", service.acknowledgements(a.announcement()));
            row.put("state", state);
            row.put("stateLabel", v.m().get("announce.state." + state));
            row.put("failures", p.failures());
            out.add(row);
        }
        return out;
    }

    /** The preview's words: the changes of each language (the viewer's first) as diffs, the audience, the date. */
    private Map<String, Object> preview(Preview p, String language) {
        ContentChanges changes = p.changes();
        Map<String, SectionFingerprint> none = Map.of();
        Optional<PublishedVersion> base = p.draft().baseVersion() == null ? Optional.empty()
                : versions.find(p.draft().policyId(), p.draft().baseVersion());
        Optional<Policy> loaded = content.get().policy(p.draft().policyId())
                .filter(x -> x.version().equals(p.draft().version()));
        List<String> langs = new ArrayList<>(changes.languages().keySet());
        if (langs.remove(language)) {
            langs.addFirst(language);
        }
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String lang : langs) {
            Map<String, SectionFingerprint> before = new HashMap<>(none);
            base.ifPresent(b -> b.sections().getOrDefault(lang, List.of()).forEach(s -> before.put(s.sectionId(), s)));
            Map<String, Section> now = new HashMap<>();
            loaded.flatMap(x -> x.exactDocument(lang)).map(PolicyDocument::sections)
                    .ifPresent(list -> list.forEach(s -> now.put(s.id(), s)));
            ContentChanges.Language l = changes.in(lang);
            List<Map<String, Object>> sections = new ArrayList<>();
            for (SectionFingerprint s : l.changed()) {
                SectionFingerprint was = before.get(s.sectionId());
                sections.add(section("changed", s, Diffs.of(was == null ? "" : was.title(), s.title()),
                        Diffs.of(was == null ? "" : was.summary(), s.summary()), now.get(s.sectionId())));
            }
            for (SectionFingerprint s : l.added()) {
                sections.add(section("added", s, Diffs.of("", s.title()), Diffs.of("", s.summary()), now.get(s.sectionId())));
            }
            for (SectionFingerprint s : l.removed()) {
                sections.add(section("removed", s, Diffs.of(s.title(), ""), Diffs.of(s.summary(), ""), null));
            }
            languages.add(Map.of("code", lang, "sections", sections));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("draft", p.draft());
        vars.put("title", p.title());
        vars.put("rollOut", p.draft().baseVersion() == null);
        vars.put("languages", languages);
        vars.put("audience", p.audience());
        vars.put("audienceSize", p.audienceSize());
        vars.put("channels", String.join(", ", p.channels()));
        vars.put("noChange", changes.isEmpty());
        // The chat preview's own sentence (Markdown bold dropped): what people have to do, and by when.
        vars.put("asks", chat.dueLine(p.draft(), language).replace("**", ""));
        return vars;
    }

    private static Map<String, Object> section(String kind, SectionFingerprint s, Map<String, Object> title,
                                               Map<String, Object> summary, Section now) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("id", s.sectionId());
        m.put("title", title);
        m.put("summary", summary);
        // Only the rules below the short answer changed: the diff of the stored summary shows nothing.
        m.put("detailsOnly", kind.equals("changed") && !(Boolean) title.get("changed") && !(Boolean) summary.get("changed"));
        m.put("text", now == null ? "" : now.markdown());
        return m;
    }
}
