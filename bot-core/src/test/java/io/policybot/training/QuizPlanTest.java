package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.QuizQuestion;
import io.policybot.testing.TestContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuizPlanTest {
    private final List<QuizQuestion> pool = TestContent.bundled().policy("social-media").orElseThrow().quiz("en");
    private final Map<String, QuizQuestion> byId = pool.stream().collect(Collectors.toMap(QuizQuestion::id, Function.identity()));

    @Test
    void tenQuestionsFromTenSectionsWithShuffledOptions() {
        QuizPlan plan = QuizPlan.draw(pool, 10, new SplittableRandom(1));
        assertEquals(10, plan.size());
        assertEquals(10, plan.questions().stream().map(p -> byId.get(p.id()).sectionId()).distinct().count());
        for (QuizPlan.Planned p : plan.questions()) {
            int n = byId.get(p.id()).options().size();
            assertEquals(new TreeSet<>(IntStream.range(0, n).boxed().toList()), new TreeSet<>(p.options()));
        }
        boolean anyShuffled = plan.questions().stream()
                .anyMatch(p -> !p.options().equals(IntStream.range(0, p.options().size()).boxed().toList()));
        assertTrue(anyShuffled);
    }

    @Test
    void theSeedDecidesThePlan() {
        assertEquals(QuizPlan.draw(pool, 10, new SplittableRandom(5)), QuizPlan.draw(pool, 10, new SplittableRandom(5)));
        assertNotEquals(QuizPlan.draw(pool, 10, new SplittableRandom(5)), QuizPlan.draw(pool, 10, new SplittableRandom(6)));
    }

    @Test
    void moreQuestionsThanSectionsTakesASecondRoundAndNeverRepeats() {
        QuizPlan plan = QuizPlan.draw(pool, 25, new SplittableRandom(2));
        assertEquals(25, plan.questions().stream().map(QuizPlan.Planned::id).distinct().count());
        Map<String, Long> perSection = plan.questions().stream()
                .collect(Collectors.groupingBy(p -> byId.get(p.id()).sectionId(), Collectors.counting()));
        assertTrue(perSection.values().stream().allMatch(c -> c <= 2), perSection.toString());
        assertEquals(pool.size(), QuizPlan.draw(pool, 500, new SplittableRandom(3)).size());
    }

    @Test
    void aQuizSessionWaitsForItsQuestionsInOrder() {
        QuizPlan plan = QuizPlan.draw(pool, 2, new SplittableRandom(4));
        QuizSession fresh = new QuizSession("s", plan, List.of());
        assertEquals(AnswerCheck.OK, fresh.check(0, 0));
        assertEquals(AnswerCheck.NOT_CURRENT, fresh.check(1, 0));
        assertEquals(AnswerCheck.NOT_CURRENT, fresh.check(0, 9));
        QuizQuestion q0 = byId.get(plan.get(0).id());
        int shownRight = plan.get(0).options().indexOf(q0.correctIndex());
        RecordedAnswer right = fresh.answer(0, shownRight, q0, Instant.EPOCH);
        assertTrue(right.correct());
        assertEquals(q0.correctIndex(), right.choice());
        assertFalse(fresh.answer(0, (shownRight + 1) % q0.options().size(), q0, Instant.EPOCH).correct());

        QuizSession one = new QuizSession("s", plan, List.of(right));
        assertEquals(AnswerCheck.ALREADY_ANSWERED, one.check(0, 0));
        assertEquals(AnswerCheck.OK, one.check(1, 0));
        QuizSession done = new QuizSession("s", plan, List.of(right, right));
        assertEquals(AnswerCheck.FINISHED, done.check(2, 0));
        assertEquals(2, done.correct());
    }

    @Test
    void thePassMarkIsInclusive() {
        TrainingSettings s = TrainingSettings.defaults();
        assertTrue(s.passes(8, 10));
        assertFalse(s.passes(7, 10));
        assertTrue(s.passes(4, 5));
        assertFalse(s.passes(2, 3));
        assertEquals(80, s.passMarkPercent());
        assertTrue(new TrainingSettings(10, 0.7, 30).passes(7, 10));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(0, 0.8, 30));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSettings(10, 80, 30));
    }

    @Test
    void buttonValuesRoundTripAndRejectForgeries() {
        ButtonValue v = new ButtonValue("0abcdefghijkl", 9, 3);
        assertEquals(v, ButtonValue.parse(v.encode()));
        assertTrue(v.encode().length() < 30);
        for (String bad : new String[] {"", "x", "a:b:c", "s:1", "s:-1:0", "s:1:2:3", ":1:2"}) {
            assertEquals(null, ButtonValue.parse(bad), bad);
        }
    }
}
