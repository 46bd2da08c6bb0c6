package io.policybot.training;

/**
 * How training works, from the bot's configuration.
 *
 * @param questionsPerQuiz questions drawn for one quiz (fewer when the policy has fewer)
 * @param passMark         the share of right answers needed to pass, 0 to 1
 * @param dueDays          days after someone joined or was first seen (or after a policy took effect, if later)
 *                         by which a policy version's quiz is due
 */
public record TrainingSettings(int questionsPerQuiz, double passMark, int dueDays) {
    public TrainingSettings {
        if (questionsPerQuiz < 1) {
            throw new IllegalArgumentException("questionsPerQuiz must be at least 1, not " + questionsPerQuiz);
        }
        if (!(passMark > 0 && passMark <= 1)) {
            throw new IllegalArgumentException("passMark is a share between 0 and 1 (0.8 = 80%), not " + passMark);
        }
        if (dueDays < 0) {
            throw new IllegalArgumentException("dueDays cannot be negative: " + dueDays);
        }
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(10, 0.8, 30);
    }

    /** Whether {@code correct} out of {@code total} reaches the pass mark (exactly 80% passes at 0.8). */
    public boolean passes(int correct, int total) {
        return total > 0 && correct >= Math.ceil(passMark * total - 1e-9);
    }

    public int passMarkPercent() {
        return (int) Math.round(passMark * 100);
    }
}
