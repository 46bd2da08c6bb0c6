package io.policybot.announcements.sql;

import io.policybot.announcements.AnnouncementOutbox;
import io.policybot.announcements.OutboxMessage;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AnnouncementOutbox} in SQL (table {@code outbox_message}; the lease column from V11). */
public final class SqlAnnouncementOutbox implements AnnouncementOutbox {
    /** Longer than any batch takes to send (a batch is at most 100 messages at the platform's pace). */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
    private static final String COLUMNS = "idempotency_key, announcement_id, kind, platform, recipient, person_id, "
            + "language, status, attempts, next_attempt_at, message_ref, last_error";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM outbox_message ";
    private final Database db;
    private final Duration lease;

    public SqlAnnouncementOutbox(Database db) {
        this(db, DEFAULT_LEASE);
    }

    /** @param lease how long a claim holds its rows before another process may take them */
    public SqlAnnouncementOutbox(Database db, Duration lease) {
        this.db = db;
        this.lease = lease;
    }

    @Override
    public int enqueue(List<OutboxMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (OutboxMessage m : messages) {
            rows.add(Sql.args(m.key(), m.announcementId(), m.kind().column(), m.platform(), m.recipient(), m.personId(),
                    m.language(), m.status().column(), m.attempts(), m.nextAttemptAt(), m.messageRef(), m.lastError(),
                    now, now));
        }
        return db.inTransaction(c -> Sql.batch(c, "INSERT INTO outbox_message (" + COLUMNS + ", created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
                rows));
    }

    @Override
    public List<OutboxMessage> claim(String platform, Instant now, int limit) {
        return db.inTransaction(c -> {
            // SKIP LOCKED (PostgreSQL): rows another process is claiming right now are left to it, not waited for.
            List<OutboxMessage> due = Sql.list(c, SELECT + "WHERE platform = ? AND ((status = 'pending' "
                    + "AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)) "
                    + "ORDER BY next_attempt_at, created_at LIMIT ?" + db.dialect().forUpdateSkipLocked(),
                    SqlAnnouncementOutbox::message, platform, now, now, limit);
            List<List<Object>> claimed = new ArrayList<>();
            for (OutboxMessage m : due) {
                claimed.add(Sql.args(now.plus(lease), now, m.key()));
            }
            Sql.batch(c, "UPDATE outbox_message SET status = 'sending', lease_until = ?, updated_at = ? "
                    + "WHERE idempotency_key = ?", claimed);
            return due.stream().map(m -> m.status() == OutboxMessage.Status.PENDING ? m : pendingAgain(m)).toList();
        });
    }

    /** A row taken over from an expired lease is handed out as it was before its first claim. */
    private static OutboxMessage pendingAgain(OutboxMessage m) {
        return new OutboxMessage(m.key(), m.announcementId(), m.kind(), m.platform(), m.recipient(), m.personId(),
                m.language(), OutboxMessage.Status.PENDING, m.attempts(), m.nextAttemptAt(), m.messageRef(),
                m.lastError());
    }

    @Override
    public void markSent(String key, String messageRef, int attempts, Instant now) {
        update(key, "sent", attempts, now, messageRef, null, now);
    }

    @Override
    public void markRetry(String key, int attempts, Instant at, String reason, Instant now) {
        update(key, "pending", attempts, at, null, reason, now);
    }

    @Override
    public void markFailed(String key, int attempts, String reason, Instant now) {
        update(key, "failed", attempts, now, null, reason, now);
    }

    @Override
    public int skipSuperseded(String policyId, String announcementId, String version, Instant now) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE outbox_message SET status = 'skipped', last_error = ?, "
                + "updated_at = ? WHERE status = 'pending' AND announcement_id IN (SELECT id FROM announcement "
                + "WHERE policy_id = ? AND id <> ? AND status = 'confirmed')", "superseded by version " + version, now,
                policyId, announcementId));
    }

    @Override
    public void markSkipped(String key, String reason, Instant now) {
        db.inTransaction(c -> Sql.update(c, "UPDATE outbox_message SET status = 'skipped', last_error = ?, "
                + "lease_until = NULL, updated_at = ? WHERE idempotency_key = ?", reason, now, key));
    }

    @Override
    public int resumeInFlight(Instant now) {
        if (db.dialect().singleProcess()) {
            return db.inTransaction(c -> Sql.update(c, "UPDATE outbox_message SET status = 'pending', "
                    + "lease_until = NULL WHERE status = 'sending'"));
        }
        // Shared by replicas: a row still under lease may be on its way right now in another process.
        return db.inTransaction(c -> Sql.update(c, "UPDATE outbox_message SET status = 'pending', lease_until = NULL "
                + "WHERE status = 'sending' AND (lease_until IS NULL OR lease_until <= ?)", now));
    }

    @Override
    public Optional<Instant> nextDue(String platform) {
        return db.read(c -> Sql.first(c, "SELECT MIN(next_attempt_at) FROM outbox_message WHERE platform = ? "
                + "AND status = 'pending'", r -> r.instant(1), platform));
    }

    @Override
    public Progress progress(String announcementId, OutboxMessage.Kind kind) {
        return db.read(c -> {
            int[] counts = new int[4]; // sent, pending, failed, skipped
            record Count(OutboxMessage.Status status, int n) {
            }
            for (Count n : Sql.list(c, "SELECT status, COUNT(*) FROM outbox_message WHERE announcement_id = ? "
                    + "AND kind = ? GROUP BY status", r -> new Count(OutboxMessage.Status.of(r.string(1)),
                    r.integer(2)), announcementId, kind.column())) {
                switch (n.status()) {
                    case SENT -> counts[0] += n.n();
                    case PENDING, SENDING -> counts[1] += n.n();
                    case FAILED -> counts[2] += n.n();
                    case SKIPPED -> counts[3] += n.n();
                }
            }
            List<String> failures = Sql.list(c, SELECT + "WHERE announcement_id = ? AND kind = ? AND status = 'failed' "
                    + "ORDER BY updated_at LIMIT 20", SqlAnnouncementOutbox::message, announcementId, kind.column())
                    .stream().map(m -> m.platform() + " " + m.recipient() + ": " + m.lastError()).toList();
            return new Progress(counts[0], counts[1], counts[2], counts[3], failures);
        });
    }

    @Override
    public List<Recipient> audience(String announcementId) {
        return db.read(c -> Sql.list(c, "SELECT person_id, language FROM outbox_message WHERE announcement_id = ? "
                + "AND kind = 'announce' ORDER BY person_id", r -> new Recipient(r.string(1), r.string(2)),
                announcementId));
    }

    @Override
    public List<OutboxMessage> sentUnacknowledged(String platform, String recipient) {
        return db.read(c -> Sql.list(c, SELECT + "WHERE platform = ? AND recipient = ? AND kind = 'announce' "
                + "AND status = 'sent' AND NOT EXISTS (SELECT 1 FROM announcement a JOIN acknowledgement k "
                + "ON k.policy_id = a.policy_id AND k.policy_version = a.version WHERE a.id = outbox_message.announcement_id "
                + "AND k.person_id = outbox_message.person_id) ORDER BY updated_at DESC", SqlAnnouncementOutbox::message,
                platform, recipient));
    }

    @Override
    public Optional<OutboxMessage> find(String key) {
        return db.read(c -> Sql.first(c, SELECT + "WHERE idempotency_key = ?", SqlAnnouncementOutbox::message, key));
    }

    private void update(String key, String status, int attempts, Instant nextAttempt, String ref, String error,
                        Instant now) {
        String reason = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        db.inTransaction(c -> Sql.update(c, "UPDATE outbox_message SET status = ?, attempts = ?, next_attempt_at = ?, "
                + "message_ref = COALESCE(?, message_ref), last_error = ?, lease_until = NULL, updated_at = ? "
                + "WHERE idempotency_key = ?", status, attempts, nextAttempt, ref == null ? Sql.NULL_TEXT : ref,
                reason == null ? Sql.NULL_TEXT : reason, now, key));
    }

    private static OutboxMessage message(Row r) throws SQLException {
        return new OutboxMessage(r.string(1), r.string(2), OutboxMessage.Kind.of(r.string(3)), r.string(4),
                r.string(5), r.string(6), r.string(7), OutboxMessage.Status.of(r.string(8)), r.integer(9),
                r.instant(10), r.string(11), r.string(12));
    }
}
