package io.policybot.training;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.people.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one person's training status: their completions and active session from storage, judged by
 * {@link TrainingRules} (the same rule reports use).
 */
final class TrainingStatusReader {
    private final TrainingRepository training;
    private final TrainingRules rules;
    private final Clock clock;
    private final StateJson json;

    TrainingStatusReader(TrainingRepository training, TrainingSettings settings, Clock clock, StateJson json,
                         UpdateRequirements updates) {
        this.training = training;
        this.rules = new TrainingRules(settings, updates);
        this.clock = clock;
        this.json = json;
    }

    TrainingRules rules() {
        return rules;
    }

    TrainingStatus read(Person person, ContentLibrary library, String language) {
        List<Completion> completions = training.completions(person.id());
        List<Acknowledged> acknowledgements = training.acknowledgements(person.id());
        LocalDate today = LocalDate.now(clock);
        List<TrainingStatus.PolicyTraining> policies = new ArrayList<>();
        for (Policy policy : library.all()) {
            if (!policy.acknowledgementOnly() && policy.quiz(language).isEmpty()) {
                continue; // a quiz in other languages only: nothing this person can take
            }
            policies.add(rules.policy(person, policy, language, completions, acknowledgements, today, clock.getZone()));
        }
        TrainingStatus.ActiveTraining active = training.active(person.id())
                .flatMap(s -> describe(s, library)).orElse(null);
        return new TrainingStatus(policies, active, rules.rolePlays(completions, library, language));
    }

    List<TrainingStatus.RolePlayProgress> rolePlays(Person person, ContentLibrary library, String language) {
        return rules.rolePlays(training.completions(person.id()), library, language);
    }

    private Optional<TrainingStatus.ActiveTraining> describe(TrainingSession s, ContentLibrary library) {
        List<RecordedAnswer> answers = training.answers(s.id());
        if (s.isQuiz()) {
            return SessionContent.quiz(library, s, json.read(s.state(), QuizPlan.class), answers)
                    .map(q -> new TrainingStatus.ActiveTraining(s.id(), s.module(), s.policyId(), q.document().title(),
                            answers.size(), q.session().total()));
        }
        return SessionContent.rolePlay(library, s, json.read(s.state(), RolePlayState.class), answers)
                .map(rp -> new TrainingStatus.ActiveTraining(s.id(), s.module(), s.policyId(),
                        rp.session().scenario().title(), answers.size(), rp.session().scenario().depth()));
    }

    private static Completion last(List<Completion> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
