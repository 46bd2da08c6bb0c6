package io.policybot.training;

import java.time.Instant;

/**
 * A finished quiz or role-play, passed or not.
 *
 * @param correct right answers (quiz) or best choices (role-play)
 * @param total   questions asked or steps taken
 */
public record Completion(String id, String personId, String sessionId, String module, String policyId,
                         String policyVersion, int correct, int total, boolean passed, Instant completedAt) {

    public double score() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public int percent() {
        return (int) Math.round(score() * 100);
    }
}
