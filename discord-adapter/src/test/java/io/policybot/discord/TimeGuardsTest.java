package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeGuardsTest {
    private final MutableClock clock = new MutableClock(Harness.START);

    @Test
    void replaysAreRecognisedUntilForgotten() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(20), 2);

        assertTrue(guard.firstSeen("a"));
        assertFalse(guard.firstSeen("a"));
        clock.advance(Duration.ofMinutes(21));
        assertTrue(guard.firstSeen("a"), "forgotten after the memory window");
        assertTrue(guard.firstSeen("b"));
        assertTrue(guard.firstSeen("c"));
        assertTrue(guard.firstSeen("a"), "the oldest goes first when full");
    }

    @Test
    void thePacerGrantsOneSlotPerInterval() {
        DmPacer pacer = new DmPacer(clock, Duration.ofSeconds(1));

        assertEquals(Duration.ZERO, pacer.reserve());
        assertEquals(Duration.ofSeconds(1), pacer.reserve());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, pacer.reserve());
        pacer.backOff(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(1), pacer.reserve());
    }

    @Test
    void customIdsRoundTripAndRejectForeignIds() {
        var button = new io.policybot.chat.Button("roleplay.choose", "Report it", "s2:step3:c");

        assertEquals(new CustomIds.Parsed("roleplay.choose", "s2:step3:c"), CustomIds.parse(CustomIds.encode(button)).orElseThrow());
        assertEquals(new CustomIds.Parsed("quiz.start", ""), CustomIds.parse("quiz.start").orElseThrow());
        assertTrue(CustomIds.parse("Other:thing").isEmpty());
        assertTrue(CustomIds.parse(null).isEmpty());
    }
}
