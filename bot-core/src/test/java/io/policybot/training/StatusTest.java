package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is done and what is due: first seen (or joined) plus 30 days, per policy version. */
class StatusTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    private final Actor ann = new Actor("slack", "U1", "Ann", null);
    private TrainingService service;

    @BeforeEach
    void setUp() {
        service = TestServices.training(db.database(), clock, 42);
    }

    private TrainingStatus.PolicyTraining socialMedia(String language) {
        return service.trainingStatus(ann, language).policies().getFirst();
    }

    @Test
    void aNewPersonsQuizIsDueThirtyDaysAfterTheyWereFirstSeen() {
        TrainingStatus.PolicyTraining p = socialMedia("en");
        assertEquals("social-media", p.policyId());
        assertEquals("1.0", p.version());
        assertEquals(LocalDate.parse("2026-12-10"), p.dueOn());
        assertFalse(p.done());
        assertFalse(p.overdue());

        List<Reply> status = service.status(ann, "en");
        assertEquals(1, status.size());
        assertEquals(Reply.PRIVATE, status.getFirst().placement());
        String text = Replies.text(status.getFirst());
        assertTrue(text.contains("⏳ **Social Media Policy** (version 1.0): quiz due by **10 December 2026**."), text);
        assertEquals(Actions.QUIZ_START, Replies.button(status.getFirst(), "Start the quiz").actionId());
        assertEquals(Actions.ROLEPLAY_START, Replies.button(status.getFirst(), "Try a role-play").actionId());
        assertTrue(Replies.text(service.status(ann, "zh").getFirst()).contains("请在 **2026年12月10日** 前完成测验"));
    }

    @Test
    void laterTheSameDayIsStillFirstSeenOnTheFirstDay() {
        service.status(ann, "en");
        clock.advance(Duration.ofDays(31));
        TrainingStatus.PolicyTraining p = socialMedia("en");
        assertEquals(LocalDate.parse("2026-12-10"), p.dueOn());
        assertTrue(p.overdue());
        assertTrue(Replies.text(service.status(ann, "en").getFirst())
                .contains("⚠️ **Social Media Policy** (version 1.0): quiz overdue since **10 December 2026**."));
    }

    @Test
    void aJoiningDateCountsButNeverBeforeThePolicyTookEffect() {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        Person p = people.findOrCreate("slack", "U1", "Ann", clock.instant());
        people.update(p.withDirectory(null, null, null, LocalDate.parse("2026-11-05")));
        assertEquals(LocalDate.parse("2026-12-05"), socialMedia("en").dueOn());
        // Joined long before version 1.0 took effect (2026-11-01): due 30 days after it took effect.
        people.update(p.withDirectory(null, null, null, LocalDate.parse("2020-03-01")));
        assertEquals(LocalDate.parse("2026-12-01"), socialMedia("en").dueOn());
    }

    @Test
    void aPassedQuizShowsAsDoneAFailedOneAsTheLastAttempt() {
        TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
        clock.advance(Duration.ofDays(2));
        driver.playQuiz(ann, "en", i -> i < 5);
        TrainingStatus.PolicyTraining failed = socialMedia("en");
        assertFalse(failed.done());
        assertEquals(5, failed.lastAttempt().correct());
        String text = Replies.text(service.status(ann, "en").getFirst());
        assertTrue(text.contains("quiz due by **12 December 2026**"), text);
        assertTrue(text.contains("Last attempt on 12 November 2026: 5/10; the pass mark is 80%."), text);

        clock.advance(Duration.ofDays(1));
        List<Reply> last = driver.playQuiz(ann, "en", i -> true);
        TrainingStatus.PolicyTraining passed = socialMedia("en");
        assertTrue(passed.done());
        assertEquals(Instant.parse("2026-11-13T09:00:00Z"), passed.passed().completedAt());
        String home = Replies.text(last.get(2));
        assertTrue(home.contains("✅ **Social Media Policy** (version 1.0): quiz passed on 13 November 2026 with 10/10."), home);
        List<Block> blocks = service.homeBlocks(ann, "en");
        assertEquals("Retake the quiz", ((Block.Buttons) blocks.getLast()).buttons().getFirst().label());
        assertEquals(Button.Style.DEFAULT, ((Block.Buttons) blocks.getLast()).buttons().getFirst().style());
    }

    @Test
    void aPassOfAnEarlierVersionLeavesTheCurrentOneDue() {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        Person p = people.findOrCreate("slack", "U1", "Ann", clock.instant());
        SqlTrainingRepository training = new SqlTrainingRepository(db.database());
        training.create(new TrainingSession("old", p.id(), Modules.QUIZ, "social-media", "0.9", "en",
                SessionStatus.ACTIVE, "{}", clock.instant(), clock.instant()));
        training.recordAnswer(new RecordedAnswer("old", 0, "q", 0, true, clock.instant()), "{}",
                new Completion("c-old", p.id(), "old", Modules.QUIZ, "social-media", "0.9", 9, 10, true,
                        Instant.parse("2026-06-01T10:00:00Z")), clock.instant());
        TrainingStatus.PolicyTraining s = socialMedia("en");
        assertFalse(s.done());
        assertEquals("0.9", s.earlier().policyVersion());
        assertTrue(Replies.text(service.status(ann, "en").getFirst()).contains("You passed version 0.9 on 1 June 2026."));
    }

    @Test
    void theHomeViewShowsTheSessionInProgressWithAContinueButton() {
        service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        TrainingStatus status = service.trainingStatus(ann, "en");
        assertEquals(0, status.active().answered());
        assertEquals(10, status.active().total());
        List<Block> blocks = service.homeBlocks(ann, "en");
        Button resume = ((Block.Buttons) blocks.getLast()).buttons().getFirst();
        assertEquals("Continue", resume.label());
        assertEquals(Actions.QUIZ_START, resume.actionId());
        List<Reply> replies = new TrainingDriver(service, TestContent.bundled()).press(ann, resume, "en");
        assertTrue(replies.getFirst().fallback().startsWith("Welcome back!"));
        assertNull(TestServices.training(db.database(), clock, 1).trainingStatus(
                new Actor("slack", "U2", "Bob", null), "en").active());
    }
}
