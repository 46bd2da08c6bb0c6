package io.policybot.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Completion over time of one announced policy version: for each day from the announcement to today, how many of
 * the people in scope had passed its training and how many had acknowledged it by the end of that day (people who
 * did either before the announcement count from its first day).
 *
 * @param people       the people in scope (the 100% of the chart)
 * @param passed       by day, cumulative, as long as {@code days}
 * @param acknowledged by day, cumulative, as long as {@code days}
 */
public record CompletionTimeline(String policyId, String version, LocalDate since, int people, List<LocalDate> days,
                                 List<Integer> passed, List<Integer> acknowledged) {
    public CompletionTimeline {
        days = List.copyOf(days);
        passed = List.copyOf(passed);
        acknowledged = List.copyOf(acknowledged);
    }

    /** The last day's counts (today's). */
    public int passedNow() {
        return passed.isEmpty() ? 0 : passed.getLast();
    }

    public int acknowledgedNow() {
        return acknowledged.isEmpty() ? 0 : acknowledged.getLast();
    }
}
