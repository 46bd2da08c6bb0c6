package io.policybot.training;

import java.time.LocalDate;
import java.util.List;

/**
 * What one person has done and what is due: the data behind {@code status} and the home view, and for reminders.
 *
 * @param policies  each policy that has a quiz
 * @param active    the session in progress, or null
 * @param rolePlays every role-play scenario, passed or not
 */
public record TrainingStatus(List<PolicyTraining> policies, ActiveTraining active, List<RolePlayProgress> rolePlays) {
    public TrainingStatus {
        policies = List.copyOf(policies);
        rolePlays = List.copyOf(rolePlays);
    }

    /**
     * @param dueOn       the day the current version's training (its quiz, or reading it) is due
     * @param passed      the latest passed quiz of the current version, or null: then it is due
     * @param lastAttempt the latest quiz of any version, passed or not, or null
     * @param earlier     the latest passed quiz of an earlier version, or null
     * @param update      when the person passed (or read) an earlier version and this one changed: the update due
     *                    (then {@code dueOn} is its due date, and {@code passed} the passed update quiz); else null
     * @param best        the best quiz (full or update) finished on the current version, passed first, or null
     * @param acknowledgementOnly the policy has no quiz: reading it and saying so ({@code read}) is its training
     * @param read        the acknowledgement that counts: of the current version, or of an earlier one when the
     *                    update changed no section; null when none (for a policy with a quiz: of the current version)
     */
    public record PolicyTraining(String policyId, String title, String version, LocalDate dueOn, boolean overdue,
                                 Completion passed, Completion lastAttempt, Completion earlier, UpdateTraining update,
                                 Completion best, boolean acknowledgementOnly, Acknowledged read) {
        public PolicyTraining(String policyId, String title, String version, LocalDate dueOn, boolean overdue,
                              Completion passed, Completion lastAttempt, Completion earlier) {
            this(policyId, title, version, dueOn, overdue, passed, lastAttempt, earlier, null, null, false, null);
        }

        /** Done: the quiz passed, or for an acknowledgement-only policy, read and confirmed. */
        public boolean done() {
            return acknowledgementOnly ? read != null : passed != null;
        }
    }

    /** @param sectionIds the changed sections the update quiz asks about */
    public record UpdateTraining(java.util.Set<String> sectionIds, LocalDate dueOn) {
        public UpdateTraining {
            sectionIds = java.util.Set.copyOf(sectionIds);
        }
    }

    /**
     * @param answered questions or steps answered
     * @param total    questions in the quiz, or the longest path of a role-play
     * @param title    the policy title (quiz) or scenario title (role-play)
     */
    public record ActiveTraining(String sessionId, String module, String policyId, String title, int answered,
                                 int total) {
        public boolean quiz() {
            return Modules.isAnyQuiz(module);
        }
    }

    /**
     * A role-play scenario and the person's best finished run. A role-play is practice: it is done once played to
     * the end, whatever the score ({@link TrainingRules}).
     *
     * @param best the finished run with the most best choices, or null when never finished
     */
    public record RolePlayProgress(String policyId, String scenarioId, String title, Completion best) {
        public boolean done() {
            return best != null;
        }

        /** Finished with the best choice at every step. */
        public boolean allBest() {
            return best != null && best.correct() == best.total();
        }
    }
}
