package io.policybot.answering;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.QuizQuestion;
import io.policybot.content.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts the content itself ties to one section besides the section's own passages: each quiz question with its right
 * option, each quiz explanation, each role-play step. They are written as situations ("Mia is a contractor... does
 * the policy apply?"), much like the questions employees ask, so a policy with training material gets better
 * retrieval for free.
 */
record LabelledTexts() {

    /**
     * One labelled text.
     *
     * @param key   "policy/section"
     * @param group texts of one quiz question or one role-play share a group (left out together when the ranker is
     *              fitted, so a question is never ranked by its own explanation)
     */
    record Text(String key, String text, int group) {
    }

    static List<Text> of(ContentLibrary library, String language) {
        List<Text> out = new ArrayList<>();
        int group = 0;
        for (Policy policy : library.all()) {
            for (QuizQuestion q : policy.quizzes().getOrDefault(language, List.of())) {
                String key = policy.id() + "/" + q.sectionId();
                String right = q.options().stream().filter(QuizQuestion.Option::correct).map(QuizQuestion.Option::text)
                        .findFirst().orElse("");
                group++;
                out.add(new Text(key, q.question() + " " + right, group));
                if (!q.explanation().isBlank()) {
                    out.add(new Text(key, q.explanation(), group));
                }
            }
            for (Scenario s : policy.scenarios().getOrDefault(language, List.of())) {
                // A role-play about several sections says little about any one of them: only single-section ones.
                if (s.sectionIds().size() != 1) {
                    continue;
                }
                String key = policy.id() + "/" + s.sectionIds().getFirst();
                group++;
                for (Scenario.Step step : s.steps().values()) {
                    out.add(new Text(key, step.text(), group));
                }
            }
        }
        return out;
    }
}
