package io.policybot.training;

import java.time.Instant;
import java.util.Optional;

/**
 * "I have read it" for one policy version. For a policy without a quiz (acknowledgement-only) this is its whole
 * training: {@link TrainingRules} counts it as done.
 */
public record Acknowledged(String policyId, String policyVersion, Instant at) {
    private static final String BUTTON_PREFIX = "read:";

    /**
     * The value of an "I have read it" button that names the policy version itself (status and the home view offer
     * it to people no announcement reached, new joiners for example); announcement DMs carry the announcement id.
     */
    public static String buttonValue(String policyId, String version) {
        return BUTTON_PREFIX + policyId + ":" + version;
    }

    /** A policy version named by a button. */
    public record Named(String policyId, String version) {
    }

    /** The policy id and version of a {@link #buttonValue}, or empty for any other value. */
    public static Optional<Named> parseButtonValue(String value) {
        if (value == null || !value.startsWith(BUTTON_PREFIX)) {
            return Optional.empty();
        }
        String rest = value.substring(BUTTON_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Named(rest.substring(0, colon), rest.substring(colon + 1)));
    }
}
