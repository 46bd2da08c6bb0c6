package io.policybot.questions;

/** What {@link QuestionLogRepository#vote} did. */
public enum VoteResult {
    /** The person's first vote on that answer. */
    RECORDED,
    /** The person had voted the other way; the vote is now this one. */
    CHANGED,
    /** The same vote again (a double click, a replayed event): nothing changed. */
    UNCHANGED,
    /** No such log id (an old or forged button): nothing stored. */
    UNKNOWN_QUESTION
}
