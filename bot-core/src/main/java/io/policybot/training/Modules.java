package io.policybot.training;

/** Names of training modules, as stored with sessions and completions. */
public final class Modules {
    /** A policy's quiz: passing it completes the policy's training. */
    public static final String QUIZ = "quiz";
    /** The "what changed" quiz after a policy update: questions of the changed sections only. */
    public static final String UPDATE = "update";
    private static final String ROLEPLAY_PREFIX = "roleplay:";

    private Modules() {
    }

    public static String rolePlay(String scenarioId) {
        return ROLEPLAY_PREFIX + scenarioId;
    }

    public static boolean isQuiz(String module) {
        return QUIZ.equals(module);
    }

    public static boolean isUpdate(String module) {
        return UPDATE.equals(module);
    }

    /** A quiz of either kind (full or update): both run as quiz sessions. */
    public static boolean isAnyQuiz(String module) {
        return isQuiz(module) || isUpdate(module);
    }

    /** The scenario id of a role-play module, or null for other modules. */
    public static String scenarioId(String module) {
        return module.startsWith(ROLEPLAY_PREFIX) ? module.substring(ROLEPLAY_PREFIX.length()) : null;
    }
}
