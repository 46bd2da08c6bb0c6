package io.policybot.training;

import io.policybot.content.Scenario;
import java.time.Instant;
import java.util.List;

/** A role-play in progress: the scenario, the step waiting, the choices made. Pure logic, like {@link QuizSession}. */
final class RolePlaySession {
    private final String id;
    private final Scenario scenario;
    private final RolePlayState state;
    private final List<RecordedAnswer> answers;

    RolePlaySession(String id, Scenario scenario, RolePlayState state, List<RecordedAnswer> answers) {
        this.id = id;
        this.scenario = scenario;
        this.state = state;
        this.answers = List.copyOf(answers);
    }

    static RolePlayState begin(Scenario scenario) {
        return new RolePlayState(scenario.id(), scenario.start());
    }

    Scenario scenario() {
        return scenario;
    }

    int current() {
        return answers.size();
    }

    boolean finished() {
        return state.step() == null;
    }

    Scenario.Step step() {
        return scenario.step(state.step());
    }

    /** Best choices made so far. */
    int best() {
        return (int) answers.stream().filter(RecordedAnswer::correct).count();
    }

    AnswerCheck check(int index, int choice) {
        if (index < current()) {
            return AnswerCheck.ALREADY_ANSWERED;
        }
        if (finished()) {
            return AnswerCheck.FINISHED;
        }
        if (index > current() || choice >= step().choices().size()) {
            return AnswerCheck.NOT_CURRENT;
        }
        return AnswerCheck.OK;
    }

    /** Call only after {@link #check} says OK. */
    Move choose(int index, int choice, Instant at) {
        Scenario.Step step = step();
        Scenario.Choice chosen = step.choices().get(choice);
        RecordedAnswer answer = new RecordedAnswer(id, index, step.id(), choice, chosen.best(), at);
        return new Move(answer, new RolePlayState(scenario.id(), chosen.next()), step, chosen);
    }

    /** A choice made: what to record, the state after it ({@code next.step()} null when the scenario ends). */
    record Move(RecordedAnswer answer, RolePlayState next, Scenario.Step step, Scenario.Choice chosen) {
        boolean ends() {
            return next.step() == null;
        }
    }
}
