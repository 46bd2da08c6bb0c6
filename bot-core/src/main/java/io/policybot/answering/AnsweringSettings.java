package io.policybot.answering;

/**
 * Tuning of the question answerer.
 *
 * @param minConfidence below this the bot says it does not know rather than guess
 * @param maxQuestionChars longer input gets a request for a shorter question
 * @param cacheSize     answers kept per content version
 */
public record AnsweringSettings(double minConfidence, int maxQuestionChars, int cacheSize) {
    public static final AnsweringSettings DEFAULTS = new AnsweringSettings(0.30, 1000, 10_000);

    public AnsweringSettings {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("minConfidence must be within 0..1");
        }
        if (maxQuestionChars < 10) {
            throw new IllegalArgumentException("maxQuestionChars must be at least 10");
        }
    }
}
