package io.policybot.announcements;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in the outbox.
 *
 * @param key        the idempotency key: announcement id and recipient (and day, for reminders)
 * @param recipient  the platform user id, or the channel role for {@link Kind#CHANNEL}
 * @param personId   who the message is about: the recipient, or the overdue report for {@link Kind#MANAGER}
 * @param attempts   tries so far
 */
public record OutboxMessage(String key, String announcementId, Kind kind, String platform, String recipient,
                            String personId, String language, Status status, int attempts, Instant nextAttemptAt,
                            String messageRef, String lastError) {
    public OutboxMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(announcementId, "announcementId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
    }

    /** A new pending message, due at {@code at}. */
    public static OutboxMessage pending(String key, String announcementId, Kind kind, String platform, String recipient,
                                        String personId, String language, Instant at) {
        return new OutboxMessage(key, announcementId, kind, platform, recipient, personId, language, Status.PENDING, 0,
                at, null, null);
    }

    public enum Kind {
        /** The post in the announcement channel. */
        CHANNEL,
        /** The DM with "I have read it" and "Start the update quiz". */
        ANNOUNCE,
        /** A reminder before the due date. */
        REMIND,
        /** A daily reminder once overdue. */
        OVERDUE,
        /** The note to a manager that a report is overdue. */
        MANAGER;

        /** The code stored in the database. */
        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum Status {
        PENDING, SENDING, SENT, FAILED, SKIPPED;

        /** The code stored in the database. */
        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
