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

    /**
     * @param score            the score of the training that counts (passed), else the best on this version, or null
     * @param passedVersion    the version of the passed training that counts (an earlier one after an update that
     *                         needed no retraining), or null
     * @param passedOn         when that training was passed, or null
     * @param lastAttemptOn    the latest quiz finished (any version, passed or not), or null
     * @param lastAttemptScore its score in percent, or null
     * @param rolePlaysDone    role-plays of this policy finished at least once
     */
    public record Row(String personKey, String name, String email, String team, String policyId, String version,
                      TrainingState state, Integer score, boolean acknowledged, LocalDate dueOn,
                      String passedVersion, LocalDate passedOn, LocalDate lastAttemptOn, Integer lastAttemptScore,
                      int rolePlaysDone, int rolePlaysTotal) {
    }

    /** The counts for one policy version; {@code averageScore} over people with a score, or null. */
    public record PolicySummary(String policyId, String title, String version, int completed, int inProgress,
                                int updateDue, int overdue, int notStarted, Integer averageScore, int acknowledged) {
    }
}
