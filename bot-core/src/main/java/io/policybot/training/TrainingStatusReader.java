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
import java.util.Set;

/**
 * Works out what a person has completed and what is due. A policy version's quiz is due {@code dueDays} after
 * the person joined (or was first seen), or after the version took effect when that is later: a new version
 * published years after someone joined still gives them the full period.
 *
 * <p>After an update, someone who passed an earlier version keeps it for the unchanged sections: what is due is
 * the update quiz on the changed sections (by the update's due date), and nothing when no changed section has
 * questions. Without a known history ({@link UpdateRequirements#none()}) the full quiz of the new version is due.
 */
final class TrainingStatusReader {
    private final TrainingRepository training;
    private final TrainingSettings settings;
    private final Clock clock;
    private final StateJson json;
    private final UpdateRequirements updates;

    TrainingStatusReader(TrainingRepository training, TrainingSettings settings, Clock clock, StateJson json,
                         UpdateRequirements updates) {
        this.updates = updates;
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
            List<Completion> anyQuiz = completions.stream()
                    .filter(c -> c.policyId().equals(policy.id()) && Modules.isAnyQuiz(c.module())).toList();
            List<Completion> quizzes = anyQuiz.stream().filter(c -> Modules.isQuiz(c.module())).toList();
            Completion passed = last(quizzes.stream().filter(c -> c.passed() && c.policyVersion().equals(policy.version())).toList());
            Completion earlier = last(quizzes.stream().filter(c -> c.passed() && !c.policyVersion().equals(policy.version())).toList());
            TrainingStatus.UpdateTraining update = null;
            if (passed == null) {
                Completion covered = last(anyQuiz.stream()
                        .filter(c -> c.passed() && !c.policyVersion().equals(policy.version())).toList());
                Optional<UpdateRequirements.Update> required = covered == null ? Optional.empty()
                        : updates.since(policy.id(), covered.policyVersion(), policy.version());
                if (required.isPresent()) {
                    Set<String> asked = withQuestions(policy, language, required.get().sectionIds());
                    Completion updated = last(anyQuiz.stream().filter(c -> c.passed() && Modules.isUpdate(c.module())
                            && c.policyVersion().equals(policy.version())).toList());
                    if (asked.isEmpty()) {
                        passed = covered; // nothing that changed needs training: the earlier training counts
                    } else if (updated != null) {
                        passed = updated;
                    } else {
                        update = new TrainingStatus.UpdateTraining(asked, required.get().dueOn());
                        due = required.get().dueOn();
                    }
                }
            }
            policies.add(new TrainingStatus.PolicyTraining(policy.id(), doc.title(), policy.version(), due,
                    passed == null && today.isAfter(due), passed, last(anyQuiz), earlier, update));
        }
        TrainingStatus.ActiveTraining active = training.active(person.id())
                .flatMap(s -> describe(s, library)).orElse(null);
        return new TrainingStatus(policies, active, rolePlays(completions, library, language));
    }

    /** The sections among {@code sectionIds} that have quiz questions in {@code language}. */
    static Set<String> withQuestions(Policy policy, String language, Set<String> sectionIds) {
        Set<String> out = new java.util.TreeSet<>();
        policy.quiz(language).stream().map(io.policybot.content.QuizQuestion::sectionId).filter(sectionIds::contains)
                .forEach(out::add);
        return out;
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
