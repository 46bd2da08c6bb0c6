package io.policybot.answering;

/**
 * The evidence behind a ranking, beyond the scores: what the answerer weighs to answer, hedge or decline.
 *
 * @param topCosine       the best section's raw cosine with the question (NaN without a model)
 * @param secondCosine    the runner-up's raw cosine (NaN without a model or a runner-up)
 * @param secondScore     the runner-up's fused score (NaN without one)
 * @param lexicalAgrees   the words alone (BM25) rank the same section first
 * @param semanticAgrees  the meaning alone (cosine) ranks the same section first (true without a model)
 * @param lexicalTop      the best BM25 score (0 when no word matched)
 * @param topic           the nearest "not covered" topic from the settings, or null
 * @param topicCosine     its raw cosine with the question (NaN without a model or topics)
 * @param topicCoverage   the best share of the question's words any "not covered" topic has
 * @param words           how many content words the question has
 * @param topProbability  the ranker's probability that the best section is the right one (NaN without a model)
 */
record Signals(double topCosine, double secondCosine, double secondScore, boolean lexicalAgrees, boolean semanticAgrees,
               double lexicalTop, String topic, double topicCosine, double topicCoverage, int words,
               double topProbability) {
    static final Signals NONE = new Signals(Double.NaN, Double.NaN, Double.NaN, false, false, 0, null, Double.NaN, 0, 0,
            Double.NaN);
}
