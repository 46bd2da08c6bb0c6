package io.policybot.training;

/** Whether a press answers the question (or step) a session is waiting for. */
enum AnswerCheck {
    /** The current question, a valid choice. */
    OK,
    /** An earlier question: the first answer stands. */
    ALREADY_ANSWERED,
    /** Not a question this session has asked yet, or no such choice. */
    NOT_CURRENT,
    /** The session has no question waiting. */
    FINISHED
}
