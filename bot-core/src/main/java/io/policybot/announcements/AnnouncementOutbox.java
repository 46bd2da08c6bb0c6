package io.policybot.announcements;

import java.time.Instant;
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
 *
 * <p>Several processes may share one outbox: a claim takes rows no other claim holds (PostgreSQL: {@code FOR UPDATE
 * SKIP LOCKED}) for a lease; a row whose claimer died before marking it is claimable again once its lease ran out.
 * Every method joins the caller's transaction, if any.
 */
public interface AnnouncementOutbox {
    /** How far an announcement's messages are. */
    record Progress(int sent, int pending, int failed, int skipped, List<String> failures) {
        public Progress {
            failures = List.copyOf(failures);
        }

        public int total() {
            return sent + pending + failed + skipped;
        }
    }

    /** Who an announcement's DMs went (or go) to, and in which language. */
    record Recipient(String personId, String language) {
    }

    /** Stores the messages whose keys are new; returns how many were new. */
    int enqueue(List<OutboxMessage> messages, Instant now);

    /**
     * Takes up to {@code limit} due messages of the platform (pending and due, or claimed by someone whose lease ran
     * out) and marks them {@code sending} in the same committed transaction, before any is handed to the platform.
     */
    List<OutboxMessage> claim(String platform, Instant now, int limit);

    void markSent(String key, String messageRef, int attempts, Instant now);

    /** Back to pending, to be tried again at {@code at}; {@code now} is when this was decided. */
    void markRetry(String key, int attempts, Instant at, String reason, Instant now);

    void markFailed(String key, int attempts, String reason, Instant now);

    /**
     * The messages of earlier confirmed announcements of this policy still pending are skipped, so a newer version's
     * announcement never goes out next to a stale one. Returns how many were skipped.
     */
    int skipSuperseded(String policyId, String announcementId, String version, Instant now);

    void markSkipped(String key, String reason, Instant now);

    /**
     * After a restart: messages left {@code sending} by a process that died are pending again (their platform call
     * may or may not have happened; they go again with the same idempotency key). On a database only this process
     * writes (SQLite) that is every {@code sending} row; on a shared one only those whose lease ran out. Call once,
     * before dispatching.
     */
    int resumeInFlight(Instant now);

    /** When the platform's next pending message is due, if it has one. */
    Optional<Instant> nextDue(String platform);

    /** The progress of an announcement's DMs of {@code kind} (the failures with their reasons, at most 20). */
    Progress progress(String announcementId, OutboxMessage.Kind kind);

    List<Recipient> audience(String announcementId);

    /**
     * The announcement DMs sent to {@code recipient} on {@code platform} that the person has not acknowledged,
     * newest first (the console shows them when the person opens the chat).
     */
    List<OutboxMessage> sentUnacknowledged(String platform, String recipient);

    Optional<OutboxMessage> find(String key);
}
