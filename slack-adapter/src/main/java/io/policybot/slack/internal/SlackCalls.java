package io.policybot.slack.internal;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.SlackApiTextResponse;
import io.policybot.slack.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Runs Web API calls. {@link #once} makes one attempt and classifies a failure; {@link #withRetries} waits out
 * a 429 for its Retry-After and a network or 5xx failure with a short back-off, so a reply is not lost.
 * The two have separate budgets: a burst of 429s (Slack asking us to slow down) does not use up the attempts
 * meant for server errors. Both are bounded by one total wait, so a person is not kept waiting for minutes.
 */
public final class SlackCalls {
    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** Rate-limit retries per call: Slack's 429s come in bursts, each with its own Retry-After. */
    public static final int DEFAULT_RATE_LIMIT_RETRIES = 10;
    /** The longest a call waits in all before it gives up (an answer later than this is not worth sending). */
    public static final Duration DEFAULT_MAX_TOTAL_WAIT = Duration.ofSeconds(60);

    private final Sleeper sleeper;
    private final int maxErrorAttempts;
    private final int maxRateLimitRetries;
    private final Duration maxTotalWait;

    /** @param maxErrorAttempts attempts when the call fails with a network or server error */
    public SlackCalls(Sleeper sleeper, int maxErrorAttempts) {
        this(sleeper, maxErrorAttempts, DEFAULT_RATE_LIMIT_RETRIES, DEFAULT_MAX_TOTAL_WAIT);
    }

    public SlackCalls(Sleeper sleeper, int maxErrorAttempts, int maxRateLimitRetries, Duration maxTotalWait) {
        this.sleeper = sleeper;
        this.maxErrorAttempts = Math.max(1, maxErrorAttempts);
        this.maxRateLimitRetries = Math.max(0, maxRateLimitRetries);
        this.maxTotalWait = maxTotalWait;
    }

    /** One Web API call. */
    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    public <T extends SlackApiTextResponse> T once(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            throw classify(method, e);
        } catch (SlackFilesUploadV2Exception e) {
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, "upload_failed", Duration.ZERO, e);
        } catch (IOException e) {
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, "network", Duration.ZERO, e);
        }
        if (response == null) {
            throw new SlackCallException(method, SlackCallException.Kind.TRANSIENT, "no_response", Duration.ZERO, null);
        }
        if (!response.isOk()) {
            String error = response.getError() == null ? "unknown_error" : response.getError();
            SlackCallException.Kind kind = TRANSIENT_ERRORS.contains(error)
                    ? ("ratelimited".equals(error) ? SlackCallException.Kind.RATE_LIMITED : SlackCallException.Kind.TRANSIENT)
                    : SlackCallException.Kind.PERMANENT;
            throw new SlackCallException(method, kind, error, DEFAULT_RETRY_AFTER, null);
        }
        return response;
    }

    public <T extends SlackApiTextResponse> T withRetries(String method, Call<T> call) {
        int errors = 0;
        int rateLimits = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            try {
                return once(method, call);
            } catch (SlackCallException e) {
                Duration wait;
                String budget;
                if (e.kind() == SlackCallException.Kind.PERMANENT) {
                    throw e;
                } else if (e.kind() == SlackCallException.Kind.RATE_LIMITED) {
                    if (++rateLimits > maxRateLimitRetries) {
                        throw e;
                    }
                    wait = e.retryAfter();
                    budget = "rate limit " + rateLimits + " of " + maxRateLimitRetries;
                } else {
                    if (++errors >= maxErrorAttempts) {
                        throw e;
                    }
                    wait = Duration.ofMillis(250L << Math.min(errors - 1, 5));
                    budget = "error " + errors + " of " + (maxErrorAttempts - 1);
                }
                if (waited.plus(wait).compareTo(maxTotalWait) > 0) {
                    log.info("{} {}: giving up, waiting {} ms more would pass {} s in all", method, e.error(),
                            wait.toMillis(), maxTotalWait.toSeconds());
                    throw e;
                }
                log.info("{} {} ({}), retrying in {} ms", method, e.error(), budget, wait.toMillis());
                pause(wait, e);
                waited = waited.plus(wait);
            }
        }
    }

    private void pause(Duration wait, SlackCallException cause) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    static SlackCallException classify(String method, SlackApiException e) {
        int status = e.getResponse().code();
        String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "http_" + status;
        if (status == 429) {
            return new SlackCallException(method, SlackCallException.Kind.RATE_LIMITED, "ratelimited",
                    retryAfter(e.getResponse().header("Retry-After")), e);
        }
        SlackCallException.Kind kind = status >= 500 ? SlackCallException.Kind.TRANSIENT : SlackCallException.Kind.PERMANENT;
        return new SlackCallException(method, kind, error, Duration.ZERO, e);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
