package io.policybot.questions.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.Person;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.Vote;
import io.policybot.questions.VoteResult;
import io.policybot.questions.VoteTally;
import io.policybot.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.policybot.people.sql.SqlPersonRepository;

class SqlQuestionLogRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void logsQuestionsAnsweredOrNot() {
        Person ann = new SqlPersonRepository(db.database()).findOrCreate("slack", "U1", "Ann", T0);
        SqlQuestionLogRepository log = new SqlQuestionLogRepository(db.database());
        LoggedQuestion answered = log.log(new LoggedQuestion(null, ann.id(), "Can I post about my job?", "en", true,
                "social-media", "identifying-yourself", 0.82, T0));
        LoggedQuestion unanswered = log.log(new LoggedQuestion(null, ann.id(), "员工餐厅几点开门？", "zh", false,
                null, null, 0, T0.plusSeconds(60)));
        assertTrue(answered.id().length() <= 13, answered.id());
        assertEquals(answered, log.find(answered.id()).orElseThrow());
        assertEquals(unanswered, log.find(unanswered.id()).orElseThrow());
        assertEquals(List.of(answered, unanswered), log.since(T0));
        assertEquals(List.of(unanswered), log.since(T0.plusSeconds(1)));
    }

    @Test
    void oneVotePerPersonAndAnswer() {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        Person bob = people.findOrCreate("slack", "U2", "Bob", T0);
        SqlQuestionLogRepository log = new SqlQuestionLogRepository(db.database());
        String id = log.log(new LoggedQuestion(null, ann.id(), "q", "en", true, "social-media", "purpose-and-scope",
                0.5, T0)).id();

        assertEquals(VoteResult.RECORDED, log.vote(id, ann.id(), Vote.UP, T0));
        assertEquals(VoteResult.UNCHANGED, log.vote(id, ann.id(), Vote.UP, T0));
        assertEquals(new VoteTally(1, 0), log.tally(id));
        assertEquals(VoteResult.CHANGED, log.vote(id, ann.id(), Vote.DOWN, T0));
        assertEquals(VoteResult.RECORDED, log.vote(id, bob.id(), Vote.DOWN, T0));
        assertEquals(new VoteTally(0, 2), log.tally(id));
        assertEquals(VoteResult.UNKNOWN_QUESTION, log.vote("nope", ann.id(), Vote.UP, T0));
        assertEquals(new VoteTally(0, 0), log.tally("nope"));
    }
}
