package io.policybot.training;

/** A training session's life: answering, done, or dropped (its content went away). */
public enum SessionStatus {
    ACTIVE, FINISHED, ABANDONED;

    /** The value stored in the database. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SessionStatus fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
