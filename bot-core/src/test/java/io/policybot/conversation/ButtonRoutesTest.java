package io.policybot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.ButtonHandler;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each press goes to the capability that registered the longest prefix of its action id, and to no one else. */
class ButtonRoutesTest {

    private static ButtonHandler handler(String... prefixes) {
        return new ButtonHandler() {
            @Override
            public Set<String> prefixes() {
                return Set.of(prefixes);
            }

            @Override
            public List<Reply> onButton(Inbound.ButtonPress press, String language) {
                return List.of();
            }
        };
    }

    @Test
    void theLongestPrefixWinsAndUnknownActionsGoNowhere() {
        ButtonHandler training = handler("quiz.", "update.quiz.");
        ButtonHandler updates = handler("update.");
        ButtonRoutes routes = new ButtonRoutes(List.of(training, updates));
        assertEquals(training, routes.route("quiz.answer").orElseThrow());
        assertEquals(training, routes.route("update.quiz.start").orElseThrow());
        assertEquals(updates, routes.route("update.other").orElseThrow());
        // Not training's by default, as it was: nobody's.
        assertTrue(routes.route("made.up").isEmpty());
        assertTrue(routes.route("quiz").isEmpty());
        assertTrue(routes.route(null).isEmpty());
    }

    @Test
    void twoCapabilitiesCannotClaimTheSamePrefix() {
        assertThrows(IllegalArgumentException.class,
                () -> new ButtonRoutes(List.of(handler("quiz."), handler("quiz."))));
    }
}
