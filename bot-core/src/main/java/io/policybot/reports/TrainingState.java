package io.policybot.reports;

/** Where one person stands on one policy version's training, for reports (judged by {@code TrainingRules}). */
public enum TrainingState {
    /** Done: passed the current version's quiz, or the update quiz, or an earlier version that still counts. */
    COMPLETED,
    /** Not done, and the due date is past. */
    OVERDUE,
    /** A quiz in progress, or tried without passing yet; not past due. */
    IN_PROGRESS,
    /** Passed an earlier version; the short update quiz on the changed sections is due, not past due. */
    UPDATE_DUE,
    /** Nothing yet; not past due. */
    NOT_STARTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
