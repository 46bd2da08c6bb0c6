package io.policybot.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policybot.announcements.Announcement;
import io.policybot.content.ContentLibrary;
import io.policybot.reports.CompletionTimeline;
import io.policybot.reports.ReportScope;
import io.policybot.reports.ReportService;
import io.policybot.text.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Overview's completion over time: for each announced policy version (the latest few), the share of the people
 * in scope who had acknowledged it and, for a policy with a quiz, passed its training, day by day since the
 * announcement. Days are the server's (its clock's zone), written as dates. The counts come from {@link ReportService#timeline} (one query per version); this only lays them out
 * for the line chart and for the table beside it that reads without script.
 */
final class CompletionChart {
    /** More lines than this make the chart unreadable; older announcements stay in the table of the CLI report. */
    static final int MAX_ANNOUNCEMENTS = 4;

    private CompletionChart() {
    }

    /** The chart's data (a JSON block for console.js) and its rows for the table. */
    record Chart(String json, List<Map<String, Object>> rows) {
    }

    static Chart of(ReportService reports, ReportScope scope, int people, List<Announcement> confirmed,
                    ContentLibrary library, Messages m, String language, Clock clock) {
        List<Announcement> shown = new ArrayList<>(confirmed.stream().filter(a -> a.confirmedAt() != null).toList());
        shown.sort(Comparator.comparing(Announcement::confirmedAt));
        if (shown.size() > MAX_ANNOUNCEMENTS) {
            shown = shown.subList(shown.size() - MAX_ANNOUNCEMENTS, shown.size());
        }
        List<CompletionTimeline> lines = new ArrayList<>();
        for (Announcement a : shown) {
            lines.add(reports.timeline(scope, people, a.policyId(), a.version(), a.confirmedAt()));
        }
        LocalDate first = lines.stream().map(CompletionTimeline::since).min(Comparator.naturalOrder())
                .orElse(LocalDate.now(clock));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(LocalDate.now(clock)); d = d.plusDays(1)) {
            days.add(d);
        }
        List<String> xs = days.stream().map(LocalDate::toString).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CompletionTimeline t : lines) {
            String name = library.policy(t.policyId()).map(p -> p.document(language).title()).orElse(t.policyId())
                    + " " + t.version();
            boolean quiz = library.policy(t.policyId()).map(p -> !p.acknowledgementOnly()).orElse(true);
            series.add(Map.of("label", m.get("timeline.acknowledged", name), "values", share(t.acknowledged(), t, days)));
            if (quiz) {
                series.add(Map.of("label", m.get("timeline.passed", name), "values", share(t.passed(), t, days)));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("since", t.since().toString());
            row.put("acknowledged", count(t.acknowledgedNow(), people));
            row.put("passed", quiz ? count(t.passedNow(), people) : "—");
            rows.add(row);
        }
        Map<String, Object> data = Map.of("days", xs, "series", series, "axis", m.get("timeline.axis"),
                "day", m.get("timeline.day"));
        try {
            return new Chart(new ObjectMapper().writeValueAsString(data).replace("</", "<\\/"), rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent of the people in scope, by day of the chart; null (no line) before the announcement. */
    private static List<Double> share(List<Integer> cumulative, CompletionTimeline t, List<LocalDate> days) {
        List<Double> out = new ArrayList<>(days.size());
        int offset = days.indexOf(t.since());
        for (int i = 0; i < days.size(); i++) {
            int k = i - offset;
            out.add(k < 0 || k >= cumulative.size() || t.people() == 0 ? null
                    : Math.round(1000.0 * cumulative.get(k) / t.people()) / 10.0);
        }
        return out;
    }

    private static String count(int done, int people) {
        return done + "/" + people + " (" + (people == 0 ? 0 : Math.round(100.0 * done / people)) + "%)";
    }
}
