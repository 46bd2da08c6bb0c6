package io.policybot.chat;

import java.util.Objects;

/**
 * Where a message came from.
 *
 * @param id     the platform's channel id (a DM channel too)
 * @param direct true for a one-to-one conversation with the bot: personal results may be shown openly there
 */
public record ChannelRef(String id, boolean direct) {
    public ChannelRef {
        Objects.requireNonNull(id, "id");
    }
}
