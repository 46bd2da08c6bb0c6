package io.policybot.discord;

import io.policybot.chat.Actions;
import io.policybot.chat.Button;
import java.util.Optional;

/** A button's custom id is {@code actionId + ":" + value}; Discord caps it at 100 characters. */
final class CustomIds {
    static final int MAX_LENGTH = 100;
    private static final char SEPARATOR = ':';

    record Parsed(String actionId, String value) {
    }

    static String encode(Button button) {
        String id = button.actionId() + SEPARATOR + button.value();
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("button custom id longer than " + MAX_LENGTH + ": " + button.actionId());
        }
        return id;
    }

    /** The engine action and value, or empty when the id is not one of ours. The value may itself contain ':'. */
    static Optional<Parsed> parse(String customId) {
        if (customId == null) {
            return Optional.empty();
        }
        int at = customId.indexOf(SEPARATOR);
        String actionId = at < 0 ? customId : customId.substring(0, at);
        String value = at < 0 ? "" : customId.substring(at + 1);
        return Actions.isEngineAction(actionId) ? Optional.of(new Parsed(actionId, value)) : Optional.empty();
    }

    private CustomIds() {
    }
}
