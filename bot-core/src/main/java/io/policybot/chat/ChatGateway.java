package io.policybot.chat;

import java.util.List;

/**
 * The outbound port for messages nobody asked for right now: announcements, reminders, notes to managers.
 * Each chat adapter implements it; the announcement outbox calls it at the platform's pace and retries by the result.
 * Implementations never block on the platform's event thread and never throw for a platform refusal.
 */
public interface ChatGateway {

    /** "slack", "discord", "console"... as in {@link Actor#platform()}. */
    String platform();

    /** Sends a DM to the person with this platform user id. */
    DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback);

    /** Posts to a configured channel (announcements, HR). */
    DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback);

    /**
     * Whether a channel is configured for {@code role}: the engine offers "Ask HR" only where HR has one. True when
     * the gateway cannot tell yet (the post's {@link DeliveryResult} then says what happened).
     */
    default boolean hasChannel(Reply.ChannelRole role) {
        return true;
    }

    /**
     * A DM sent by the outbox, with its idempotency key: the same key may come again after a crash (the outbox is
     * at-least-once). A platform that can deduplicate by key (Discord's enforced nonce) should, so the person
     * still gets one message; by default the key is ignored.
     */
    default DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback, String idempotencyKey) {
        return sendDirect(userId, blocks, fallback);
    }

    /** A channel post sent by the outbox, with its idempotency key (see {@link #sendDirect(String, List, String, String)}). */
    default DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback, String idempotencyKey) {
        return sendToChannel(role, blocks, fallback);
    }
}
