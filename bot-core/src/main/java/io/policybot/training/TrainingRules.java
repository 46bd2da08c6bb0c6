package io.policybot.training;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.QuizQuestion;
import io.policybot.content.Scenario;
import io.policybot.people.Person;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one rule for training: what is required of whom for which version, what counts as done, and by when. Status,
 * the home view, reminders, reports and the CSV all ask this class, so they cannot disagree. Pure: it reads no
 * storage itself, the caller hands it the person's completions (reports load them for a whole scope in one query).
 *
 * <ul>
 *   <li><b>Required:</b> the quiz of the policy version in force, for everyone in the people table; for a policy
 *       without a quiz ({@link Policy#acknowledgementOnly()}), reading that version and saying so ("I have read
 *       it").</li>
 *   <li><b>Done:</b> a passed full quiz of that version; or, for someone who passed an earlier version, a passed
 *       update quiz of that version, or nothing at all when no changed section has quiz questions (the earlier
 *       training still counts). Without a quiz: an acknowledgement of that version; or, for someone who read an
 *       earlier version, nothing when no section changed since.</li>
 *   <li><b>Due:</b> the full quiz (or first reading) {@code dueDays} after the person joined (or was first seen),
 *       or after the version took effect when that is later; an update quiz (or reading a changed version again)
 *       by the update's due date (the announcement's).</li>
 *   <li><b>Role-plays</b> are practice, not a requirement: one is done once played to the end, whatever the score;
 *       the best run is kept so status can show how many best choices it had.</li>
 * </ul>
 */
public final class TrainingRules {
    private final TrainingSettings settings;
    private final UpdateRequirements updates;

    public TrainingRules(TrainingSettings settings, UpdateRequirements updates) {
        this.settings = settings;
        this.updates = updates;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public UpdateRequirements updates() {
        return updates;
    }

    /** The day the full quiz of the policy's current version is due for this person. */
    public LocalDate fullQuizDue(Person person, PolicyDocument doc, ZoneId zone) {
        LocalDate start = person.startDate(zone);
        if (doc.effective() != null && doc.effective().isAfter(start)) {
            start = doc.effective();
        }
        return start.plusDays(settings.dueDays());
    }

    /**
     * Where one person stands on one policy.
     *
     * @param completions the person's completions, oldest first (other policies' are ignored)
     * @param acknowledgements the person's acknowledgements, oldest first (other policies' are ignored)
     * @param language    the language whose quiz counts for "which changed sections have questions"; when the
     *                    policy has no quiz in it, the first language that has one
     */
    public TrainingStatus.PolicyTraining policy(Person person, Policy policy, String language,
                                                List<Completion> completions, List<Acknowledged> acknowledgements,
                                                LocalDate today, ZoneId zone) {
        List<Acknowledged> read = acknowledgements.stream().filter(a -> a.policyId().equals(policy.id())).toList();
        if (policy.acknowledgementOnly()) {
            return acknowledgementOnly(person, policy, language, read, today, zone);
        }
        String quizLanguage = quizLanguage(policy, language);
        PolicyDocument doc = policy.document(language);
        LocalDate due = fullQuizDue(person, doc, zone);
        List<Completion> anyQuiz = completions.stream()
                .filter(c -> c.policyId().equals(policy.id()) && Modules.isAnyQuiz(c.module())).toList();
        String current = policy.version();
        Completion passed = last(anyQuiz.stream()
                .filter(c -> c.passed() && Modules.isQuiz(c.module()) && c.policyVersion().equals(current)).toList());
        Completion earlier = last(anyQuiz.stream()
                .filter(c -> c.passed() && Modules.isQuiz(c.module()) && !c.policyVersion().equals(current)).toList());
        TrainingStatus.UpdateTraining update = null;
        if (passed == null) {
            // The latest passed training of an earlier version (full or update) is what the person is covered by.
            Completion covered = last(anyQuiz.stream()
                    .filter(c -> c.passed() && !c.policyVersion().equals(current)).toList());
            Optional<UpdateRequirements.Update> required = covered == null ? Optional.empty()
                    : updates.since(policy.id(), covered.policyVersion(), current);
            if (required.isPresent()) {
                Set<String> asked = withQuestions(policy, quizLanguage, required.get().sectionIds());
                Completion updated = last(anyQuiz.stream().filter(c -> c.passed() && Modules.isUpdate(c.module())
                        && c.policyVersion().equals(current)).toList());
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
        Completion best = anyQuiz.stream().filter(c -> c.policyVersion().equals(current))
                .max(Comparator.comparing(Completion::passed).thenComparingDouble(Completion::score)).orElse(null);
        Acknowledged readNow = last(read.stream().filter(a -> a.policyVersion().equals(current)).toList());
        return new TrainingStatus.PolicyTraining(policy.id(), doc.title(), current, due,
                passed == null && today.isAfter(due), passed, last(anyQuiz), earlier, update, best, false, readNow);
    }

    /** A policy without a quiz: its training is an acknowledgement of the version in force. */
    private TrainingStatus.PolicyTraining acknowledgementOnly(Person person, Policy policy, String language,
                                                              List<Acknowledged> read, LocalDate today, ZoneId zone) {
        PolicyDocument doc = policy.document(language);
        String current = policy.version();
        LocalDate due = fullQuizDue(person, doc, zone);
        Acknowledged counts = last(read.stream().filter(a -> a.policyVersion().equals(current)).toList());
        TrainingStatus.UpdateTraining update = null;
        if (counts == null) {
            Acknowledged covered = last(read);
            Optional<UpdateRequirements.Update> required = covered == null ? Optional.empty()
                    : updates.since(policy.id(), covered.policyVersion(), current);
            if (required.isPresent() && required.get().sectionIds().isEmpty()) {
                counts = covered; // no section changed since the version they read: that reading still counts
            } else if (required.isPresent()) {
                update = new TrainingStatus.UpdateTraining(required.get().sectionIds(), required.get().dueOn());
                due = required.get().dueOn();
            }
        }
        return new TrainingStatus.PolicyTraining(policy.id(), doc.title(), current, due,
                counts == null && today.isAfter(due), null, null, null, update, null, true, counts);
    }

    /** Every role-play scenario of the library in {@code language}, with the person's best finished run of each. */
    public List<TrainingStatus.RolePlayProgress> rolePlays(List<Completion> completions, ContentLibrary library,
                                                           String language) {
        List<TrainingStatus.RolePlayProgress> out = new ArrayList<>();
        for (Policy policy : library.all()) {
            out.addAll(rolePlays(completions, policy, language));
        }
        return out;
    }

    /** The policy's role-play scenarios in {@code language}, with the person's best finished run of each. */
    public List<TrainingStatus.RolePlayProgress> rolePlays(List<Completion> completions, Policy policy, String language) {
        List<TrainingStatus.RolePlayProgress> out = new ArrayList<>();
        for (Scenario sc : policy.scenarios(language)) {
            String module = Modules.rolePlay(sc.id());
            Completion best = completions.stream()
                    .filter(c -> c.policyId().equals(policy.id()) && c.module().equals(module))
                    .max(Comparator.comparingDouble(Completion::score)).orElse(null);
            out.add(new TrainingStatus.RolePlayProgress(policy.id(), sc.id(), sc.title(), best));
        }
        return out;
    }

    /** The sections among {@code sectionIds} that have quiz questions in {@code language}. */
    static Set<String> withQuestions(Policy policy, String language, Set<String> sectionIds) {
        Set<String> out = new TreeSet<>();
        policy.quiz(language).stream().map(QuizQuestion::sectionId).filter(sectionIds::contains).forEach(out::add);
        return out;
    }

    private static String quizLanguage(Policy policy, String language) {
        if (!policy.quiz(language).isEmpty()) {
            return language;
        }
        return policy.languages().stream().filter(l -> !policy.quiz(l).isEmpty()).findFirst().orElse(language);
    }

    /**
     * {@code updates} remembering each answer: a report asks the same (policy, covered, current) question for many
     * people, and each answer costs a few reads.
     */
    public static UpdateRequirements remembering(UpdateRequirements updates) {
        Map<String, Optional<UpdateRequirements.Update>> seen = new HashMap<>();
        return (policyId, covered, current) -> seen.computeIfAbsent(policyId + "\u0000" + covered + "\u0000" + current,
                k -> updates.since(policyId, covered, current));
    }

    /** The same rule with other update requirements (for example {@link #remembering} ones). */
    public TrainingRules with(UpdateRequirements other) {
        return new TrainingRules(settings, other);
    }

    private static <T> T last(List<T> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
