package io.policybot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the interaction and message ids seen recently, so a replayed event (gateway resume, a retried
 * delivery) is answered once. Bounded in time and size; time comes from the injected clock.
 */
final class ReplayGuard {
    private final Clock clock;
    private final Duration memory;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    ReplayGuard(Clock clock, Duration memory, int capacity) {
        this.clock = clock;
        this.memory = memory;
        this.capacity = capacity;
    }

    /** True the first time an id is seen; false for a replay. */
    synchronized boolean firstSeen(String id) {
        Instant now = clock.instant();
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> e = oldest.next();
            if (e.getValue().plus(memory).isAfter(now) && seen.size() < capacity) {
                break;
            }
            oldest.remove();
        }
        return seen.putIfAbsent(id, now) == null;
    }
}
