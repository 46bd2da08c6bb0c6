package io.policybot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces out the opening of DM channels for bulk sends: Discord answers 40003 ("opening direct messages too
 * fast") when a bot opens many at once. It never sleeps: {@link #reserve()} either grants a slot now or says how
 * long to wait, which the gateway returns as a retry-later result for the outbox to honour.
 */
final class DmPacer {
    private final Clock clock;
    private final Duration interval;
    private Instant next = Instant.MIN;

    DmPacer(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** {@link Duration#ZERO} and a slot taken, or the time until the next free slot (nothing taken). */
    synchronized Duration reserve() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return Duration.between(now, next);
        }
        next = now.plus(interval);
        return Duration.ZERO;
    }

    /** Discord said "too fast": no slot before {@code pause} from now. */
    synchronized void backOff(Duration pause) {
        Instant until = clock.instant().plus(pause);
        if (until.isAfter(next)) {
            next = until;
        }
    }
}
