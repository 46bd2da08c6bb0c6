package io.policybot.conversation;

import java.util.Locale;
import java.util.Objects;

/**
 * The person behind an inbound message.
 *
 * @param platform    "console", "slack", "discord", ...
 * @param userId      the platform's own user id (Slack U123, Discord snowflake)
 * @param displayName for greetings and reports; never logged
 * @param locale      the platform's locale for the user, or null when it has none
 */
public record Actor(String platform, String userId, String displayName, Locale locale) {
    public Actor {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }

    /** A stable key for this person across the engine and the store: platform plus user id. */
    public String key() {
        return platform + ":" + userId;
    }
}
