package io.policybot.reports;

import io.policybot.people.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reads reports need, each over a whole {@link ReportScope} at once (a 2,000-person org is a few queries). */
public interface ReportRepository {

    /** The people in scope, by display name. */
    List<Person> people(ReportScope scope);

    /** Each person in scope with a quiz of this policy version: what they did, by person id. */
    Map<String, QuizRecord> quizRecords(ReportScope scope, String policyId, String version);

    /** Person ids in scope with a quiz of this policy in progress. */
    Set<String> activeQuizzes(ReportScope scope, String policyId);

    /** Person ids in scope who acknowledged this policy version. */
    Set<String> acknowledged(ReportScope scope, String policyId, String version);

    /** Whether {@code personId} reports to {@code managerId}, directly or through others. */
    boolean inOrg(String managerId, String personId);

    boolean teamExists(String team);

    /** Questions asked since {@code from} that the bot declined or that got at least one thumbs down, oldest first. */
    List<GapQuestion> gapQuestions(Instant from);

    /**
     * @param attempts   quizzes finished on this version
     * @param passed     whether one was passed
     * @param bestPercent the best score, 0 to 100
     */
    record QuizRecord(int attempts, boolean passed, int bestPercent) {
    }

    /** A question for the gaps view. */
    record GapQuestion(String question, String language, boolean declined, int downVotes, String policyId,
                       String sectionId, Instant askedAt) {
    }
}
