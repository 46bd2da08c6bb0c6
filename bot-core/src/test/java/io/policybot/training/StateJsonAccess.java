package io.policybot.training;

/** Reads a stored session's plan in tests (the JSON codec is package-private). */
final class StateJsonAccess {
    private final StateJson json = new StateJson();

    QuizPlan plan(TrainingSession session) {
        return json.read(session.state(), QuizPlan.class);
    }
}
