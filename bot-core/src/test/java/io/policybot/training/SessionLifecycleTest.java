package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One active session per person, shuffles per person, and sessions that outlive the process. */
class SessionLifecycleTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    private final Actor ann = new Actor("slack", "U1", "Ann", null);

    private static Reply question(List<Reply> replies) {
        return Replies.lastWithButtons(replies);
    }

    /** What a person sees of a question: its text and its options in order. */
    private static String shown(Reply question) {
        return Replies.blocks(question, Block.Text.class).getFirst().markdown() + "\n"
                + String.join("\n", Replies.blocks(question, Block.Bullets.class).getFirst().items());
    }

    @Test
    void startingAgainResumesTheActiveQuizInsteadOfAStartingSecondOne() {
        TrainingService service = TestServices.training(db.database(), clock, 42);
        TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
        List<Reply> first = service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        List<Reply> after = driver.press(ann, driver.quizButton(question(first), "en", true), "en");

        List<Reply> again = service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        assertEquals("Welcome back! Here’s where you left off: question 2/10.", again.getFirst().fallback());
        assertEquals(Replies.buttons(question(after)), Replies.buttons(question(again)));

        List<Reply> rolePlay = service.startRolePlay(ann, TrainingDriver.dm(ann), "en", "journalist-dm");
        assertTrue(rolePlay.getFirst().fallback().startsWith("You have a quiz in progress (question 2/10); finish it first, or type cancel to stop it."));
        assertEquals(Replies.buttons(question(after)), Replies.buttons(question(rolePlay)));

        List<Reply> resumed = service.resume(ann, TrainingDriver.dm(ann), "en");
        assertEquals(Replies.buttons(question(after)), Replies.buttons(question(resumed)));
        String personId = new SqlPersonRepository(db.database()).find("slack", "U1").orElseThrow().id();
        assertEquals(1, new SqlTrainingRepository(db.database()).answers(
                new SqlTrainingRepository(db.database()).active(personId).orElseThrow().id()).size());
    }

    @Test
    void aRolePlayInProgressIsResumedWhenAQuizIsAskedFor() {
        TrainingService service = TestServices.training(db.database(), clock, 42);
        List<Reply> rp = service.startRolePlay(ann, TrainingDriver.dm(ann), "en", "journalist-dm");
        List<Reply> quiz = service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        assertEquals("You’re in the middle of the role-play “A journalist's DM about layoffs”; finish it first, or type cancel to stop it. "
                + "Here’s where you left off:", quiz.getFirst().fallback());
        assertEquals(Replies.buttons(question(rp)), Replies.buttons(question(quiz)));
    }

    @Test
    void concurrentStartsBySamePersonMakeOneSession() throws Exception {
        TrainingService service = TestServices.training(db.database(), clock, 42);
        List<Callable<List<Reply>>> starts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            starts.add(() -> service.startQuiz(ann, TrainingDriver.dm(ann), "en", null));
        }
        Set<List<Button>> seen = new HashSet<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<List<Reply>> f : pool.invokeAll(starts)) {
                seen.add(Replies.buttons(question(f.get())));
            }
        }
        assertEquals(1, seen.size(), "every start shows the one session's first question");
        Integer sessions = db.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM training_session")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(1, sessions);
    }

    @Test
    void eachPersonGetsTheirOwnShuffle() {
        TrainingService service = TestServices.training(db.database(), clock, 42);
        Set<String> firstQuestions = new HashSet<>();
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Actor a = new Actor("slack", "U" + (10 + i), "P" + i, null);
            Reply q = question(service.startQuiz(a, TrainingDriver.dm(a), "en", null));
            firstQuestions.add(shown(q));
            plans.add(shown(q));
        }
        assertTrue(firstQuestions.size() >= 4, "five people, (almost) five different first questions: " + plans);
    }

    @Test
    void aRestartResumesAtTheRightQuestionWithTheSameShuffle() {
        TrainingService before = TestServices.training(db.database(), clock, 42);
        TrainingDriver driver = new TrainingDriver(before, TestContent.bundled());
        List<Reply> replies = before.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        for (int i = 0; i < 3; i++) {
            replies = driver.press(ann, driver.quizButton(question(replies), "en", i != 1), "en");
        }
        Reply waiting = question(replies);

        // A new process: the database reopened, a new service with another seed.
        Database reopened = db.reopen();
        TrainingService after = TestServices.training(reopened, clock, 999);
        List<Reply> resumed = after.resume(ann, TrainingDriver.dm(ann), "en");
        assertEquals("Welcome back! Here’s where you left off: question 4/10.", resumed.getFirst().fallback());
        assertEquals(shown(waiting), shown(question(resumed)));
        assertEquals(Replies.buttons(waiting), Replies.buttons(question(resumed)));

        // The old message's buttons still work, and the quiz ends with all ten answers counted.
        TrainingDriver driver2 = new TrainingDriver(after, TestContent.bundled());
        replies = List.of(waiting);
        for (int i = 3; i < 10; i++) {
            replies = driver2.press(ann, driver2.quizButton(question(replies), "en", true), "en");
        }
        assertTrue(Replies.text(replies.get(1)).contains("Quiz finished: 9/10 (90%)"), Replies.text(replies));
    }

    @Test
    void resumeWithNothingInProgressOffersToStart() {
        TrainingService service = TestServices.training(db.database(), clock, 42);
        List<Reply> replies = service.resume(ann, TrainingDriver.dm(ann), "en");
        assertEquals(1, replies.size());
        assertEquals("You have no quiz or role-play in progress.", replies.getFirst().fallback());
        assertEquals(List.of("Start the quiz", "Try a role-play"),
                Replies.buttons(replies.getFirst()).stream().map(Button::label).toList());
    }

    @Test
    void shufflesDifferBetweenPeopleButNotBetweenRuns() {
        TrainingService one = TestServices.training(db.database(), clock, 7);
        Actor bob = new Actor("slack", "U2", "Bob", null);
        String annFirst = shown(question(one.startQuiz(ann, TrainingDriver.dm(ann), "en", null)));
        String bobFirst = shown(question(one.startQuiz(bob, TrainingDriver.dm(bob), "en", null)));
        assertNotEquals(annFirst, bobFirst);
        assertEquals(annFirst, shown(question(one.startQuiz(ann, TrainingDriver.dm(ann), "en", null))));
    }
}
