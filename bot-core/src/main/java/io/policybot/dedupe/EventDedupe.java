package io.policybot.dedupe;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;

/**
 * Deliveries already handled (a platform event id, a button press, an interaction id), so a replayed or retried
 * delivery is answered once. In memory for one process; {@code dedupe.sql.SqlEventDedupe} shares it through the
 * database, so a retry that reaches another replica is recognised there too.
 */
@FunctionalInterface
public interface EventDedupe {
    /**
     * True the first time {@code key} is offered within the store's window (by any process sharing the store);
     * false for a replay. Keys should name their platform ({@code "slack:Ev123"}).
     */
    boolean firstTime(String key, Instant now);

    /** One process's memory of the last {@code window} (at most {@code maxEntries} keys). */
    static EventDedupe inMemory(Duration window, long maxEntries) {
        Cache<String, Boolean> seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxEntries).build();
        return (key, now) -> seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
