package io.policybot.training;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.QuizQuestion;
import io.policybot.content.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a stored session's questions or scenario in the content loaded now. Content can be edited and reloaded
 * while a session runs; a session whose questions or steps are gone cannot continue (the service abandons it).
 */
final class SessionContent {
    private SessionContent() {
    }

    /** A quiz session with its questions in plan order. */
    record Quiz(Policy policy, PolicyDocument document, QuizSession session, List<QuizQuestion> questions) {
        QuizQuestion question(int index) {
            return questions.get(index);
        }
    }

    record RolePlay(Policy policy, PolicyDocument document, RolePlaySession session) {
    }

    static Optional<Quiz> quiz(ContentLibrary library, TrainingSession s, QuizPlan plan, List<RecordedAnswer> answers) {
        Optional<Policy> policy = library.policy(s.policyId());
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        Map<String, QuizQuestion> byId = new LinkedHashMap<>();
        policy.get().quiz(s.language()).forEach(q -> byId.put(q.id(), q));
        List<QuizQuestion> questions = new java.util.ArrayList<>();
        for (QuizPlan.Planned planned : plan.questions()) {
            QuizQuestion q = byId.get(planned.id());
            if (q == null || q.options().size() != planned.options().size()) {
                return Optional.empty();
            }
            questions.add(q);
        }
        if (questions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Quiz(policy.get(), policy.get().document(s.language()),
                new QuizSession(s.id(), plan, answers), List.copyOf(questions)));
    }

    static Optional<RolePlay> rolePlay(ContentLibrary library, TrainingSession s, RolePlayState state,
                                       List<RecordedAnswer> answers) {
        return library.policy(s.policyId()).flatMap(policy -> scenario(policy, s.language(), state.scenario())
                .filter(sc -> state.step() == null || sc.steps().containsKey(state.step()))
                .map(sc -> new RolePlay(policy, policy.document(s.language()),
                        new RolePlaySession(s.id(), sc, state, answers))));
    }

    static Optional<Scenario> scenario(Policy policy, String language, String scenarioId) {
        return policy.scenarios(language).stream().filter(sc -> sc.id().equals(scenarioId)).findFirst();
    }

    /** The policy to quiz on: the one named (if it has a quiz), else the first policy that has one. */
    static Optional<Policy> quizPolicy(ContentLibrary library, String policyId, String language) {
        if (policyId != null) {
            return library.policy(policyId).filter(p -> !p.quiz(language).isEmpty());
        }
        return library.all().stream().filter(p -> !p.quiz(language).isEmpty()).findFirst();
    }

    /** The first policy with a scenario of this id. */
    static Optional<Policy> scenarioPolicy(ContentLibrary library, String scenarioId, String language) {
        return library.all().stream().filter(p -> scenario(p, language, scenarioId).isPresent()).findFirst();
    }

    static boolean hasRolePlays(ContentLibrary library, String language) {
        return library.all().stream().anyMatch(p -> !p.scenarios(language).isEmpty());
    }
}
