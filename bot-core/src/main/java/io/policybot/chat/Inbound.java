package io.policybot.chat;

import java.util.Objects;

/**
 * What a person did, translated by an adapter from its platform: a message they wrote or a button they pressed.
 * The console, Slack and Discord all end up here, and the engine answers each the same way.
 */
public sealed interface Inbound permits Inbound.Message, Inbound.ButtonPress {

    Actor actor();

    ChannelRef channel();

    /** Platform delivery id (Slack event_id, Discord interaction id...), used to answer a replayed event once; may be null. */
    String deliveryId();

    /**
     * A message: a DM, a mention, or a slash command's arguments.
     *
     * @param text what the person wrote, without the bot mention or the slash command name
     *             ("quiz", "ask can I post...", "can I post...")
     * @param kind how it arrived: a command's text is always read as a command or question
     */
    record Message(Actor actor, ChannelRef channel, String text, Kind kind, String deliveryId) implements Inbound {
        public Message {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(channel, "channel");
            text = text == null ? "" : text;
            Objects.requireNonNull(kind, "kind");
        }

        public Message(Actor actor, ChannelRef channel, String text, Kind kind) {
            this(actor, channel, text, kind, null);
        }

        public enum Kind { DIRECT_MESSAGE, MENTION, COMMAND }
    }

    /**
     * A button press on a message the bot sent.
     *
     * @param actionId what the button does, as the engine named it (see {@link Actions})
     * @param value    the button's payload, as the engine set it
     */
    record ButtonPress(Actor actor, ChannelRef channel, String actionId, String value, String deliveryId) implements Inbound {
        public ButtonPress {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(actionId, "actionId");
            value = value == null ? "" : value;
        }

        public ButtonPress(Actor actor, ChannelRef channel, String actionId, String value) {
            this(actor, channel, actionId, value, null);
        }
    }
}
