package io.policybot.slack;

import java.time.Duration;

/** Waits between retries (Retry-After on a 429, back-off on a 5xx); tests pass one that only records. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps: the current (virtual) thread parks. */
    Sleeper SYSTEM = Thread::sleep;
}
