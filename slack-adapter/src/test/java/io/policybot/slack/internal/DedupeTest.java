package io.policybot.slack.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DedupeTest {

    @Test
    void aKeyIsFirstOnceWithinTheWindowAndAgainAfterIt() {
        AtomicLong nanos = new AtomicLong();
        Dedupe dedupe = new Dedupe(nanos::get, Duration.ofMinutes(15), 100);
        assertTrue(dedupe.first("event:Ev1"));
        assertFalse(dedupe.first("event:Ev1"));
        assertTrue(dedupe.first("event:Ev2"));
        nanos.addAndGet(Duration.ofMinutes(16).toNanos());
        assertTrue(dedupe.first("event:Ev1"));
    }

    @Test
    void withoutAKeyNothingIsDeduplicated() {
        Dedupe dedupe = new Dedupe(System::nanoTime, Duration.ofMinutes(1), 10);
        assertTrue(dedupe.first(null));
        assertTrue(dedupe.first(null));
    }
}
