package io.policybot.questions;

import java.time.Instant;
import java.util.Objects;

/**
 * A question passed to HR with "Ask HR", and where it stands: open until someone in HR marks it handled.
 *
 * @param handledBy who marked it handled (a person's key), or null while it is open
 * @param handledAt when, or null while it is open
 */
public record HandOff(LoggedQuestion question, Instant escalatedAt, String handledBy, Instant handledAt) {
    public HandOff {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(escalatedAt, "escalatedAt");
    }

    public boolean open() {
        return handledAt == null;
    }
}
