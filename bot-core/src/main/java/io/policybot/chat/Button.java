package io.policybot.chat;

import java.util.Objects;

/**
 * A button. {@code actionId} and {@code value} come back unchanged in the {@link Inbound.ButtonPress}.
 * Values stay short (platforms cap them: Discord at 100 characters for the whole custom id).
 */
public record Button(String actionId, String label, String value, Style style) {
    public Button {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
        style = style == null ? Style.DEFAULT : style;
        if (actionId.length() + value.length() > 90) {
            throw new IllegalArgumentException("button action and value too long for every platform: " + actionId);
        }
    }

    public Button(String actionId, String label, String value) {
        this(actionId, label, value, Style.DEFAULT);
    }

    public enum Style { DEFAULT, PRIMARY, DANGER }
}
