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
 */
public final class SlackCalls {
    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Sleeper sleeper;
    private final int maxAttempts;

    public SlackCalls(Sleeper sleeper, int maxAttempts) {
        this.sleeper = sleeper;
        this.maxAttempts = Math.max(1, maxAttempts);
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
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, call);
            } catch (SlackCallException e) {
                if (e.kind() == SlackCallException.Kind.PERMANENT || attempt >= maxAttempts) {
                    throw e;
                }
                Duration wait = e.kind() == SlackCallException.Kind.RATE_LIMITED
                        ? e.retryAfter()
                        : Duration.ofMillis(250L << Math.min(attempt - 1, 5));
                log.info("{} {} (attempt {} of {}), retrying in {} ms", method, e.error(), attempt, maxAttempts,
                        wait.toMillis());
                pause(wait, e);
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
