package io.policybot.slack.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerKeyExecutorTest {

    @Test
    void oneKeyRunsInOrderWhileOtherKeysGoAheadAndDrainWaitsForTheQueue() throws Exception {
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        PerKeyExecutor executor = new PerKeyExecutor(workers);
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherDone = new CountDownLatch(1);

        executor.execute("alice", () -> {
            await(release);
            done.add("alice-1");
        });
        executor.execute("alice", () -> done.add("alice-2"));
        executor.execute("bob", () -> {
            done.add("bob-1");
            otherDone.countDown();
        });

        assertTrue(otherDone.await(5, TimeUnit.SECONDS), "bob is not held up by alice");
        assertEquals(List.of("bob-1"), done);
        release.countDown();
        assertTrue(executor.drain(Duration.ofSeconds(5)));
        assertEquals(List.of("bob-1", "alice-1", "alice-2"), done);
        assertFalse(executor.execute("carol", () -> done.add("carol")), "no new work once draining");
        workers.shutdown();
    }

    @Test
    void aFailingTaskDoesNotStopTheNext() throws Exception {
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        PerKeyExecutor executor = new PerKeyExecutor(workers);
        CountDownLatch second = new CountDownLatch(1);
        executor.execute("alice", () -> {
            throw new IllegalStateException("boom");
        });
        executor.execute("alice", second::countDown);
        assertTrue(second.await(5, TimeUnit.SECONDS));
        workers.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
