package io.policybot.reports;

/** Where one person stands on one policy version's training, for reports. */
public enum TrainingState {
    /** Passed the current version's quiz. */
    COMPLETED,
    /** Not passed yet, and the due date is past. */
    OVERDUE,
    /** A quiz in progress, or tried without passing yet; not past due. */
    IN_PROGRESS,
    /** Nothing yet; not past due. */
    NOT_STARTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
