package io.policybot.announcements;

import io.policybot.wiring.Services;
import io.policybot.testing.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.content.QuizQuestion;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TrainingDriver;
import io.policybot.training.Modules;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import io.policybot.training.TrainingStatus;
import io.policybot.versions.ContentPublisher;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After an update: earlier training counts for unchanged sections; the update quiz asks about changed ones only. */
class DeltaTrainingTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
    final Actor ann = new Actor("slack", "U1", "Ann", null);
    final Actor joiner = new Actor("slack", "U2", "Joe", null);

    @Test
    void theUpdateQuizAsksOnlyAboutChangedSectionsAndEarlierTrainingCountsForTheRest() {
        AnnouncementSettings settings = AnnouncementSettings.defaults().withUpdateDueDays(14);
        Services services = TestServices.builder(db.database(), content::get, clock, 5).announcing(settings).build();
        TrainingService training = services.training();
        ContentPublisher publisher = services.announcements().publisher();
        publisher.publish(content.get());
        new TrainingDriver(training, content.get()).playQuiz(ann, "en", i -> true);
        assertTrue(policy(training, ann).done());

        clock.advance(Duration.ofDays(3));
        content.set(Fixtures.v11());
        publisher.publish(content.get());

        TrainingStatus.PolicyTraining after = policy(training, ann);
        assertEquals(false, after.done());
        assertNotNull(after.update());
        assertEquals(Set.of(Fixtures.CHANGED, Fixtures.ALSO_CHANGED), after.update().sectionIds());
        assertEquals(LocalDate.parse("2026-11-27"), after.dueOn()); // published 13 Nov + 14 days
        assertTrue(Replies.text(training.status(ann, "en")).contains("changed section"), Replies.text(training.status(ann, "en")));

        // The new joiner has no earlier training: the full quiz, with their own deadline.
        TrainingStatus.PolicyTraining fresh = policy(training, joiner);
        assertNull(fresh.update());
        assertEquals(LocalDate.parse("2026-12-13"), fresh.dueOn());

        // The update quiz: every question from a changed section.
        TrainingDriver driver = new TrainingDriver(training, content.get());
        List<Reply> replies = training.startUpdateQuiz(ann, TrainingDriver.dm(ann), "en", null);
        assertTrue(Replies.text(replies).contains("changed sections only"), Replies.text(replies));
        Map<String, QuizQuestion> byText = new java.util.HashMap<>();
        content.get().policy(Fixtures.POLICY).orElseThrow().quiz("en").forEach(q -> byText.put("**" + q.question() + "**", q));
        int asked = 0;
        while (true) {
            Reply question = Replies.lastWithButtons(replies);
            String text = Replies.blocks(question, Block.Text.class).getFirst().markdown();
            QuizQuestion q = byText.get(text);
            if (q == null) {
                break;
            }
            assertTrue(Set.of(Fixtures.CHANGED, Fixtures.ALSO_CHANGED).contains(q.sectionId()), q.sectionId());
            asked++;
            replies = driver.press(ann, driver.quizButton(question, "en", true), "en");
            if (replies.stream().noneMatch(r -> r.placement().equals(Reply.SAME))) {
                break;
            }
        }
        assertEquals(3, asked);
        TrainingStatus.PolicyTraining done = policy(training, ann);
        assertTrue(done.done());
        assertEquals(Modules.UPDATE, done.passed().module());
        assertEquals("1.1", done.passed().policyVersion());
        assertTrue(Replies.text(training.startUpdateQuiz(ann, TrainingDriver.dm(ann), "en", null)).contains("up to date"));
    }

    @Test
    void anUpdateWithNoQuestionsOnChangedSectionsLeavesEarlierTrainingValid() {
        AnnouncementSettings settings = AnnouncementSettings.defaults();
        Services services = TestServices.builder(db.database(), content::get, clock, 5).announcing(settings).build();
        TrainingService training = services.training();
        ContentPublisher publisher = services.announcements().publisher();
        publisher.publish(content.get());
        new TrainingDriver(training, content.get()).playQuiz(ann, "en", i -> true);
        content.set(Fixtures.edit(TestContent.bundled(), "1.1", Set.of(), Set.of())); // a version bump only
        publisher.publish(content.get());
        assertTrue(policy(training, ann).done());
    }

    private TrainingStatus.PolicyTraining policy(TrainingService training, Actor actor) {
        return training.trainingStatus(actor, "en").policies().getFirst();
    }
}
