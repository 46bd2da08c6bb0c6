package io.policybot.announcements;

import io.policybot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable outbox (table {@code outbox_message}): every message an announcement or a reminder sends is a row
 * first, so a crash loses nothing and the dispatcher resumes where it stopped.
 *
 * <p>Life of a row: {@code pending} -> {@code sending} (claimed, committed before the platform is called) ->
 * {@code sent}, back to {@code pending} with a later {@code next_attempt_at} (transient failure), {@code failed}
 * (permanent, with the reason) or {@code skipped} (a reminder no longer needed). Enqueueing the same idempotency
 * key twice stores one row.
 */
public final class AnnouncementOutbox {
    private static final String COLUMNS = "idempotency_key, announcement_id, kind, platform, recipient, person_id, "
            + "language, status, attempts, next_attempt_at, message_ref, last_error";
    private final Database db;

    public AnnouncementOutbox(Database db) {
        this.db = db;
    }

    /** How far an announcement's messages are. */
    public record Progress(int sent, int pending, int failed, int skipped, List<String> failures) {
        public Progress {
            failures = List.copyOf(failures);
        }

        public int total() {
            return sent + pending + failed + skipped;
        }
    }

    /** Stores the messages whose keys are new; returns how many were new. Joins the caller's transaction if any. */
    public int enqueue(List<OutboxMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (" + COLUMNS
                    + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (idempotency_key) DO NOTHING")) {
                int inBatch = 0;
                for (OutboxMessage m : messages) {
                    ps.setString(1, m.key());
                    ps.setString(2, m.announcementId());
                    ps.setString(3, m.kind().column());
                    ps.setString(4, m.platform());
                    ps.setString(5, m.recipient());
                    ps.setString(6, m.personId());
                    ps.setString(7, m.language());
                    ps.setString(8, m.status().column());
                    ps.setInt(9, m.attempts());
                    ps.setLong(10, m.nextAttemptAt().toEpochMilli());
                    ps.setString(11, m.messageRef());
                    ps.setString(12, m.lastError());
                    ps.setLong(13, now.toEpochMilli());
                    ps.setLong(14, now.toEpochMilli());
                    ps.addBatch();
                    if (++inBatch == 1000) {
                        added += count(ps.executeBatch());
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    added += count(ps.executeBatch());
                }
            }
            return added;
        });
    }

    /**
     * Takes up to {@code limit} due messages of the platform and marks them {@code sending} in the same committed
     * transaction, before any of them is handed to the platform.
     */
    public List<OutboxMessage> claim(String platform, Instant now, int limit) {
        return db.inTransaction(c -> {
            List<OutboxMessage> due = select(c, "WHERE platform = ? AND status = 'pending' AND next_attempt_at <= ? "
                    + "ORDER BY next_attempt_at, created_at LIMIT ?", platform, now.toEpochMilli(), limit);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_message SET status = 'sending', updated_at = ? WHERE idempotency_key = ?")) {
                for (OutboxMessage m : due) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setString(2, m.key());
                    ps.addBatch();
                }
                if (!due.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return due;
        });
    }

    public void markSent(String key, String messageRef, int attempts, Instant now) {
        update(key, "sent", attempts, now, messageRef, null);
    }

    /** Back to pending, to be tried again at {@code at}. */
    public void markRetry(String key, int attempts, Instant at, String reason, Instant now) {
        update(key, "pending", attempts, at, null, reason);
    }

    public void markFailed(String key, int attempts, String reason, Instant now) {
        update(key, "failed", attempts, now, null, reason);
    }

    public void markSkipped(String key, String reason, Instant now) {
        db.inTransaction(c -> exec(c, "UPDATE outbox_message SET status = 'skipped', last_error = ?, updated_at = ? "
                + "WHERE idempotency_key = ?", reason, now.toEpochMilli(), key));
    }

    /**
     * After a restart: messages left {@code sending} by a process that died are pending again (their platform call
     * may or may not have happened; they go again with the same idempotency key). Call once, before dispatching.
     */
    public int resumeInFlight() {
        return db.inTransaction(c -> exec(c, "UPDATE outbox_message SET status = 'pending' WHERE status = 'sending'"));
    }

    /** When the platform's next pending message is due, if it has one. */
    public Optional<Instant> nextDue(String platform) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox_message "
                    + "WHERE platform = ? AND status = 'pending'")) {
                ps.setString(1, platform);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long at = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
                }
            }
        });
    }

    /** The progress of an announcement's DMs of {@code kind} (the failures with their reasons, at most 20). */
    public Progress progress(String announcementId, OutboxMessage.Kind kind) {
        return db.read(c -> {
            int sent = 0;
            int pending = 0;
            int failed = 0;
            int skipped = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM outbox_message "
                    + "WHERE announcement_id = ? AND kind = ? GROUP BY status")) {
                ps.setString(1, announcementId);
                ps.setString(2, kind.column());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(2);
                        switch (OutboxMessage.Status.of(rs.getString(1))) {
                            case SENT -> sent += n;
                            case PENDING, SENDING -> pending += n;
                            case FAILED -> failed += n;
                            case SKIPPED -> skipped += n;
                        }
                    }
                }
            }
            List<String> failures = new ArrayList<>();
            for (OutboxMessage m : select(c, "WHERE announcement_id = ? AND kind = ? AND status = 'failed' "
                    + "ORDER BY updated_at LIMIT 20", announcementId, kind.column())) {
                failures.add(m.platform() + " " + m.recipient() + ": " + m.lastError());
            }
            return new Progress(sent, pending, failed, skipped, failures);
        });
    }

    /** Who an announcement's DMs went (or go) to, and in which language. */
    public record Recipient(String personId, String language) {
    }

    public List<Recipient> audience(String announcementId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT person_id, language FROM outbox_message "
                    + "WHERE announcement_id = ? AND kind = 'announce' ORDER BY person_id")) {
                ps.setString(1, announcementId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Recipient> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Recipient(rs.getString(1), rs.getString(2)));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * The announcement DMs sent to {@code recipient} on {@code platform} that the person has not acknowledged,
     * newest first (the console shows them when the person opens the chat).
     */
    public List<OutboxMessage> sentUnacknowledged(String platform, String recipient) {
        return db.read(c -> select(c, "WHERE platform = ? AND recipient = ? AND kind = 'announce' AND status = 'sent' "
                + "AND NOT EXISTS (SELECT 1 FROM announcement a JOIN acknowledgement k ON k.policy_id = a.policy_id "
                + "AND k.policy_version = a.version WHERE a.id = outbox_message.announcement_id "
                + "AND k.person_id = outbox_message.person_id) ORDER BY updated_at DESC", platform, recipient));
    }

    public Optional<OutboxMessage> find(String key) {
        return db.read(c -> select(c, "WHERE idempotency_key = ?", key).stream().findFirst());
    }

    private void update(String key, String status, int attempts, Instant at, String ref, String error) {
        String reason = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        db.inTransaction(c -> exec(c, "UPDATE outbox_message SET status = ?, attempts = ?, next_attempt_at = ?, "
                + "message_ref = COALESCE(?, message_ref), last_error = ?, updated_at = ? WHERE idempotency_key = ?",
                status, attempts, at.toEpochMilli(), ref, reason, at.toEpochMilli(), key));
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static List<OutboxMessage> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message " + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<OutboxMessage> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new OutboxMessage(rs.getString(1), rs.getString(2), OutboxMessage.Kind.of(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            OutboxMessage.Status.of(rs.getString(8)), rs.getInt(9), Instant.ofEpochMilli(rs.getLong(10)),
                            rs.getString(11), rs.getString(12)));
                }
                return out;
            }
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case null -> ps.setNull(i + 1, java.sql.Types.VARCHAR);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                default -> ps.setString(i + 1, args[i].toString());
            }
        }
    }

    private static int count(int[] results) {
        int n = 0;
        for (int r : results) {
            n += r == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(r, 0);
        }
        return n;
    }
}
