package io.policybot.questions;

/** Votes on one answer. */
public record VoteTally(int up, int down) {
}
