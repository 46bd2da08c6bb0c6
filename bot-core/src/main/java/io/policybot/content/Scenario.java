package io.policybot.content;

import java.util.List;
import java.util.Map;

/** A branching role-play in one language: steps with choices; a choice without {@code next} ends it. */
public record Scenario(String id, String title, List<String> sectionIds, String start, Map<String, Step> steps,
                       int line) {
    public Scenario {
        sectionIds = List.copyOf(sectionIds);
        steps = Map.copyOf(steps);
    }

    public Step step(String stepId) {
        Step step = steps.get(stepId);
        if (step == null) {
            throw new IllegalArgumentException("no step " + stepId + " in scenario " + id);
        }
        return step;
    }

    /** The longest number of steps from the start to an end (validated: no cycles). */
    public int depth() {
        return depth(start);
    }

    private int depth(String stepId) {
        int deepest = 0;
        for (Choice choice : step(stepId).choices()) {
            if (choice.next() != null) {
                deepest = Math.max(deepest, depth(choice.next()));
            }
        }
        return deepest + 1;
    }

    public record Step(String id, String text, List<Choice> choices, int line) {
        public Step {
            choices = List.copyOf(choices);
        }
    }

    /** @param next the following step id, or null when this choice ends the scenario */
    public record Choice(String text, String feedback, String next, boolean best) {
    }
}
