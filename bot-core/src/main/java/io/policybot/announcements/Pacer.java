package io.policybot.announcements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Spaces the messages to one platform at its allowed pace: one every {@code 1/rate} seconds, and none at all
 * until a Retry-After the platform asked for has passed. Time comes from the injected clock and waiting from the
 * {@link Sleeper}, so tests measure simulated time and never sleep.
 */
public final class Pacer {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private Instant next = Instant.MIN; // guarded by lock

    public Pacer(double perSecond, Clock clock, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = Duration.ofNanos(Math.max(1, Math.round(1e9 / perSecond)));
    }

    /** Waits for the next slot and takes it. */
    public void acquire() throws InterruptedException {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (next.isAfter(now)) {
                sleeper.sleep(Duration.between(now, next));
                now = clock.instant();
            }
            next = (next.isAfter(now) ? next : now).plus(interval);
        } finally {
            lock.unlock();
        }
    }

    /** Nothing goes out before {@code until} (the platform answered 429 with Retry-After). */
    public void pauseUntil(Instant until) {
        lock.lock();
        try {
            if (until.isAfter(next)) {
                next = until;
            }
        } finally {
            lock.unlock();
        }
    }

    public Duration interval() {
        return interval;
    }
}
