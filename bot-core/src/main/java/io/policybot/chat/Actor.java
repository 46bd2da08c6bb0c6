package io.policybot.chat;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The person behind an inbound message.
 *
 * @param platform    "console", "slack", "discord", ...
 * @param userId      the platform's own user id (Slack U123, Discord snowflake)
 * @param displayName for greetings and reports; never logged
 * @param locale      the platform's locale for the user, or null when it has none
 * @param groups      the platform's group ids the person is in (Slack user group ids {@code S...}, Discord role ids),
 *                    for role checks; empty when the platform does not say. Not part of {@link #key()}.
 */
public record Actor(String platform, String userId, String displayName, Locale locale, Set<String> groups) {
    public Actor {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A person whose platform groups are unknown. */
    public Actor(String platform, String userId, String displayName, Locale locale) {
        this(platform, userId, displayName, locale, Set.of());
    }

    /** This person with {@code groups} as their platform groups. */
    public Actor withGroups(Set<String> groups) {
        return new Actor(platform, userId, displayName, locale, groups);
    }

    /** A stable key for this person across the engine and the store: platform plus user id. */
    public String key() {
        return platform + ":" + userId;
    }
}
