package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.QuizQuestion;
import io.policybot.chat.Actor;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TrainingDriver;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HR edits the content while someone is mid-quiz: a session whose questions are gone is closed, never broken. */
class ContentChangeTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final Actor ann = new Actor("slack", "U1", "Ann", null);

    /** The bundled library with only the quiz questions not in {@code removed}. */
    private static ContentLibrary without(List<String> removed) {
        ContentLibrary full = TestContent.bundled();
        Policy p = full.policy("social-media").orElseThrow();
        Map<String, List<QuizQuestion>> quizzes = p.quizzes().entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().filter(q -> !removed.contains(q.id())).toList()));
        return new ContentLibrary(full.settings(), Map.of(p.id(), new Policy(p.id(), p.documents(), quizzes, p.scenarios())),
                "edited");
    }

    @Test
    void aSessionWhoseQuestionsWereRemovedIsClosedAndANewOneStarts() {
        AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
        SqlTrainingRepository training = new SqlTrainingRepository(db.database());
        TrainingService service = new TrainingService(content::get, training, new SqlPersonRepository(db.database()),
                TrainingSettings.defaults(), TestClock.at("2026-11-10T09:00:00Z"), new Random(5));
        Reply question = Replies.lastWithButtons(service.startQuiz(ann, TrainingDriver.dm(ann), "en", null));
        String personId = new SqlPersonRepository(db.database()).find("slack", "U1").orElseThrow().id();
        TrainingSession first = training.active(personId).orElseThrow();
        List<String> planned = new StateJsonAccess().plan(first).questions().stream()
                .map(QuizPlan.Planned::id).toList();

        content.set(without(List.of(planned.get(3))));
        Button pressed = Replies.buttons(question).getFirst();
        List<Reply> replies = new TrainingDriver(service, content.get()).press(ann, pressed, "en");
        assertEquals(1, replies.size());
        assertEquals(Reply.PRIVATE, replies.getFirst().placement());
        assertTrue(replies.getFirst().fallback().startsWith("The training content changed since you started"));
        assertEquals("Start the quiz", Replies.buttons(replies.getFirst()).getFirst().label());
        assertEquals(SessionStatus.ABANDONED, training.find(first.id()).orElseThrow().status());
        assertEquals(0, training.answers(first.id()).size());

        List<Reply> fresh = service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        assertTrue(Replies.text(fresh).contains("Question 1/10"));
        assertNotEquals(first.id(), training.active(personId).orElseThrow().id());
    }

    @Test
    void resumingASessionWhoseQuestionsWereRemovedStartsAfresh() {
        AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
        SqlTrainingRepository training = new SqlTrainingRepository(db.database());
        TrainingService service = new TrainingService(content::get, training, new SqlPersonRepository(db.database()),
                TrainingSettings.defaults(), TestClock.at("2026-11-10T09:00:00Z"), new Random(5));
        service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        String personId = new SqlPersonRepository(db.database()).find("slack", "U1").orElseThrow().id();
        TrainingSession first = training.active(personId).orElseThrow();
        content.set(without(new StateJsonAccess().plan(first).questions().stream().map(QuizPlan.Planned::id).toList()));

        List<Reply> replies = service.resume(ann, TrainingDriver.dm(ann), "en");
        assertEquals("You have no quiz or role-play in progress.", replies.getFirst().fallback());
        assertEquals(SessionStatus.ABANDONED, training.find(first.id()).orElseThrow().status());
    }
}
