package io.policybot.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.Vote;
import io.policybot.testing.StoreContract;
import io.policybot.training.Completion;
import io.policybot.training.Modules;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of every {@link ReportRepository} implementation, on every database. */
public abstract class ReportRepositoryContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    private Person person(String user, String name, String team, Person manager) {
        PersonRepository people = stores().people();
        Person p = people.findOrCreate("slack", user, name, T0);
        people.update(p.withDirectory(null, team, manager == null ? null : manager.id(), null));
        return people.find(p.id()).orElseThrow();
    }

    @Test
    void scopesWalkTheOrgChartAndTeamsIgnoreCase() {
        Person ceo = person("U0", "Cleo", "Board", null);
        Person vp = person("U1", "Vic", "Sales", ceo);
        Person rep = person("U2", "Ria", "Sales", vp);
        Person other = person("U3", "Oto", "Ops", ceo);
        ReportRepository reports = stores().reports();
        assertEquals(List.of("Oto", "Ria", "Vic"), reports.people(new ReportScope.Org(ceo.id())).stream()
                .map(Person::displayName).toList());
        assertEquals(List.of("Ria", "Vic"), reports.people(new ReportScope.Team("sales", null)).stream()
                .map(Person::displayName).toList());
        assertEquals(List.of("Ria"), reports.people(new ReportScope.Team("SALES", vp.id())).stream()
                .map(Person::displayName).toList());
        assertEquals(4, reports.people(new ReportScope.Everyone()).size());
        assertTrue(reports.inOrg(ceo.id(), rep.id()));
        assertFalse(reports.inOrg(vp.id(), other.id()));
        assertEquals(Optional.of("Sales"), reports.team("sAlEs "));
        assertTrue(reports.team("nobody").isEmpty());
    }

    @Test
    void completionsQuizzesAndAcknowledgementsAreReadForTheWholeScope() {
        Person ann = person("U1", "Ann", "Sales", null);
        Person bob = person("U2", "Bob", "Sales", null);
        var training = stores().training();
        training.create(new TrainingSession("s1", ann.id(), Modules.QUIZ, "social-media", "1.0", "en",
                SessionStatus.ACTIVE, "{}", T0, T0));
        Completion done = new Completion("c1", ann.id(), "s1", Modules.QUIZ, "social-media", "1.0", 4, 5, true, T0);
        training.recordAnswer(new RecordedAnswer("s1", 0, "q1", 1, true, T0), "{}", done, T0);
        training.create(new TrainingSession("s2", bob.id(), Modules.QUIZ, "social-media", "1.0", "en",
                SessionStatus.ACTIVE, "{}", T0, T0));
        stores().acknowledgements().record(new io.policybot.announcements.Acknowledgement("k1", bob.id(),
                "social-media", "1.0", null, "slack", T0));
        ReportRepository reports = stores().reports();
        ReportScope everyone = new ReportScope.Everyone();
        List<Completion> anns = reports.completions(everyone, "social-media").get(ann.id());
        assertEquals(1, anns.size());
        assertTrue(anns.getFirst().passed());
        assertEquals(4, anns.getFirst().correct());
        assertEquals(Set.of(bob.id()), reports.activeQuizzes(everyone, "social-media"));
        assertEquals(Set.of(bob.id()), reports.acknowledged(everyone, "social-media", "1.0"));
        assertTrue(reports.acknowledged(everyone, "social-media", "1.1").isEmpty());
    }

    @Test
    void firstPassesAndAcknowledgementsOfAVersionAreCountedPerDayInTheScope() {
        Person lead = person("U0", "Lea", "Sales", null);
        Person ann = person("U1", "Ann", "Sales", lead);
        Person bob = person("U2", "Bob", "Sales", lead);
        Person out = person("U3", "Oto", "Ops", null);
        var training = stores().training();
        Instant day1 = Instant.parse("2026-11-10T23:30:00Z"); // 2026-11-11 at UTC+8
        Instant day2 = Instant.parse("2026-11-12T09:00:00Z");
        // Ann passes twice (only the first counts), fails on another version; Bob fails, then passes on day 2.
        pass(training, "a1", ann, "1.1", true, day1);
        pass(training, "a2", ann, "1.1", true, day2);
        pass(training, "a3", ann, "1.0", true, day2);
        pass(training, "b1", bob, "1.1", false, day1);
        pass(training, "b2", bob, "1.1", true, day2);
        pass(training, "o1", out, "1.1", true, day1);
        var acks = stores().acknowledgements();
        acks.record(new io.policybot.announcements.Acknowledgement("k1", ann.id(), "social-media", "1.1", null, "slack",
                day1));
        acks.record(new io.policybot.announcements.Acknowledgement("k2", bob.id(), "social-media", "1.0", null, "slack",
                day1));
        ReportRepository reports = stores().reports();
        ReportScope org = new ReportScope.Org(lead.id());
        assertEquals(List.of(new ReportRepository.DayCount(java.time.LocalDate.parse("2026-11-10"), 1, 1),
                        new ReportRepository.DayCount(java.time.LocalDate.parse("2026-11-12"), 1, 0)),
                reports.firstDoneByDay(org, "social-media", "1.1", java.time.ZoneOffset.UTC));
        assertEquals(List.of(new ReportRepository.DayCount(java.time.LocalDate.parse("2026-11-11"), 1, 1),
                        new ReportRepository.DayCount(java.time.LocalDate.parse("2026-11-12"), 1, 0)),
                reports.firstDoneByDay(org, "social-media", "1.1", java.time.ZoneOffset.ofHours(8)));
        assertEquals(List.of(new ReportRepository.DayCount(java.time.LocalDate.parse("2026-11-10"), 2, 1),
                        new ReportRepository.DayCount(java.time.LocalDate.parse("2026-11-12"), 1, 0)),
                reports.firstDoneByDay(new ReportScope.Everyone(), "social-media", "1.1", java.time.ZoneOffset.UTC));
        assertTrue(reports.firstDoneByDay(org, "social-media", "2.0", java.time.ZoneOffset.UTC).isEmpty());
    }

    private static void pass(io.policybot.training.TrainingRepository training, String id, Person who, String version,
                             boolean passed, Instant at) {
        training.create(new TrainingSession("s" + id, who.id(), Modules.QUIZ, "social-media", version, "en",
                SessionStatus.ACTIVE, "{}", at, at));
        training.recordAnswer(new RecordedAnswer("s" + id, 0, "q1", 1, passed, at), "{}",
                new Completion(id, who.id(), "s" + id, Modules.QUIZ, "social-media", version, passed ? 5 : 1, 5, passed,
                        at), at);
    }

    @Test
    void gapsAreTheDeclinedQuestionsAndTheThumbsDown() {
        Person ann = person("U1", "Ann", "Sales", null);
        var log = stores().questions();
        log.log(new LoggedQuestion(null, ann.id(), "fine", "en", true, "social-media", "scope", 0.9, T0));
        LoggedQuestion disliked = log.log(new LoggedQuestion(null, ann.id(), "meh", "en", true, "social-media", "scope",
                0.6, T0.plusSeconds(1)));
        log.vote(disliked.id(), ann.id(), Vote.DOWN, T0.plusSeconds(2));
        log.log(new LoggedQuestion(null, ann.id(), "canteen?", "en", false, null, null, 0, T0.plusSeconds(3)));
        List<ReportRepository.GapQuestion> gaps = stores().reports().gapQuestions(T0);
        assertEquals(List.of("meh", "canteen?"), gaps.stream().map(ReportRepository.GapQuestion::question).toList());
        assertEquals(1, gaps.getFirst().downVotes());
        assertTrue(gaps.get(1).declined());
    }

    private long stamp() {
        return stores().reports().changeStamp().orElseThrow();
    }

    @Test
    void theChangeStampMovesOnWritesThatCanChangeAReportOnAnyReplicaButNotOnAQuizAnswer() {
        long before = stamp();
        Person ann = person("U1", "Ann", "Sales", null);
        long added = stamp();
        assertTrue(added > before, "a person added and given a team");
        var training = stores().training();
        training.create(new TrainingSession("s1", ann.id(), Modules.QUIZ, "social-media", "1.0", "en",
                SessionStatus.ACTIVE, "{}", T0, T0));
        long started = stamp();
        assertTrue(started > added, "a quiz started: in progress");
        training.recordAnswer(new RecordedAnswer("s1", 0, "q1", 1, true, T0), "{}", null, T0);
        assertEquals(started, stamp(), "an answer within the quiz changes no report");
        Completion done = new Completion("c1", ann.id(), "s1", Modules.QUIZ, "social-media", "1.0", 4, 5, true, T0);
        training.recordAnswer(new RecordedAnswer("s1", 1, "q2", 1, true, T0), "{}", done, T0);
        long finished = stamp();
        assertTrue(finished > started, "the quiz finished with a completion");
        stores().acknowledgements().record(new io.policybot.announcements.Acknowledgement("k1", ann.id(),
                "social-media", "1.0", null, "slack", T0));
        long acknowledged = replica().reports().changeStamp().orElseThrow();
        assertTrue(acknowledged > finished, "an acknowledgement, seen from the other replica too");
        replica().people().update(ann.withDirectory(null, "Ops", null, null));
        assertTrue(stamp() > acknowledged, "a change on the other replica is seen here");
    }
}
