package io.policybot.answering;

import java.util.List;
import java.util.Map;

/**
 * What the index found for one question.
 *
 * @param sections     best first
 * @param coverage     for the best section: the share (0..1, weighted by rarity) of the question's words it speaks to
 * @param similarity   the best section's cosine with the question, scaled to 0..1 by the model's calibration
 *                     (NaN when no embedding model serves the language)
 * @param passageRanks for each section key "policy/section", the ordinals of its passages that matched, best first
 * @param signals      the evidence the answerer weighs to answer, hedge or decline
 */
record SearchHits(List<RankedSection> sections, double coverage, double similarity, Map<String, List<Integer>> passageRanks,
                  Signals signals) {
    static SearchHits none() {
        return new SearchHits(List.of(), 0, Double.NaN, Map.of(), Signals.NONE);
    }
}
