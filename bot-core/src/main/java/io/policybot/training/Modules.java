package io.policybot.training;

/** Names of training modules, as stored with sessions and completions. */
public final class Modules {
    /** A policy's quiz: passing it completes the policy's training. */
    public static final String QUIZ = "quiz";
    private static final String ROLEPLAY_PREFIX = "roleplay:";

    private Modules() {
    }

    public static String rolePlay(String scenarioId) {
        return ROLEPLAY_PREFIX + scenarioId;
    }

    public static boolean isQuiz(String module) {
        return QUIZ.equals(module);
    }

    /** The scenario id of a role-play module, or null for other modules. */
    public static String scenarioId(String module) {
        return module.startsWith(ROLEPLAY_PREFIX) ? module.substring(ROLEPLAY_PREFIX.length()) : null;
    }
}
