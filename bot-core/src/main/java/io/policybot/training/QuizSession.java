package io.policybot.training;

import io.policybot.content.QuizQuestion;
import java.time.Instant;
import java.util.List;

/**
 * A quiz in progress: its plan and the answers recorded so far. Pure logic: it decides, the service stores.
 * Answers are recorded in order, so the question waiting is the number of answers.
 */
final class QuizSession {
    private final String id;
    private final QuizPlan plan;
    private final List<RecordedAnswer> answers;

    QuizSession(String id, QuizPlan plan, List<RecordedAnswer> answers) {
        this.id = id;
        this.plan = plan;
        this.answers = List.copyOf(answers);
    }

    QuizPlan plan() {
        return plan;
    }

    List<RecordedAnswer> answers() {
        return answers;
    }

    /** The index of the question waiting for an answer (equal to {@link #total()} when all are answered). */
    int current() {
        return answers.size();
    }

    int total() {
        return plan.size();
    }

    boolean finished() {
        return current() >= total();
    }

    int correct() {
        return (int) answers.stream().filter(RecordedAnswer::correct).count();
    }

    AnswerCheck check(int index, int shownChoice) {
        if (index < current()) {
            return AnswerCheck.ALREADY_ANSWERED;
        }
        if (finished()) {
            return AnswerCheck.FINISHED;
        }
        if (index > current() || shownChoice >= plan.get(index).options().size()) {
            return AnswerCheck.NOT_CURRENT;
        }
        return AnswerCheck.OK;
    }

    /** The answer to record for the option shown at {@code shownChoice}; call only after {@link #check} says OK. */
    RecordedAnswer answer(int index, int shownChoice, QuizQuestion question, Instant at) {
        int option = plan.get(index).options().get(shownChoice);
        return new RecordedAnswer(id, index, question.id(), option, option == question.correctIndex(), at);
    }
}
