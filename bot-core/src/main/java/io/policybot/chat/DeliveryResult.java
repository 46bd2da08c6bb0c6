package io.policybot.chat;

import java.time.Duration;

/** What happened to one outbound message; decides whether the outbox retries. */
public sealed interface DeliveryResult {

    /** Delivered; {@code messageRef} is the platform's id for it (Slack ts, Discord message id). */
    record Sent(String messageRef) implements DeliveryResult {
    }

    /** Not delivered for now (rate limit, network, 5xx): try again after {@code after}, which may be zero. */
    record RetryLater(Duration after, String reason) implements DeliveryResult {
    }

    /** Never deliverable (DMs closed, user gone, no permission): recorded with its reason, not retried. */
    record Failed(String reason) implements DeliveryResult {
    }
}
