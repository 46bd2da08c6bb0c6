package io.policybot.questions;

import java.time.Instant;
import java.util.Objects;

/**
 * A group of unanswered questions HR marked as handled (the policy now covers it, or HR answered it elsewhere).
 *
 * @param example the group's example question when it was marked: later groups alike to it are the same group
 * @param by      who marked it (a person's key)
 */
public record HandledGap(String example, String by, Instant at) {
    public HandledGap {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
