package io.policybot.announcements;

import io.policybot.wiring.Services;
import io.policybot.testing.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.Actor;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.reports.Report;
import io.policybot.reports.ReportScope;
import io.policybot.reports.ReportService;
import io.policybot.reports.TrainingState;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.reports.sql.SqlReportRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TrainingDriver;
import io.policybot.training.TrainingRules;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import io.policybot.training.TrainingStatus;
import io.policybot.versions.ContentPublisher;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Status and reports judge training by one rule ({@link TrainingRules}): pass, then a version bump with and without
 * retraining, then the update quiz, then the report (walkthrough B1, code review P4); and a role-play finished
 * below the best score (B24).
 */
class TrainingRuleReportTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
    final Actor sara = new Actor("slack", "U1", "Sara", null);
    final Actor raj = new Actor("slack", "U2", "Raj", null);
    TrainingService training;
    ContentPublisher publisher;
    ReportService reports;

    @BeforeEach
    void wire() {
        AnnouncementSettings settings = AnnouncementSettings.defaults();
        Services services = TestServices.builder(db.database(), content::get, clock, 5).announcing(settings).build();
        training = services.training();
        publisher = services.announcements().publisher();
        reports = services.reports();
        publisher.publish(content.get());
    }

    @Test
    void B1_updateQuizPassCountsInReports() {
        TrainingDriver driver = new TrainingDriver(training, content.get());
        driver.playQuiz(sara, "en", i -> true);
        driver.playQuiz(raj, "en", i -> true);
        assertEquals(TrainingState.COMPLETED, row(sara).state());

        clock.advance(Duration.ofDays(3));
        content.set(Fixtures.v11()); // two sections with quiz questions reworded: retraining needed
        publisher.publish(content.get());

        // Both passed 1.0: the update quiz is due, and the report says so (not "not started").
        assertTrue(status(sara).update() != null);
        Report.Row rajRow = row(raj);
        assertEquals(TrainingState.UPDATE_DUE, rajRow.state());
        assertEquals(status(raj).dueOn(), rajRow.dueOn());

        // Sara takes the update quiz and passes: done in status, done in every report, done in the CSV.
        playUpdateQuiz(sara);
        assertTrue(status(sara).done());
        Report.Row saraRow = row(sara);
        assertEquals(TrainingState.COMPLETED, saraRow.state());
        assertEquals(100, saraRow.score());
        assertEquals("1.1", saraRow.passedVersion());
        Report everyone = reports.report(new ReportScope.Everyone(), "everyone", "en");
        assertEquals(1, everyone.policies().getFirst().completed());
        assertEquals(1, everyone.policies().getFirst().updateDue());
        String csv = new String(ReportService.csv(everyone), StandardCharsets.UTF_8);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("slack:U1,Sara,") && l.contains(",completed,100,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("slack:U2,Raj,") && l.contains(",update due,")), csv);

        // Raj lets the update quiz run past its due date: overdue in status and report alike.
        clock.advance(Duration.ofDays(40));
        assertTrue(status(raj).overdue());
        assertEquals(TrainingState.OVERDUE, row(raj).state());
        assertEquals(TrainingState.COMPLETED, row(sara).state());
    }

    @Test
    void B1_versionBumpWithoutRetrainingKeepsEarlierPassCompleted() {
        new TrainingDriver(training, content.get()).playQuiz(sara, "en", i -> true);
        clock.advance(Duration.ofDays(3));
        content.set(Fixtures.edit(TestContent.bundled(), "1.1", Set.of(), Set.of())); // a version bump only
        publisher.publish(content.get());
        clock.advance(Duration.ofDays(60)); // long past every due date

        assertTrue(status(sara).done());
        Report.Row r = row(sara);
        assertEquals(TrainingState.COMPLETED, r.state());
        assertEquals(TestContent.bundled().policy(Fixtures.POLICY).orElseThrow().version(), r.passedVersion());
        assertEquals(100, r.score());
    }

    @Test
    void B1_neverTrainedAfterAnUpdateNeedsTheFullQuizInStatusAndReport() {
        content.set(Fixtures.v11());
        publisher.publish(content.get());
        TrainingStatus.PolicyTraining joe = status(raj);
        assertEquals(null, joe.update());
        Report.Row r = row(raj);
        assertEquals(TrainingState.NOT_STARTED, r.state());
        assertEquals(joe.dueOn(), r.dueOn());
    }

    @Test
    void B24_rolePlayFinishedBelowBestScoreCountsAsDone() {
        TrainingDriver driver = new TrainingDriver(training, content.get());
        List<Reply> replies = training.startRolePlay(sara, TrainingDriver.dm(sara), "en", "hacked-brand-account");
        boolean first = true;
        while (true) {
            Reply step = Replies.lastWithButtons(replies);
            if (step == null || Replies.buttons(step).stream().noneMatch(b -> b.actionId().equals("roleplay.choose"))) {
                break;
            }
            replies = driver.press(sara, driver.rolePlayButton(step, "en", !first), "en"); // the first choice not best
            first = false;
        }
        String summary = Replies.text(replies);
        assertTrue(summary.contains("counts as done"), summary);

        TrainingStatus.RolePlayProgress hacked = training.trainingStatus(sara, "en").rolePlays().stream()
                .filter(s -> s.scenarioId().equals("hacked-brand-account")).findFirst().orElseThrow();
        assertTrue(hacked.done());
        assertTrue(!hacked.allBest());
        String status = Replies.text(training.status(sara, "en"));
        assertTrue(status.contains("Role-plays: 1 of"), status);
        assertTrue(status.contains("best run: the best choice in"), status);
        assertTrue(status.contains("counts as done once you finish it"), status);
        assertEquals(1, row(sara).rolePlaysDone());
    }

    private void playUpdateQuiz(Actor actor) {
        TrainingDriver driver = new TrainingDriver(training, content.get());
        List<Reply> replies = training.startUpdateQuiz(actor, TrainingDriver.dm(actor), "en", null);
        while (true) {
            Reply question = Replies.lastWithButtons(replies);
            if (question == null || Replies.buttons(question).stream().noneMatch(b -> b.actionId().equals("quiz.answer"))) {
                return;
            }
            replies = driver.press(actor, driver.quizButton(question, "en", true), "en");
        }
    }

    private TrainingStatus.PolicyTraining status(Actor actor) {
        return training.trainingStatus(actor, "en").policies().getFirst();
    }

    private Report.Row row(Actor actor) {
        Person p = new SqlPersonRepository(db.database()).find(actor.platform(), actor.userId()).orElseThrow();
        Report r = reports.report(new ReportScope.One(p.id()), "one", "en");
        assertNotNull(r.rows());
        return r.rows().getFirst();
    }
}
