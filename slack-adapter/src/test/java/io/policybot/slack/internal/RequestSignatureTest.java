package io.policybot.slack.internal;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestSignatureTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private final RequestSignature signature = new RequestSignature("secret", Clock.fixed(NOW, ZoneOffset.UTC));
    private final SlackSignature.Generator slack = new SlackSignature.Generator("secret");

    private boolean check(long timestamp, String body) {
        String ts = String.valueOf(timestamp);
        return signature.isValid(ts, slack.generate(ts, body), body);
    }

    @Test
    void acceptsASignatureWithinFiveMinutes() {
        assertTrue(check(NOW.getEpochSecond(), "a=b"));
        assertTrue(check(NOW.getEpochSecond() - 299, "a=b"));
        assertTrue(check(NOW.getEpochSecond() + 299, "a=b"));
    }

    @Test
    void rejectsStaleAndFutureTimestamps() {
        assertFalse(check(NOW.getEpochSecond() - 301, "a=b"));
        assertFalse(check(NOW.getEpochSecond() + 301, "a=b"));
    }

    @Test
    void rejectsMissingOrMalformedHeadersAndOtherSecrets() {
        String ts = String.valueOf(NOW.getEpochSecond());
        assertFalse(signature.isValid(null, "v0=00", "a=b"));
        assertFalse(signature.isValid(ts, null, "a=b"));
        assertFalse(signature.isValid("yesterday", "v0=00", "a=b"));
        assertFalse(signature.isValid(ts, new SlackSignature.Generator("other").generate(ts, "a=b"), "a=b"));
        assertFalse(signature.isValid(ts, slack.generate(ts, "a=b"), "a=c"));
    }
}
