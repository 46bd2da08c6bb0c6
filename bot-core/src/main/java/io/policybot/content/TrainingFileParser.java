package io.policybot.content;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code quiz*.<lang>.yaml} and {@code roleplay*.<lang>.yaml}, checking them against the policy's section ids. */
final class TrainingFileParser {

    List<QuizQuestion> parseQuiz(YamlNode root, Set<String> sectionIds, String file) {
        List<QuizQuestion> questions = new ArrayList<>();
        List<YamlNode> items = root.list("questions");
        if (items.isEmpty()) {
            root.problem("no questions: add a 'questions:' list");
        }
        for (YamlNode q : items) {
            String id = q.text("id");
            String section = q.text("section");
            if (!section.isEmpty() && !sectionIds.contains(section)) {
                q.get("section").orElse(q).problem("unknown section id '" + section + "' in question '" + id + "'");
            }
            List<QuizQuestion.Option> options = new ArrayList<>();
            for (YamlNode o : q.list("options")) {
                options.add(new QuizQuestion.Option(o.text("text"), o.flag("correct")));
            }
            long correct = options.stream().filter(QuizQuestion.Option::correct).count();
            if (options.size() < 2 || options.size() > 6) {
                q.problem("question '" + id + "' needs 2 to 6 options (3 or 4 are best), it has " + options.size());
            } else if (correct == 0) {
                q.problem("question '" + id + "' has no right answer: mark one option 'correct: true'");
            } else if (correct > 1) {
                q.problem("question '" + id + "' has " + correct + " right answers: mark exactly one 'correct: true'");
            }
            questions.add(new QuizQuestion(id, section, q.text("question"), options, q.text("explanation"), q.line()));
        }
        return questions;
    }

    List<Scenario> parseScenarios(YamlNode root, Set<String> sectionIds, String file) {
        List<Scenario> scenarios = new ArrayList<>();
        List<YamlNode> items = root.list("scenarios");
        if (items.isEmpty()) {
            root.problem("no scenarios: add a 'scenarios:' list");
        }
        for (YamlNode s : items) {
            String id = s.text("id");
            List<String> sections = s.texts("sections");
            for (String section : sections) {
                if (!sectionIds.contains(section)) {
                    s.get("sections").orElse(s).problem("unknown section id '" + section + "' in scenario '" + id + "'");
                }
            }
            Map<String, Scenario.Step> steps = new LinkedHashMap<>();
            Map<String, YamlNode> stepNodes = new HashMap<>();
            for (YamlNode st : s.list("steps")) {
                String stepId = st.text("id");
                List<Scenario.Choice> choices = new ArrayList<>();
                for (YamlNode c : st.list("choices")) {
                    choices.add(new Scenario.Choice(c.text("text"), c.text("feedback"), c.optionalText("next").orElse(null),
                            c.flag("best")));
                }
                if (choices.size() < 2 || choices.size() > 4) {
                    st.problem("step '" + stepId + "' of scenario '" + id + "' needs 2 to 4 choices, it has " + choices.size());
                }
                if (choices.stream().noneMatch(Scenario.Choice::best)) {
                    st.problem("step '" + stepId + "' of scenario '" + id + "' has no best choice: mark one 'best: true'");
                }
                if (steps.putIfAbsent(stepId, new Scenario.Step(stepId, st.text("text"), choices, st.line())) != null) {
                    st.problem("duplicate step id '" + stepId + "' in scenario '" + id + "'");
                }
                stepNodes.put(stepId, st);
            }
            String start = s.text("start");
            if (steps.isEmpty()) {
                s.problem("scenario '" + id + "' has no steps");
            } else if (!steps.containsKey(start)) {
                s.get("start").orElse(s).problem("scenario '" + id + "' starts at '" + start + "', which is not one of its steps");
            } else {
                checkGraph(id, start, steps, stepNodes);
            }
            scenarios.add(new Scenario(id, s.text("title"), sections, start, steps, s.line()));
        }
        return scenarios;
    }

    /** Every next names a step, every step is reachable, and no path loops. */
    private static void checkGraph(String id, String start, Map<String, Scenario.Step> steps, Map<String, YamlNode> nodes) {
        boolean dangling = false;
        for (Scenario.Step step : steps.values()) {
            for (Scenario.Choice c : step.choices()) {
                if (c.next() != null && !steps.containsKey(c.next())) {
                    nodes.get(step.id()).problem("a choice of step '" + step.id() + "' in scenario '" + id
                            + "' goes to '" + c.next() + "', which is not a step of it (dangling branch)");
                    dangling = true;
                }
            }
        }
        if (dangling) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (reached.add(s)) {
                steps.get(s).choices().stream().map(Scenario.Choice::next).filter(n -> n != null).forEach(todo::push);
            }
        }
        for (String s : steps.keySet()) {
            if (!reached.contains(s)) {
                nodes.get(s).problem("step '" + s + "' of scenario '" + id + "' cannot be reached from its start");
            }
        }
        Set<String> done = new HashSet<>();
        for (String s : steps.keySet()) {
            if (loops(s, steps, new HashSet<>(), done)) {
                nodes.get(s).problem("scenario '" + id + "' loops back to step '" + s + "': role-plays must always end");
                return;
            }
        }
    }

    private static boolean loops(String step, Map<String, Scenario.Step> steps, Set<String> path, Set<String> done) {
        if (done.contains(step)) {
            return false;
        }
        if (!path.add(step)) {
            return true;
        }
        for (Scenario.Choice c : steps.get(step).choices()) {
            if (c.next() != null && loops(c.next(), steps, path, done)) {
                return true;
            }
        }
        path.remove(step);
        done.add(step);
        return false;
    }
}
