package io.policybot.slack.internal;

import io.policybot.slack.SlackAdapterException;

import java.time.Duration;

/**
 * A Web API call that did not succeed, classified for retrying.
 *
 * @see Kind
 */
public final class SlackCallException extends SlackAdapterException {

    /** RATE_LIMITED: 429, wait {@link #retryAfter()}. TRANSIENT: network or 5xx. PERMANENT: Slack said no. */
    public enum Kind { RATE_LIMITED, TRANSIENT, PERMANENT }

    private final Kind kind;
    private final String error;
    private final Duration retryAfter;

    SlackCallException(String method, Kind kind, String error, Duration retryAfter, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.kind = kind;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** Slack's error code ("channel_not_found"), or "http_503", "network". */
    public String error() {
        return error;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
