package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.Person;
import io.policybot.testing.StoreContract;
import io.policybot.training.AnswerOutcome;
import io.policybot.training.Completion;
import io.policybot.training.Modules;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingSession;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of every {@link TrainingRepository} implementation, on every database. */
public abstract class TrainingRepositoryContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");


    private TrainingSession session(String id, Person p) {
        return new TrainingSession(id, p.id(), Modules.QUIZ, "social-media", "1.0", "en", SessionStatus.ACTIVE,
                "{\"questions\":[]}", T0, T0);
    }

    @Test
    void onePersonHasOneActiveSessionAtMost() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        TrainingRepository training = stores().training();
        assertTrue(training.create(session("s1", ann)));
        assertFalse(training.create(session("s2", ann)));
        assertEquals("s1", training.active(ann.id()).orElseThrow().id());
        assertTrue(training.find("s2").isEmpty());
        training.abandon("s1", T0);
        assertEquals(SessionStatus.ABANDONED, training.find("s1").orElseThrow().status());
        assertTrue(training.create(session("s2", ann)));
    }

    @Test
    void anAnswerIsRecordedOnceAndOnlyInAnActiveSession() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        TrainingRepository training = stores().training();
        training.create(session("s1", ann));
        RecordedAnswer first = new RecordedAnswer("s1", 0, "q1", 2, true, T0);
        assertEquals(AnswerOutcome.RECORDED, training.recordAnswer(first, "{\"v\":1}", null, T0));
        // A replay with another option: the first answer stands.
        assertEquals(AnswerOutcome.ALREADY_ANSWERED,
                training.recordAnswer(new RecordedAnswer("s1", 0, "q1", 1, false, T0), "{\"v\":2}", null, T0));
        assertEquals(List.of(first), training.answers("s1"));
        assertEquals("{\"v\":1}", training.find("s1").orElseThrow().state());

        Completion done = new Completion("c1", ann.id(), "s1", Modules.QUIZ, "social-media", "1.0", 2, 2, true, T0);
        assertEquals(AnswerOutcome.RECORDED,
                training.recordAnswer(new RecordedAnswer("s1", 1, "q2", 0, true, T0), "{}", done, T0));
        assertEquals(SessionStatus.FINISHED, training.find("s1").orElseThrow().status());
        assertTrue(training.active(ann.id()).isEmpty());
        assertEquals(List.of(done), training.completions(ann.id()));
        assertEquals(List.of(done), training.completionsOfPolicy("social-media"));
        assertEquals(AnswerOutcome.SESSION_NOT_ACTIVE,
                training.recordAnswer(new RecordedAnswer("s1", 2, "q3", 0, true, T0), "{}", null, T0));
        assertEquals(AnswerOutcome.SESSION_NOT_ACTIVE,
                training.recordAnswer(new RecordedAnswer("nope", 0, "q3", 0, true, T0), "{}", null, T0));
        assertEquals(2, training.answers("s1").size());
    }

    @Test
    void theSameAnswerFromTwoReplicasAtOnceIsRecordedOnceAndFinishesTheSessionOnce() throws Exception {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        stores().training().create(session("s1", ann));
        List<TrainingRepository> replicas = List.of(stores().training(), replica().training(), replica().training());
        List<java.util.concurrent.Callable<AnswerOutcome>> presses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TrainingRepository at = replicas.get(i % replicas.size());
            String id = "c" + i;
            presses.add(() -> at.recordAnswer(new RecordedAnswer("s1", 0, "q1", 1, true, T0), "{}",
                    new Completion(id, ann.id(), "s1", Modules.QUIZ, "social-media", "1.0", 1, 1, true, T0), T0));
        }
        List<AnswerOutcome> outcomes = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var f : pool.invokeAll(presses)) {
                outcomes.add(f.get());
            }
        }
        assertEquals(1, outcomes.stream().filter(o -> o == AnswerOutcome.RECORDED).count(), outcomes.toString());
        assertEquals(1, stores().training().completions(ann.id()).size());
        assertEquals(SessionStatus.FINISHED, stores().training().find("s1").orElseThrow().status());
    }
}
