package io.policybot.people;

import io.policybot.PolicyBotException;
import java.util.List;
import java.util.stream.Collectors;

/** A roster file was rejected; nothing was imported. Every problem names its row. */
public final class RosterException extends PolicyBotException {
    private final List<Problem> problems;

    public RosterException(List<Problem> problems) {
        super("the roster was not imported (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** @param row the row number in the file (the header is row 1) */
    public record Problem(int row, String message) {
        @Override
        public String toString() {
            return "row " + row + ": " + message;
        }
    }
}
