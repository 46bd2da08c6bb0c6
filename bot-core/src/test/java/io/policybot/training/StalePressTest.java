package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Button;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presses that must not count: replays, old buttons, someone else's, forgeries. Each gets one private reply. */
class StalePressTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final Actor ann = new Actor("slack", "U1", "Ann", null);
    private TrainingService service;
    private TrainingDriver driver;
    private SqlTrainingRepository training;

    @BeforeEach
    void setUp() {
        service = TestServices.training(db.database(), TestClock.at("2026-11-10T09:00:00Z"), 42);
        driver = new TrainingDriver(service, TestContent.bundled());
        training = new SqlTrainingRepository(db.database());
    }

    private String sessionId() {
        String personId = new SqlPersonRepository(db.database()).find("slack", "U1").orElseThrow().id();
        return training.active(personId).orElseThrow().id();
    }

    private static void assertRefused(List<Reply> replies, String text) {
        assertEquals(1, replies.size(), Replies.text(replies));
        assertEquals(Reply.PRIVATE, replies.getFirst().placement());
        assertEquals(text, replies.getFirst().fallback());
    }

    @Test
    void theSameButtonPressedTwiceCountsOnce() {
        Reply question = Replies.lastWithButtons(service.startQuiz(ann, TrainingDriver.dm(ann), "en", null));
        Button right = driver.quizButton(question, "en", true);
        assertEquals(Reply.REPLACE, driver.press(ann, right, "en").getFirst().placement());
        assertRefused(driver.press(ann, right, "en"), "You’ve already answered that question; your first answer counts.");
        // Another option of the answered question does not count either.
        assertRefused(driver.press(ann, driver.quizButton(question, "en", false), "en"),
                "You’ve already answered that question; your first answer counts.");
        List<RecordedAnswer> answers = training.answers(sessionId());
        assertEquals(1, answers.size());
        assertTrue(answers.getFirst().correct());
    }

    @Test
    void aReplayedPressRacingItselfIsRecordedOnce() throws Exception {
        Reply question = Replies.lastWithButtons(service.startQuiz(ann, TrainingDriver.dm(ann), "en", null));
        Button button = Replies.buttons(question).getFirst();
        List<Callable<List<Reply>>> presses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            presses.add(() -> driver.press(ann, button, "en"));
        }
        int accepted = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<List<Reply>> f : pool.invokeAll(presses)) {
                List<Reply> replies = f.get();
                if (replies.getFirst().placement().equals(Reply.REPLACE)) {
                    accepted++;
                } else {
                    assertRefused(replies, "You’ve already answered that question; your first answer counts.");
                }
            }
        }
        assertEquals(1, accepted);
        assertEquals(1, training.answers(sessionId()).size());
    }

    @Test
    void someoneElsesButtonIsRefused() {
        Reply question = Replies.lastWithButtons(service.startQuiz(ann, TrainingDriver.dm(ann), "en", null));
        Actor bob = new Actor("slack", "U2", "Bob", null);
        assertRefused(driver.press(bob, Replies.buttons(question).getFirst(), "en"),
                "That button belongs to someone else’s training, so nothing was recorded.");
        assertEquals(0, training.answers(sessionId()).size());
    }

    @Test
    void buttonsOfAFinishedQuizAreRefused() {
        Reply first = Replies.lastWithButtons(service.startQuiz(ann, TrainingDriver.dm(ann), "en", null));
        String sessionId = sessionId();
        List<Reply> replies = List.of(first);
        Reply question = first;
        for (int i = 0; i < 10; i++) {
            question = Replies.lastWithButtons(replies);
            replies = driver.press(ann, driver.quizButton(question, "en", true), "en");
        }
        String finished = "That quiz or role-play is already finished, so this answer wasn’t counted. "
                + "You can start again whenever you like.";
        assertRefused(driver.press(ann, Replies.buttons(question).getFirst(), "en"), finished);
        assertRefused(driver.press(ann, Replies.buttons(first).getFirst(), "en"), finished);
        assertEquals(10, training.answers(sessionId).size());
        String personId = new SqlPersonRepository(db.database()).find("slack", "U1").orElseThrow().id();
        assertEquals(1, training.completions(personId).size());
    }

    @Test
    void forgedOrOutOfOrderValuesAreRefused() {
        service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        String sid = sessionId();
        String unknown = "That button is from a quiz or role-play that has ended, so nothing was recorded. "
                + "Type **quiz** to start again.";
        String notCurrent = "That isn’t the question I’m waiting for, so nothing was recorded. "
                + "Type **quiz** to see the current one.";
        for (String value : new String[] {"", "garbage", "nosuchsession:0:0", sid + ":x:0"}) {
            assertRefused(press(Actions.QUIZ_ANSWER, value), unknown.replace("**", ""));
        }
        assertRefused(press(Actions.QUIZ_ANSWER, sid + ":5:0"), notCurrent.replace("**", ""));
        assertRefused(press(Actions.QUIZ_ANSWER, sid + ":0:9"), notCurrent.replace("**", ""));
        // A quiz session's id on a role-play button is not a role-play.
        assertRefused(press(Actions.ROLEPLAY_CHOOSE, sid + ":0:0"), unknown.replace("**", ""));
        assertEquals(0, training.answers(sid).size());
        assertEquals(List.of(), press("section.show", "x"));
    }

    private List<Reply> press(String action, String value) {
        return service.onButton(new Inbound.ButtonPress(ann, TrainingDriver.dm(ann), action, value), "en");
    }
}
