package io.policybot.training;

/** What {@link TrainingRepository#recordAnswer} did. */
public enum AnswerOutcome {
    /** Stored and committed. */
    RECORDED,
    /** That question of that session already has an answer: nothing was written. */
    ALREADY_ANSWERED,
    /** The session is finished or abandoned: nothing was written. */
    SESSION_NOT_ACTIVE
}
