package io.policybot.answering;

/**
 * Tuning of the question answerer (docs/answering.md says how each was measured).
 *
 * @param minConfidence      below this the bot says it does not know rather than guess
 * @param answerConfidence   from minConfidence up to this it only suggests sections ("I am not sure...")
 * @param hedgeMargin        a runner-up within this (fused score), or a meaning ranking that puts another section first,
 *                           makes an answer below {@code hedgeBelow} confidence a set of suggestions instead
 * @param hedgeBelow         see hedgeMargin
 * @param alternativeMargin  an answer whose runner-up scores within this (fused score) also offers the runner-up
 * @param topicMargin        a question this much closer (cosine) to a "not covered" topic than to any section is declined
 * @param maxQuestionChars   longer input gets a request for a shorter question
 * @param cacheSize          answers kept per content version
 */
public record AnsweringSettings(double minConfidence, double answerConfidence, double hedgeMargin, double hedgeBelow,
                                double alternativeMargin,
                                double topicMargin, int maxQuestionChars, int cacheSize) {
    public static final AnsweringSettings DEFAULTS = new AnsweringSettings(0.30, 0.40, 0.03, 0.55, 0.04, 0.04,
            1000, 10_000);

    public AnsweringSettings {
        if (minConfidence < 0 || minConfidence > 1 || answerConfidence < minConfidence || answerConfidence > 1) {
            throw new IllegalArgumentException("need 0 <= minConfidence <= answerConfidence <= 1");
        }
        if (maxQuestionChars < 10) {
            throw new IllegalArgumentException("maxQuestionChars must be at least 10");
        }
    }

    /** The defaults with another cache size (0 = no cache, for benchmarks). */
    public AnsweringSettings withCacheSize(int size) {
        return new AnsweringSettings(minConfidence, answerConfidence, hedgeMargin, hedgeBelow, alternativeMargin, topicMargin,
                maxQuestionChars, size);
    }
}
