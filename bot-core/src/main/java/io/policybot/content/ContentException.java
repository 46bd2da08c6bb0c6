package io.policybot.content;

import io.policybot.PolicyBotException;
import java.util.List;
import java.util.stream.Collectors;

/** The content failed validation; nothing of it was loaded. Lists every problem found, each with file and line. */
public class ContentException extends PolicyBotException {
    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super("content is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
