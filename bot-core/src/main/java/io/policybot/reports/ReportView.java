package io.policybot.reports;

import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.text.Messages;
import io.policybot.text.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How reports and gaps read in chat (the use cases are in {@link ReportCommands} and {@link ReportService}). */
final class ReportView {
    private static final int TABLE_ROWS = 15;

    private ReportView() {
    }

    /** The report as one private reply: summary per policy, the first rows, and the file's name when attached. */
    static Reply report(Report report, String label, String fileName, boolean attach, Messages m) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("report.title", label)));
        if (report.people() == 0) {
            blocks.add(new Block.Text(m.get("report.empty")));
            return new Reply(Reply.PRIVATE, blocks, m.get("report.title", label));
        }
        blocks.add(new Block.Context(m.get("report.people", report.people())));
        for (Report.PolicySummary s : report.policies()) {
            blocks.add(new Block.Text(m.get("report.policy", s.title(), s.version(), s.completed(), s.inProgress(),
                    s.overdue(), s.notStarted(), s.averageScore() == null ? m.get("report.noScore") : s.averageScore() + "%",
                    s.acknowledged(), s.updateDue())));
        }
        List<String> table = new ArrayList<>();
        for (Report.Row row : report.rows().subList(0, Math.min(TABLE_ROWS, report.rows().size()))) {
            // Names and teams are what people typed or a roster said: inert in the Markdown (D1 of the Discord report).
            table.add(m.get("report.row", UserText.inline(row.name()),
                    row.team() == null ? m.get("report.noTeam") : UserText.inline(row.team()),
                    row.policyId() + " " + row.version(), m.get("state." + row.state().name().toLowerCase(Locale.ROOT)),
                    row.score() == null ? m.get("report.noScore") : row.score() + "%",
                    m.get(row.acknowledged() ? "report.yes" : "report.no")));
        }
        blocks.add(new Block.Bullets(m.get("report.table"), table));
        if (report.rows().size() > TABLE_ROWS) {
            blocks.add(new Block.Context(m.get("report.more", report.rows().size() - TABLE_ROWS)));
        }
        if (attach) {
            blocks.add(new Block.Context(m.get("report.file", fileName)));
        }
        return new Reply(Reply.PRIVATE, blocks, m.get("report.title", label));
    }

    static Reply gaps(List<GapGroups.Group> groups, int days, Messages m,
                           java.util.function.UnaryOperator<String> sectionTitle) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("gaps.title", days)));
        if (groups.isEmpty()) {
            blocks.add(new Block.Text(m.get("gaps.none", days)));
            return new Reply(Reply.PRIVATE, blocks, m.get("gaps.title", days));
        }
        int total = groups.stream().mapToInt(GapGroups.Group::count).sum();
        blocks.add(new Block.Text(m.get("gaps.summary", total, groups.size())));
        List<String> items = new ArrayList<>();
        for (GapGroups.Group g : groups.subList(0, Math.min(20, groups.size()))) {
            // The questions are what people typed: one line each, no Markdown of their own (D1).
            String item = m.get("gaps.group", g.count(), UserText.inline(g.example()), g.declined(), g.downVoted(),
                    g.section() == null ? "" : m.get("gaps.section", sectionTitle.apply(g.section())));
            if (!g.others().isEmpty()) {
                item += "\n  " + m.get("gaps.others",
                        String.join(" | ", g.others().stream().map(UserText::inline).toList()));
            }
            items.add(item);
        }
        blocks.add(new Block.Bullets("", items));
        blocks.add(new Block.Context(m.get("gaps.how")));
        return new Reply(Reply.PRIVATE, blocks, m.get("gaps.title", days));
    }

}
