package io.policybot.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Someone the bot has met on a chat platform, with what HR's directory adds.
 *
 * @param id             the store's id, used by every other table
 * @param platformUserId the platform's own id (Slack U123, Discord snowflake)
 * @param email          from the directory; may be null (so are {@code team}, {@code managerId}, {@code joinedOn})
 * @param managerId      the manager's {@link #id}
 * @param firstSeen      when the bot first heard from them
 * @param joinedOn       the day they joined the company, when HR gave it
 */
public record Person(String id, String platform, String platformUserId, String displayName, String email, String team,
                     String managerId, Instant firstSeen, LocalDate joinedOn) {
    /** The chat platforms people can be on (the console is the terminal chat). */
    public static final java.util.Set<String> PLATFORMS = java.util.Set.of("slack", "discord", "console");

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformUserId, "platformUserId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        displayName = displayName == null || displayName.isBlank() ? platformUserId : displayName;
    }

    /** The day training deadlines count from: the joining date when known, else the day the bot first saw them. */
    public LocalDate startDate(ZoneId zone) {
        return joinedOn != null ? joinedOn : LocalDate.ofInstant(firstSeen, zone);
    }

    /** {@code platform:userId}, as reports, the audit log and the CLI name people. */
    public String key() {
        return platform + ":" + platformUserId;
    }

    /** A copy with the directory's fields replaced (null clears a field). */
    public Person withDirectory(String email, String team, String managerId, LocalDate joinedOn) {
        return new Person(id, platform, platformUserId, displayName, email, team, managerId, firstSeen, joinedOn);
    }
}
