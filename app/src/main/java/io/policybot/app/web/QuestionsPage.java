package io.policybot.app.web;

import com.sun.net.httpserver.HttpExchange;
import io.policybot.audit.AuditLog;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.people.StaffAccess;
import io.policybot.questions.HandOff;
import io.policybot.reports.GapFollowUp;
import io.policybot.wiring.Services;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's Questions page (HR and admins): the gaps report of {@code gaps} in chat (questions declined or voted
 * down, grouped, with counts, the section they matched and their weekly trend), the "Ask HR" hand-offs with their
 * state, and marking either as handled. Grouping, marks and audit are the engine's ({@link GapFollowUp}).
 */
final class QuestionsPage {
    static final int[] WINDOWS = {7, 30, 90};
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final GapFollowUp followUp;
    private final PersonRepository people;
    private final StaffOnly staffOnly;
    private final Pages pages;
    private final Clock clock;

    QuestionsPage(Services services, AuditLog audit, StaffAccess access, Pages pages, Clock clock) {
        this.followUp = services.gapFollowUp(audit);
        this.people = services.storage().people();
        this.staffOnly = new StaffOnly(access, pages);
        this.pages = pages;
        this.clock = clock;
    }

    void get(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (staffOnly.refused(ex, v, r, "questions")) {
            return;
        }
        int days = days(r.param("days"));
        List<Map<String, Object>> groups = new ArrayList<>();
        int total = 0;
        for (GapFollowUp.Tracked t : followUp.groups(days)) {
            total += t.group().count();
            Map<String, Object> g = new HashMap<>();
            g.put("example", t.group().example());
            g.put("others", t.group().others());
            g.put("count", t.group().count());
            g.put("declined", t.group().declined());
            g.put("downVoted", t.group().downVoted());
            g.put("section", t.group().section() == null ? "" : followUp.sectionTitle(t.group().section(), v.language()));
            g.put("weekly", t.weekly());
            boolean fresh = t.weekly().subList(0, t.weekly().size() - 1).stream().allMatch(n -> n == 0);
            g.put("trend", fresh && t.weekly().size() > 1 ? "new" : t.trend() > 0 ? "up" : t.trend() < 0 ? "down" : "flat");
            g.put("settled", t.settled());
            g.put("reopened", t.mark() != null && !t.settled());
            g.put("askedSince", t.askedSince());
            g.put("handledBy", t.mark() == null ? "" : name(t.mark().by()));
            g.put("handledAt", t.mark() == null ? "" : at(t.mark().at()));
            groups.add(g);
        }
        List<Map<String, Object>> handOffs = new ArrayList<>();
        for (HandOff h : followUp.handOffs(days)) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", h.question().id());
            m.put("question", h.question().question());
            m.put("who", people.find(h.question().personId()).map(Person::displayName).orElse("?"));
            m.put("at", at(h.escalatedAt()));
            m.put("open", h.open());
            m.put("handledBy", h.open() ? "" : name(h.handledBy()));
            m.put("handledAt", h.open() ? "" : at(h.handledAt()));
            handOffs.add(m);
        }
        String notice = switch (r.param("done")) {
            case "handled", "already", "handoff", "handoffAlready" -> v.m().get("questions.done." + r.param("done"));
            default -> "";
        };
        WebConsole.html(ex, 200, pages.render("questions", v.language(), WebConsole.page(v, "questions", Map.of(
                "groups", groups, "total", total, "handOffs", handOffs, "days", days, "windows", WINDOWS,
                "notice", notice))));
    }

    void post(HttpExchange ex, WebConsole.Viewer v, Request r) throws IOException {
        if (staffOnly.refused(ex, v, r, "questions")) {
            return;
        }
        String back = WebConsole.PREFIX + "/questions?days=" + days(r.param("days")) + "&done=";
        if (r.path().equals("/questions/handled")) {
            String example = r.param("example");
            if (example.isEmpty()) {
                WebConsole.text(ex, 400, v.m().get("questions.noGroup"));
                return;
            }
            WebConsole.redirect(ex, back + (followUp.markHandled(v.actor().key(), example) ? "handled" : "already"));
        } else {
            WebConsole.redirect(ex, back + (followUp.markHandOffHandled(v.actor().key(), r.param("id")) ? "handoff"
                    : "handoffAlready"));
        }
    }

    private static int days(String text) {
        for (int w : WINDOWS) {
            if (String.valueOf(w).equals(text)) {
                return w;
            }
        }
        return 30;
    }

    /** A person's name from their key ({@code slack:HR1}), else the key itself. */
    private String name(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        return colon < 0 ? String.valueOf(key)
                : people.find(key.substring(0, colon), key.substring(colon + 1)).map(Person::displayName).orElse(key);
    }

    private String at(Instant t) {
        return AT.format(LocalDateTime.ofInstant(t, clock.getZone()));
    }
}
