package io.policybot.reports;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.questions.HandOff;
import io.policybot.questions.HandledGap;
import io.policybot.questions.QuestionLogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What HR does about the questions the bot could not answer: the gap groups of {@link GapGroups} with whether each
 * was marked handled (and how often it was asked again since), their weekly trend, the "Ask HR" hand-offs, and the
 * marks themselves, each audited. Callers check that the person asking is HR.
 */
public final class GapFollowUp {
    public static final String HANDLED = "questions.handled";
    private static final Duration WEEK = Duration.ofDays(7);

    private final ReportService reports;
    private final QuestionLogRepository questions;
    private final AuditLog audit;
    private final Clock clock;

    public GapFollowUp(ReportService reports, QuestionLogRepository questions, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.questions = questions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A gap group and what became of it.
     *
     * @param mark       the latest "handled" mark of a group alike to this one, or null
     * @param askedSince questions of the group asked after that mark (all of them when there is none)
     * @param weekly     questions per week of the window, oldest week first (the last is the 7 days to now)
     */
    public record Tracked(GapGroups.Group group, HandledGap mark, int askedSince, List<Integer> weekly) {
        public Tracked {
            weekly = List.copyOf(weekly);
        }

        /** Marked handled and not asked again since. */
        public boolean settled() {
            return mark != null && askedSince == 0;
        }

        /** The last week against the one before: positive when more people ask. */
        public int trend() {
            int n = weekly.size();
            return n < 2 ? 0 : Integer.compare(weekly.get(n - 1), weekly.get(n - 2));
        }
    }

    /** The gap groups of the last {@code days} days, biggest first, with their marks and trends. */
    public List<Tracked> groups(int days) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(days));
        List<GapGroups.Group> groups = GapGroups.group(reports.repository().gapQuestions(from));
        List<HandledGap> marks = questions.handledGaps();
        int weeks = Math.max(1, (days + 6) / 7);
        List<Tracked> out = new ArrayList<>();
        for (GapGroups.Group g : groups) {
            HandledGap mark = null;
            for (HandledGap m : marks) { // oldest first: the last alike one wins
                if (GapGroups.alike(m.example(), g.example())
                        || g.others().stream().anyMatch(o -> GapGroups.alike(m.example(), o))) {
                    mark = m;
                }
            }
            Instant since = mark == null ? Instant.MIN : mark.at();
            int askedSince = (int) g.askedAt().stream().filter(t -> t.isAfter(since)).count();
            Integer[] weekly = new Integer[weeks];
            java.util.Arrays.fill(weekly, 0);
            for (Instant t : g.askedAt()) {
                long back = Duration.between(t, now).toMillis() / WEEK.toMillis();
                if (back >= 0 && back < weeks) {
                    weekly[weeks - 1 - (int) back]++;
                }
            }
            out.add(new Tracked(g, mark, askedSince, List.of(weekly)));
        }
        return out;
    }

    /** Marks the group of this example question handled, audited; false when it already was. */
    public boolean markHandled(String actorKey, String example) {
        boolean marked = questions.markGapHandled(example, actorKey, clock.instant());
        audit.record(new AuditEntry(clock.instant(), actorKey, HANDLED, "question group",
                (marked ? "marked handled: " : "already marked handled: ") + example));
        return marked;
    }

    /** The questions passed to HR in the last {@code days} days, newest first. */
    public List<HandOff> handOffs(int days) {
        return questions.handOffs(clock.instant().minus(Duration.ofDays(days)));
    }

    /** Marks a hand-off handled, audited; false when it already was or was never passed to HR. */
    public boolean markHandOffHandled(String actorKey, String logId) {
        boolean marked = questions.markHandOffHandled(logId, actorKey, clock.instant());
        audit.record(new AuditEntry(clock.instant(), actorKey, HANDLED, "hand-off " + logId,
                marked ? "marked handled" : "not marked: already handled or not passed to HR"));
        return marked;
    }

    /** A section's title as {@code gaps} shows it ({@code policy/section}). */
    public String sectionTitle(String section, String language) {
        return reports.sectionTitle(section, language);
    }
}
