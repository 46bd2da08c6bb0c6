package io.policybot.training;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Scenario;
import io.policybot.people.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Works out what a person has completed and what is due. A policy version's quiz is due {@code dueDays} after
 * the person joined (or was first seen), or after the version took effect when that is later: a new version
 * published years after someone joined still gives them the full period.
 */
final class TrainingStatusReader {
    private final TrainingRepository training;
    private final TrainingSettings settings;
    private final Clock clock;
    private final StateJson json;

    TrainingStatusReader(TrainingRepository training, TrainingSettings settings, Clock clock, StateJson json) {
        this.training = training;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    TrainingStatus read(Person person, ContentLibrary library, String language) {
        List<Completion> completions = training.completions(person.id());
        LocalDate today = LocalDate.now(clock);
        List<TrainingStatus.PolicyTraining> policies = new ArrayList<>();
        for (Policy policy : library.all()) {
            if (policy.quiz(language).isEmpty()) {
                continue;
            }
            PolicyDocument doc = policy.document(language);
            LocalDate start = person.startDate(clock.getZone());
            if (doc.effective() != null && doc.effective().isAfter(start)) {
                start = doc.effective();
            }
            LocalDate due = start.plusDays(settings.dueDays());
            List<Completion> quizzes = completions.stream()
                    .filter(c -> c.policyId().equals(policy.id()) && Modules.isQuiz(c.module())).toList();
            Completion passed = last(quizzes.stream().filter(c -> c.passed() && c.policyVersion().equals(policy.version())).toList());
            Completion earlier = last(quizzes.stream().filter(c -> c.passed() && !c.policyVersion().equals(policy.version())).toList());
            policies.add(new TrainingStatus.PolicyTraining(policy.id(), doc.title(), policy.version(), due,
                    passed == null && today.isAfter(due), passed, last(quizzes), earlier));
        }
        TrainingStatus.ActiveTraining active = training.active(person.id())
                .flatMap(s -> describe(s, library)).orElse(null);
        return new TrainingStatus(policies, active, rolePlays(completions, library, language));
    }

    List<TrainingStatus.RolePlayProgress> rolePlays(Person person, ContentLibrary library, String language) {
        return rolePlays(training.completions(person.id()), library, language);
    }

    private static List<TrainingStatus.RolePlayProgress> rolePlays(List<Completion> completions, ContentLibrary library,
                                                                   String language) {
        List<TrainingStatus.RolePlayProgress> out = new ArrayList<>();
        for (Policy policy : library.all()) {
            for (Scenario sc : policy.scenarios(language)) {
                boolean passed = completions.stream().anyMatch(c -> c.passed() && c.policyId().equals(policy.id())
                        && c.module().equals(Modules.rolePlay(sc.id())));
                out.add(new TrainingStatus.RolePlayProgress(policy.id(), sc.id(), sc.title(), passed));
            }
        }
        return out;
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
