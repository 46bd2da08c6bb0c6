package io.policybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policybot.testing.PostgresTestDatabase;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas whose writes lock the same two rows in opposite orders: PostgreSQL aborts one of them as a deadlock
 * (after its deadlock_timeout, 1 s), and the loser's write runs again by itself: neither caller sees a failure.
 */
class PostgresDeadlockTest {
    private final PostgresTestDatabase pg = new PostgresTestDatabase();

    @AfterEach
    void close() {
        pg.close();
    }

    @Test
    void aWriteThatLosesADeadlockRunsAgainAndSucceeds() throws Exception {
        Database a = pg.database();
        Database b = pg.replica();
        a.inTransaction(c -> Sql.update(c, "INSERT INTO person (id, platform, platform_user_id, display_name, "
                + "first_seen_at) VALUES ('p1', 'slack', 'U1', 'Ann', 0), ('p2', 'slack', 'U2', 'Bob', 0)"));
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = pool.submit(() -> a.inTransaction(c -> rename(c, bothHoldOne, "p1", "p2", "A")));
            Future<Integer> second = pool.submit(() -> b.inTransaction(c -> rename(c, bothHoldOne, "p2", "p1", "B")));
            assertEquals(2, first.get());
            assertEquals(2, second.get());
        }
        List<String> names = a.read(c -> Sql.list(c, "SELECT display_name FROM person ORDER BY id", r -> r.string(1)));
        assertEquals(1, names.stream().distinct().count(), "the write that ran again renamed both: " + names);
    }

    private static int rename(java.sql.Connection c, CountDownLatch bothHoldOne, String firstId, String secondId,
                              String name) throws java.sql.SQLException {
        int n = Sql.update(c, "UPDATE person SET display_name = ? WHERE id = ?", name, firstId);
        bothHoldOne.countDown();
        try {
            bothHoldOne.await(); // on the second run (after the deadlock) this no longer waits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return n + Sql.update(c, "UPDATE person SET display_name = ? WHERE id = ?", name, secondId);
    }
}
