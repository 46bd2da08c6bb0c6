package io.policybot.reports;

import io.policybot.people.Person;
import io.policybot.training.Acknowledged;
import io.policybot.training.Completion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reads reports need, each over a whole {@link ReportScope} at once (a 2,000-person org is a few queries). */
public interface ReportRepository {

    /** The people in scope, by display name. */
    List<Person> people(ReportScope scope);

    /**
     * Every completion of this policy by the people in scope, of any module (quiz, update quiz, role-play) and any
     * version, oldest first, by person id: one query for the whole scope.
     */
    Map<String, List<Completion>> completions(ReportScope scope, String policyId);

    /** Person ids in scope with a quiz (full or update) of this policy in progress. */
    Set<String> activeQuizzes(ReportScope scope, String policyId);

    /**
     * Every acknowledgement of this policy by the people in scope, any version, oldest first, by person id (the
     * training of a policy without a quiz).
     */
    Map<String, List<Acknowledged>> acknowledgements(ReportScope scope, String policyId);

    /** Person ids in scope who acknowledged this policy version. */
    Set<String> acknowledged(ReportScope scope, String policyId, String version);

    /**
     * How many people in scope first passed a module (quiz, update quiz, role-play) of this policy version, and how
     * many acknowledged it, on each day: the days as {@code offset} has them, only days with any, oldest first. What
     * {@link ReportService#timeline} adds up into completion over time.
     */
    List<DayCount> firstDoneByDay(ReportScope scope, String policyId, String version, java.time.ZoneOffset offset);

    /** One day's first passes and acknowledgements of a policy version. */
    record DayCount(java.time.LocalDate day, int passed, int acknowledged) {
    }

    /**
     * A number that moves on whenever anything a report reads may have changed (people, training, acknowledgements,
     * versions, announcements), on any replica; empty when this store cannot tell (then reports are not reused).
     */
    default java.util.OptionalLong changeStamp() {
        return java.util.OptionalLong.empty();
    }

    /** Whether {@code personId} reports to {@code managerId}, directly or through others. */
    boolean inOrg(String managerId, String personId);

    /** Whether a team of this name exists, in any case. */
    default boolean teamExists(String team) {
        return team(team).isPresent();
    }

    /** The team of this name as the roster spells it, matched without regard to case. */
    java.util.Optional<String> team(String name);

    /** Questions asked since {@code from} that the bot declined or that got at least one thumbs down, oldest first. */
    List<GapQuestion> gapQuestions(Instant from);

    /** A question for the gaps view. */
    record GapQuestion(String question, String language, boolean declined, int downVotes, String policyId,
                       String sectionId, Instant askedAt) {
    }
}
