package io.policybot.slack.internal;

import com.slack.api.app_backend.SlackSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Slack's request signature: {@code v0=} + hex(HmacSHA256(secret, "v0:" + timestamp + ":" + body)), with a
 * timestamp no more than five minutes from now (either way), compared in constant time.
 */
public final class RequestSignature {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    public RequestSignature(String signingSecret, Clock clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    public boolean isValid(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > MAX_SKEW.toSeconds()) {
            return false;
        }
        String expected = generator.generate(timestamp, body);
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
