package io.policybot.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.dedupe.sql.SqlEventDedupe;
import io.policybot.store.Database;
import io.policybot.testing.StoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of the shared {@link EventDedupe}, on every database. */
public abstract class EventDedupeContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(30);

    protected EventDedupe dedupe(Database db) {
        return new SqlEventDedupe(db, WINDOW);
    }

    @Test
    void aKeyIsFirstOnceWithinTheWindowAndAgainAfterIt() {
        EventDedupe seen = dedupe(database());
        assertTrue(seen.firstTime("slack:Ev1", T0));
        assertFalse(seen.firstTime("slack:Ev1", T0.plusSeconds(60)));
        assertTrue(seen.firstTime("discord:Ev1", T0.plusSeconds(60)), "another platform's id is another key");
        assertFalse(dedupe(database()).firstTime("slack:Ev1", T0.plus(WINDOW).minusSeconds(1)), "kept in the store");
        assertTrue(seen.firstTime("slack:Ev1", T0.plus(WINDOW).plusSeconds(61)));
        assertTrue(seen.firstTime("slack:" + "x".repeat(500), T0));
    }

    @Test
    void aRetryThatReachesAnotherReplicaIsRecognisedThere() throws Exception {
        List<EventDedupe> replicas = List.of(dedupe(database()), dedupe(replicaDatabase()), dedupe(replicaDatabase()));
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            EventDedupe at = replicas.get(i % replicas.size());
            deliveries.add(() -> at.firstTime("slack:Ev42", T0));
        }
        int answered = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> f : pool.invokeAll(deliveries)) {
                answered += f.get() ? 1 : 0;
            }
        }
        assertEquals(1, answered);
    }
}
