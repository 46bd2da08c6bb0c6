package io.policybot.discord;

import io.policybot.chat.DeliveryResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HttpException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/** What a failed Discord request means for the outbox, and a log-safe description of it (codes, no content). */
final class DeliveryErrors {
    static final Duration SERVER_RETRY = Duration.ofSeconds(30);
    static final Duration NETWORK_RETRY = Duration.ofSeconds(30);
    static final Duration DM_TOO_FAST_PAUSE = Duration.ofMinutes(1);

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    static boolean isDmClosed(Throwable t) {
        return unwrap(t) instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER;
    }

    /**
     * Whether Discord refused the interaction's webhook: the token expired or is unknown (50027, 10015, 10062) or
     * the deferred message is gone (10008, deleted by a moderator). The reply must then go another way.
     */
    static boolean isHookRefused(Throwable t) {
        return unwrap(t) instanceof ErrorResponseException e && e.getErrorResponse() != null
                && switch (e.getErrorResponse()) {
                    case INVALID_WEBHOOK_TOKEN, UNKNOWN_WEBHOOK, UNKNOWN_INTERACTION, UNKNOWN_MESSAGE -> true;
                    default -> false;
                };
    }

    /** Whether the token itself is dead (not just one message gone): every later hook call would fail too. */
    static boolean isTokenDead(Throwable t) {
        return unwrap(t) instanceof ErrorResponseException e && e.getErrorResponse() != null
                && switch (e.getErrorResponse()) {
                    case INVALID_WEBHOOK_TOKEN, UNKNOWN_WEBHOOK, UNKNOWN_INTERACTION -> true;
                    default -> false;
                };
    }

    static boolean isDmTooFast(Throwable t) {
        return unwrap(t) instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.OPEN_DM_TOO_FAST;
    }

    static DeliveryResult toResult(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ErrorResponseException e) {
            if (e.getResponse() != null && e.getResponse().isRateLimit()) {
                return new DeliveryResult.RetryLater(Duration.ofMillis(Math.max(0, e.getResponse().retryAfter)),
                        "rate limited");
            }
            if (e.getErrorResponse() == null) {
                return new DeliveryResult.Failed("discord error " + e.getErrorCode());
            }
            return switch (e.getErrorResponse()) {
                case CANNOT_SEND_TO_USER -> new DeliveryResult.Failed("dms closed");
                case UNKNOWN_USER -> new DeliveryResult.Failed("unknown user");
                case OPEN_DM_TOO_FAST -> new DeliveryResult.RetryLater(DM_TOO_FAST_PAUSE, "opening DMs too fast");
                case SERVER_ERROR -> new DeliveryResult.RetryLater(SERVER_RETRY, "discord server error");
                case UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS ->
                        new DeliveryResult.Failed("no access to channel (" + e.getErrorCode() + ")");
                default -> new DeliveryResult.Failed("discord error " + e.getErrorCode());
            };
        }
        if (t instanceof RateLimitedException e) {
            return new DeliveryResult.RetryLater(Duration.ofMillis(Math.max(0, e.getRetryAfter())), "rate limited");
        }
        if (t instanceof HttpException || t instanceof IOException || t instanceof TimeoutException
                || t instanceof CancellationException) {
            return new DeliveryResult.RetryLater(NETWORK_RETRY, "network: " + t.getClass().getSimpleName());
        }
        return new DeliveryResult.RetryLater(NETWORK_RETRY, "unexpected: " + t.getClass().getSimpleName());
    }

    /** For logs: the error's type and Discord code, never the message text that was being sent. */
    static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ErrorResponseException e) {
            return "discord " + e.getErrorResponse() + " (" + e.getErrorCode() + ")";
        }
        if (t instanceof DiscordException e) {
            return e.getMessage(); // the adapter's own words: configuration, never message content
        }
        return t.getClass().getName();
    }

    private DeliveryErrors() {
    }
}
