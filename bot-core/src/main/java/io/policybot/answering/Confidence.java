package io.policybot.answering;

/**
 * How sure the bot is that the best section answers the question, from 0 to 1. Two signals: the meaning
 * (the cosine of the question with the section, where a model serves the language) and the words (the share of
 * the question's rarer words the section contains). Either alone is fooled: a question about the guest wifi
 * password shares a word with account security; a long, specific question shares few words with its answer.
 */
final class Confidence {
    /** Meaning weighs more than words: paraphrases share meaning, not words. */
    static final double MEANING_WEIGHT = 0.6;

    static double of(SearchHits hits) {
        if (Double.isNaN(hits.similarity())) {
            return hits.coverage();
        }
        return MEANING_WEIGHT * hits.similarity() + (1 - MEANING_WEIGHT) * hits.coverage();
    }

    private Confidence() {
    }
}
