package io.policybot.chat;

/** The action ids of the buttons the engine sends; adapters pass them back untouched. */
public final class Actions {
    public static final String SHOW_SECTION = "section.show";
    public static final String FEEDBACK_UP = "feedback.up";
    public static final String FEEDBACK_DOWN = "feedback.down";
    public static final String ASK_HR = "ask.hr";
    public static final String QUIZ_START = "quiz.start";
    public static final String QUIZ_ANSWER = "quiz.answer";
    public static final String ROLEPLAY_START = "roleplay.start";
    public static final String ROLEPLAY_CHOOSE = "roleplay.choose";
    /** Stops the quiz or role-play in progress (its value names the module, never empty). */
    public static final String TRAINING_STOP = "training.stop";
    public static final String ACKNOWLEDGE = "announce.ack";
    public static final String ANNOUNCE_CONFIRM = "announce.confirm";
    public static final String ANNOUNCE_CANCEL = "announce.cancel";
    public static final String UPDATE_QUIZ_START = "update.quiz.start";

    /** All action ids start with one of these; adapters route presses by it. */
    public static boolean isEngineAction(String actionId) {
        return actionId != null && actionId.matches("[a-z]+(\\.[a-z]+)+");
    }

    private Actions() {
    }
}
