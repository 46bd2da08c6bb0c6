package io.policybot.chat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerPoolTest {

    @Test
    void onePersonIsAnsweredInOrderWhileOthersGoAheadAndDrainWaitsForTheQueue() throws Exception {
        try (AnswerPool pool = new AnswerPool("test", 2, 10, 5)) {
            List<String> done = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch otherDone = new CountDownLatch(1);

            assertTrue(pool.offer("alice", () -> {
                await(release);
                done.add("alice-1");
            }));
            assertTrue(pool.offer("alice", () -> done.add("alice-2")));
            assertTrue(pool.offer("bob", () -> {
                done.add("bob-1");
                otherDone.countDown();
            }));

            assertTrue(otherDone.await(5, TimeUnit.SECONDS), "bob is not held up by alice");
            assertEquals(List.of("bob-1"), done);
            release.countDown();
            assertTrue(pool.drain(Duration.ofSeconds(5)));
            assertEquals(List.of("bob-1", "alice-1", "alice-2"), done);
            assertFalse(pool.offer("carol", () -> done.add("carol")), "no new work once draining");
            assertEquals(0, pool.pending());
        }
    }

    @Test
    void aFullPoolRefusesAtOnceAndTakesWorkAgainWhenItHasRoom() throws Exception {
        try (AnswerPool pool = new AnswerPool("test", 1, 3, 3)) {
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 3; i++) {
                assertTrue(pool.offer("user" + i, () -> await(release)));
            }
            assertEquals(3, pool.pending());
            assertFalse(pool.offer("dora", () -> { }), "full: refused, never blocks");
            assertEquals(1, pool.refused());
            release.countDown();
            assertTrue(pool.drain(Duration.ofSeconds(5)));
        }
        try (AnswerPool pool = new AnswerPool("test", 1, 3, 3)) {
            CountDownLatch release = new CountDownLatch(1);
            pool.offer("a", () -> await(release));
            pool.offer("b", () -> { });
            pool.offer("c", () -> { });
            assertFalse(pool.offer("d", () -> { }));
            release.countDown();
            CountDownLatch later = new CountDownLatch(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!pool.offer("d", later::countDown) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(later.await(5, TimeUnit.SECONDS), "taken once the others were answered");
        }
    }

    @Test
    void onePersonCannotFillThePoolForEveryoneElse() {
        try (AnswerPool pool = new AnswerPool("test", 1, 100, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            assertTrue(pool.offer("spammer", () -> await(release)));
            assertTrue(pool.offer("spammer", () -> { }));
            assertFalse(pool.offer("spammer", () -> { }), "over the per-person limit");
            assertTrue(pool.offer("bob", () -> { }), "others still get in");
            release.countDown();
            assertTrue(pool.drain(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() throws Exception {
        try (AnswerPool pool = new AnswerPool("test", 1, 10, 5)) {
            CountDownLatch second = new CountDownLatch(1);
            pool.offer("alice", () -> {
                throw new IllegalStateException("boom");
            });
            pool.offer("alice", second::countDown);
            assertTrue(second.await(5, TimeUnit.SECONDS));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
