package io.policybot.announcements;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How announcements behave, from the bot's configuration.
 *
 * @param updateDueDays      days after the announcement by which the update quiz is due
 * @param messagesPerSecond  the pace per platform ("slack", "discord", "console"); a platform not listed gets 1/s
 * @param maxAttempts        tries of one message before it is given up as failed
 * @param baseBackoff        the wait after the first transient failure without a Retry-After; doubled each time
 * @param maxBackoff         the longest wait between two tries
 * @param remindDaysBefore   days before the due date on which a reminder goes out (e.g. 7 and 1)
 * @param managerAfterDays   days overdue after which the manager is told (once); daily reminders go on meanwhile
 * @param defaultLanguage    the language of messages to people who never wrote to the bot
 */
public record AnnouncementSettings(int updateDueDays, Map<String, Double> messagesPerSecond, int maxAttempts,
                                   Duration baseBackoff, Duration maxBackoff, List<Integer> remindDaysBefore,
                                   int managerAfterDays, String defaultLanguage) {
    public AnnouncementSettings {
        if (updateDueDays < 0) {
            throw new IllegalArgumentException("updateDueDays cannot be negative: " + updateDueDays);
        }
        messagesPerSecond = Map.copyOf(messagesPerSecond);
        messagesPerSecond.forEach((platform, rate) -> {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("messagesPerSecond for " + platform + " must be positive: " + rate);
            }
        });
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        remindDaysBefore = List.copyOf(remindDaysBefore);
        if (managerAfterDays < 0) {
            throw new IllegalArgumentException("managerAfterDays cannot be negative: " + managerAfterDays);
        }
    }

    /**
     * Due in 30 days. Slack: 1 message a second (its per-channel pace, which also keeps a workspace well under
     * chat.postMessage's limit); Discord: 1 a second, which keeps opening DMs clear of its 40003 "opening direct
     * messages too fast" limit; the console: 1,000 a second. Reminders 7 days and 1 day before the due date, then
     * daily; the manager is told after 3 days overdue.
     */
    public static AnnouncementSettings defaults() {
        return new AnnouncementSettings(30, Map.of("slack", 1.0, "discord", 1.0, "console", 1000.0), 8,
                Duration.ofSeconds(2), Duration.ofMinutes(10), List.of(7, 1), 3, "en");
    }

    public AnnouncementSettings withUpdateDueDays(int days) {
        return new AnnouncementSettings(days, messagesPerSecond, maxAttempts, baseBackoff, maxBackoff, remindDaysBefore,
                managerAfterDays, defaultLanguage);
    }

    public AnnouncementSettings withRate(String platform, double perSecond) {
        Map<String, Double> rates = new java.util.HashMap<>(messagesPerSecond);
        rates.put(platform, perSecond);
        return new AnnouncementSettings(updateDueDays, rates, maxAttempts, baseBackoff, maxBackoff, remindDaysBefore,
                managerAfterDays, defaultLanguage);
    }

    public double rate(String platform) {
        return messagesPerSecond.getOrDefault(platform, 1.0);
    }

    /** The wait before try {@code attempt + 1} after {@code attempt} transient failures: base x 2^(attempt-1), capped. */
    public Duration backoff(int attempt) {
        Duration d = baseBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
