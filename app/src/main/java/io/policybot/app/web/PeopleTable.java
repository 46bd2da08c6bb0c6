package io.policybot.app.web;

import io.policybot.reports.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The People table: the report's rows filtered (team, status, name or e-mail, policy) and sorted as the page asks,
 * shown {@link #PAGE_ROWS} at a time ({@code page}, from 1). The CSV export goes through the same filter and sort,
 * so it holds exactly the rows of the table, every page of it.
 */
public record PeopleTable(String team, String status, String text, String policy, String sort, boolean descending,
                          int page) {
    static final List<String> SORTS = List.of("name", "team", "policy", "status", "due", "score", "acknowledged");
    /** Rows on one page: a 2,000-person org is 20 pages, each rendered in a few milliseconds. */
    static final int PAGE_ROWS = 100;

    static PeopleTable of(Request r) {
        String sort = SORTS.contains(r.param("sort")) ? r.param("sort") : "name";
        return new PeopleTable(r.param("team"), r.param("status"), r.param("q"), r.param("policy"), sort,
                r.param("dir").equals("desc"), page(r.param("page")));
    }

    private static int page(String text) {
        try {
            return Math.max(1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** One page of the filtered rows: {@code number} is the page shown (the last when asked for one past it). */
    record Page(List<Report.Row> rows, int number, int pages, int first, int last) {
    }

    Page page(List<Report.Row> filtered) {
        int pages = Math.max(1, (filtered.size() + PAGE_ROWS - 1) / PAGE_ROWS);
        int number = Math.min(page, pages);
        int from = (number - 1) * PAGE_ROWS;
        int to = Math.min(filtered.size(), from + PAGE_ROWS);
        return new Page(filtered.subList(from, to), number, pages, filtered.isEmpty() ? 0 : from + 1, to);
    }

    /** The link to another page of the same filter and sort. */
    public String pageLink(int number) {
        String q = query(sort, descending);
        return q + (q.isEmpty() ? "?" : "&") + "page=" + number;
    }

    List<Report.Row> apply(List<Report.Row> rows) {
        String q = text.toLowerCase(Locale.ROOT);
        List<Report.Row> out = new ArrayList<>();
        for (Report.Row row : rows) {
            if (!team.isEmpty() && !team.equalsIgnoreCase(row.team() == null ? "" : row.team())) {
                continue;
            }
            if (!status.isEmpty() && !status.equals(row.state().code())) {
                continue;
            }
            if (!policy.isEmpty() && !policy.equals(row.policyId())) {
                continue;
            }
            if (!q.isEmpty() && !(row.name().toLowerCase(Locale.ROOT).contains(q)
                    || row.email() != null && row.email().toLowerCase(Locale.ROOT).contains(q))) {
                continue;
            }
            out.add(row);
        }
        Comparator<Report.Row> by = switch (sort) {
            case "team" -> Comparator.comparing(r -> r.team() == null ? "" : r.team(), String.CASE_INSENSITIVE_ORDER);
            case "policy" -> Comparator.comparing(Report.Row::policyId);
            case "status" -> Comparator.comparing(r -> r.state().ordinal());
            case "due" -> Comparator.comparing(Report.Row::dueOn, Comparator.nullsLast(Comparator.naturalOrder()));
            case "score" -> Comparator.comparing(Report.Row::score, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "acknowledged" -> Comparator.comparing(Report.Row::acknowledged);
            default -> Comparator.comparing(Report.Row::name, String.CASE_INSENSITIVE_ORDER);
        };
        by = by.thenComparing(Report.Row::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Report.Row::policyId);
        out.sort(descending ? by.reversed() : by);
        return out;
    }

    /** The query string of this filter, for links (sorting, export). */
    public String query(String sortBy, boolean desc) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("team", team);
        p.put("status", status);
        p.put("q", text);
        p.put("policy", policy);
        p.put("sort", sortBy);
        p.put("dir", desc ? "desc" : "asc");
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> {
            if (!v.isEmpty()) {
                sb.append(sb.isEmpty() ? "?" : "&").append(k).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    /** The link of a column heading: sorts by it, the other way when it is the current sort. */
    public String sortLink(String column) {
        return query(column, column.equals(sort) && !descending);
    }

    public String exportLink() {
        return "people.csv" + query(sort, descending);
    }

    /** What the audit log says about an export: the filter used. */
    public String describe() {
        return "team=" + team + " status=" + status + " q=" + text + " policy=" + policy + " sort=" + sort;
    }

    /** Teams by share completed, lowest first (people without a team as "—"), at most {@code limit}. */
    static List<TeamShare> behind(List<Report.Row> rows, int limit) {
        Map<String, int[]> byTeam = new LinkedHashMap<>();
        for (Report.Row r : rows) {
            int[] c = byTeam.computeIfAbsent(r.team() == null ? "—" : r.team(), k -> new int[3]);
            c[0]++;
            if (r.state().code().equals("completed")) {
                c[1]++;
            }
            if (r.state().code().equals("overdue")) {
                c[2]++;
            }
        }
        List<TeamShare> out = new ArrayList<>();
        byTeam.forEach((t, c) -> out.add(new TeamShare(t, c[0], c[1], c[2], (int) Math.round(100.0 * c[1] / c[0]))));
        out.sort(Comparator.comparingInt(TeamShare::percent).thenComparing(Comparator.comparingInt(TeamShare::overdue)
                .reversed()).thenComparing(TeamShare::team));
        return out.subList(0, Math.min(limit, out.size()));
    }

    public record TeamShare(String team, int rows, int completed, int overdue, int percent) {
    }
}
