package io.policybot.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * A training report: one row per person and policy (its current version).
 *
 * @param scopeLabel who it covers, for the title
 * @param people     how many people are in scope
 */
public record Report(String scopeLabel, int people, List<Row> rows, List<PolicySummary> policies) {
    public Report {
        rows = List.copyOf(rows);
        policies = List.copyOf(policies);
    }

    /** @param score the best score on this version, or null without an attempt */
    public record Row(String personKey, String name, String email, String team, String policyId, String version,
                      TrainingState state, Integer score, boolean acknowledged, LocalDate dueOn) {
    }

    /** The counts for one policy version; {@code averageScore} over people with an attempt, or null. */
    public record PolicySummary(String policyId, String title, String version, int completed, int inProgress,
                                int overdue, int notStarted, Integer averageScore, int acknowledged) {
    }
}
