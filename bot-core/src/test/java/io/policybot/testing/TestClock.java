package io.policybot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it: due dates and timeouts without sleeping. Thread-safe. */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A UTC clock at {@code instant}, e.g. "2026-11-10T09:00:00Z". */
    public static TestClock at(String instant) {
        return new TestClock(new AtomicReference<>(Instant.parse(instant)), ZoneOffset.UTC);
    }

    public TestClock advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
        return this;
    }

    public TestClock set(Instant instant) {
        now.set(instant);
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, newZone);
    }
}
