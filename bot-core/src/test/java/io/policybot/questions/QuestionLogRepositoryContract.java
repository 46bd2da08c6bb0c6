package io.policybot.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.Vote;
import io.policybot.questions.VoteResult;
import io.policybot.questions.VoteTally;
import io.policybot.testing.StoreContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of every {@link QuestionLogRepository} implementation, on every database. */
public abstract class QuestionLogRepositoryContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");


    @Test
    void logsQuestionsAnsweredOrNot() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        QuestionLogRepository log = stores().questions();
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
        PersonRepository people = stores().people();
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        Person bob = people.findOrCreate("slack", "U2", "Bob", T0);
        QuestionLogRepository log = stores().questions();
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

    @Test
    void theLastLanguageEachPersonAskedInIsKnown() {
        PersonRepository people = stores().people();
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        Person bob = people.findOrCreate("slack", "U2", "Bob", T0);
        people.findOrCreate("slack", "U3", "Cy", T0);
        QuestionLogRepository log = stores().questions();
        log.log(new LoggedQuestion(null, ann.id(), "q", "en", true, null, null, 0, T0));
        log.log(new LoggedQuestion(null, ann.id(), "问", "zh", false, null, null, 0, T0.plusSeconds(5)));
        log.log(new LoggedQuestion(null, bob.id(), "q", "en", false, null, null, 0, T0.plusSeconds(1)));
        assertEquals(java.util.Map.of(ann.id(), "zh", bob.id(), "en"), log.lastLanguages());
    }

    @Test
    void escalationIsMarkedOnceUntilCleared() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        QuestionLogRepository log = stores().questions();
        String id = log.log(new LoggedQuestion(null, ann.id(), "q", "en", false, null, null, 0, T0)).id();
        assertTrue(log.markEscalated(id, T0));
        assertEquals(false, log.markEscalated(id, T0.plusSeconds(1)));
        log.clearEscalated(id);
        assertTrue(log.markEscalated(id, T0.plusSeconds(2)));
        assertEquals(false, log.markEscalated("nope", T0));
    }

    @Test
    void handOffsAreListedNewestFirstAndMarkedHandledOnce() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        QuestionLogRepository log = stores().questions();
        LoggedQuestion first = log.log(new LoggedQuestion(null, ann.id(), "Can I post photos of the office?", "en",
                false, null, null, 0, T0));
        LoggedQuestion second = log.log(new LoggedQuestion(null, ann.id(), "食堂几点开门？", "zh", false, null, null, 0,
                T0.plusSeconds(10)));
        LoggedQuestion notPassed = log.log(new LoggedQuestion(null, ann.id(), "q", "en", false, null, null, 0, T0));
        assertTrue(log.markEscalated(first.id(), T0.plusSeconds(5)));
        assertTrue(log.markEscalated(second.id(), T0.plusSeconds(20)));

        List<HandOff> open = log.handOffs(T0);
        assertEquals(List.of(second.id(), first.id()), open.stream().map(h -> h.question().id()).toList());
        assertEquals(T0.plusSeconds(20), open.getFirst().escalatedAt());
        assertTrue(open.stream().allMatch(HandOff::open));
        assertEquals(List.of(second.id()), log.handOffs(T0.plusSeconds(6)).stream().map(h -> h.question().id()).toList());

        assertTrue(log.markHandOffHandled(first.id(), "slack:HR1", T0.plusSeconds(60)));
        assertFalse(log.markHandOffHandled(first.id(), "slack:HR2", T0.plusSeconds(61)), "marked once");
        assertFalse(log.markHandOffHandled(notPassed.id(), "slack:HR1", T0), "never passed to HR");
        assertFalse(log.markHandOffHandled("nope", "slack:HR1", T0));
        HandOff handled = restart().questions().handOffs(T0).get(1);
        assertEquals(new HandOff(first, T0.plusSeconds(5), "slack:HR1", T0.plusSeconds(60)), handled);
        assertFalse(handled.open());
    }

    @Test
    void aGapGroupIsMarkedHandledOnceEvenFromTwoReplicas() {
        QuestionLogRepository log = stores().questions();
        assertEquals(List.of(), log.handledGaps());
        assertTrue(log.markGapHandled("Can I post photos of the office?", "slack:HR1", T0));
        assertFalse(replica().questions().markGapHandled("Can I post photos of the office?", "slack:HR2",
                T0.plusSeconds(1)));
        assertTrue(log.markGapHandled("员工餐厅几点开门？", "slack:HR2", T0.plusSeconds(2)));
        assertEquals(List.of(new HandledGap("Can I post photos of the office?", "slack:HR1", T0),
                new HandledGap("员工餐厅几点开门？", "slack:HR2", T0.plusSeconds(2))), restart().questions().handledGaps());
    }

    @Test
    void aRetentionPurgeRemovesOldQuestionsAndTheirFeedbackOnly() {
        PersonRepository people = stores().people();
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        Person bob = people.findOrCreate("slack", "U2", "Bob", T0);
        QuestionLogRepository log = stores().questions();
        String old = log.log(new LoggedQuestion(null, ann.id(), "old", "en", true, "p", "s", 0.5, T0)).id();
        log.log(new LoggedQuestion(null, bob.id(), "old too", "en", false, null, null, 0, T0.plusSeconds(10)));
        String recent = log.log(new LoggedQuestion(null, ann.id(), "recent", "en", true, "p", "s", 0.5,
                T0.plusSeconds(3600))).id();
        log.vote(old, ann.id(), Vote.UP, T0.plusSeconds(7200)); // a late vote on an old question goes with it
        log.vote(old, bob.id(), Vote.DOWN, T0.plusSeconds(20));
        log.vote(recent, bob.id(), Vote.UP, T0.plusSeconds(3700));
        Instant cutoff = T0.plusSeconds(60);

        assertEquals(new QuestionLogRepository.Purge(2, 2), log.countAskedBefore(cutoff));
        assertEquals(3, log.since(T0).size(), "counting removes nothing");
        assertEquals(new QuestionLogRepository.Purge(2, 2), log.purgeAskedBefore(cutoff));
        assertEquals(List.of("recent"), log.since(T0).stream().map(LoggedQuestion::question).toList());
        assertEquals(new VoteTally(1, 0), log.tally(recent));
        assertTrue(log.find(old).isEmpty());
        assertEquals(new QuestionLogRepository.Purge(0, 0), log.purgeAskedBefore(cutoff), "idempotent");
    }
}
