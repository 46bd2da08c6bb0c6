package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.Person;
import io.policybot.testing.StoreContract;
import io.policybot.testing.Stores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link AnnouncementStore}, {@link AnnouncementOutbox} and {@link AcknowledgementRepository}
 * implementation, on every database.
 */
public abstract class AnnouncementStoresContract extends StoreContract {
    static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    Announcement draft(String id, String version) {
        return new Announcement(id, "social-media", version, null, LocalDate.parse("2026-11-24"),
                Announcement.Status.DRAFT, null, T0, null);
    }

    Announcement confirmedAnnouncement(Stores s, String id, String version) {
        s.announcements().createDraft(draft(id, version));
        assertTrue(s.announcements().settle(id, Announcement.Status.CONFIRMED, T0));
        return s.announcements().find(id).orElseThrow();
    }

    static OutboxMessage dm(String announcementId, String user, String personId, Instant due) {
        return OutboxMessage.pending(announcementId + ":slack:" + user, announcementId, OutboxMessage.Kind.ANNOUNCE,
                "slack", user, personId, "en", due);
    }

    @Test
    void aDraftIsSettledOnce() {
        AnnouncementStore store = stores().announcements();
        store.createDraft(draft("a1", "1.1"));
        Announcement stored = store.find("a1").orElseThrow();
        assertEquals(draft("a1", "1.1"), stored);
        assertTrue(store.confirmed("social-media", "1.1").isEmpty());
        assertTrue(store.settle("a1", Announcement.Status.CONFIRMED, T0.plusSeconds(60)));
        assertFalse(store.settle("a1", Announcement.Status.CANCELLED, T0.plusSeconds(61)));
        Announcement done = store.confirmed("social-media", "1.1").orElseThrow();
        assertEquals(Announcement.Status.CONFIRMED, done.status());
        assertEquals(T0.plusSeconds(60), done.confirmedAt());

        store.createDraft(draft("a2", "1.2"));
        assertTrue(store.settle("a2", Announcement.Status.CANCELLED, T0));
        assertNull(store.find("a2").orElseThrow().confirmedAt()); // a typed null in a BIGINT column
        assertEquals(List.of("a1"), store.allConfirmed().stream().map(Announcement::id).toList());
    }

    @Test
    void anAcknowledgementIsRecordedOncePerPersonAndVersion() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        AcknowledgementRepository acks = stores().acknowledgements();
        Acknowledgement a = new Acknowledgement("k1", ann.id(), "social-media", "1.1", null, "slack", T0);
        assertTrue(acks.record(a));
        assertFalse(acks.record(new Acknowledgement("k2", ann.id(), "social-media", "1.1", null, "discord", T0)));
        assertEquals(a, acks.find(ann.id(), "social-media", "1.1").orElseThrow());
        assertEquals(1, acks.count("social-media", "1.1"));
        assertEquals(0, acks.count("social-media", "1.0"));
    }

    @Test
    void aPersonsAcknowledgementsAreTheirEvidenceNewestFirst() {
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        Person bob = stores().people().findOrCreate("slack", "U2", "Bob", T0);
        AcknowledgementRepository acks = stores().acknowledgements();
        Acknowledgement first = new Acknowledgement("k1", ann.id(), "social-media", "1.0", null, "slack", T0);
        Acknowledgement second = new Acknowledgement("k2", ann.id(), "social-media", "1.1", null, "discord",
                T0.plusSeconds(3600));
        acks.record(first);
        acks.record(second);
        acks.record(new Acknowledgement("k3", bob.id(), "social-media", "1.1", null, "slack", T0));
        assertEquals(List.of(second, first), acks.ofPerson(ann.id()));
        assertTrue(acks.ofPerson("nobody").isEmpty());
    }

    @Test
    void enqueueingAKeyTwiceStoresOneRowAndAClaimTakesDueRowsOnce() {
        Announcement a = confirmedAnnouncement(stores(), "a1", "1.1");
        Person ann = stores().people().findOrCreate("slack", "U1", "Ann", T0);
        AnnouncementOutbox outbox = stores().outbox();
        assertEquals(2, outbox.enqueue(List.of(dm(a.id(), "U1", ann.id(), T0), dm(a.id(), "U2", null, T0.plusSeconds(60))),
                T0));
        assertEquals(0, outbox.enqueue(List.of(dm(a.id(), "U1", ann.id(), T0)), T0));
        List<OutboxMessage> claimed = outbox.claim("slack", T0, 10);
        assertEquals(List.of(a.id() + ":slack:U1"), claimed.stream().map(OutboxMessage::key).toList());
        assertEquals(OutboxMessage.Status.SENDING, outbox.find(a.id() + ":slack:U1").orElseThrow().status());
        assertTrue(outbox.claim("slack", T0.plusSeconds(30), 10).isEmpty(), "claimed once, not twice");
        assertTrue(outbox.claim("discord", T0.plusSeconds(90), 10).isEmpty());
        assertEquals(T0.plusSeconds(60), outbox.nextDue("slack").orElseThrow());
        outbox.markSent(a.id() + ":slack:U1", "ts-1", 1, T0.plusSeconds(1));
        OutboxMessage sent = outbox.find(a.id() + ":slack:U1").orElseThrow();
        assertEquals(OutboxMessage.Status.SENT, sent.status());
        assertEquals("ts-1", sent.messageRef());
        assertEquals(new AnnouncementOutbox.Progress(1, 1, 0, 0, List.of()),
                outbox.progress(a.id(), OutboxMessage.Kind.ANNOUNCE));
        assertEquals(List.of("en", "en"), outbox.audience(a.id()).stream().map(AnnouncementOutbox.Recipient::language)
                .toList());
    }

    @Test
    void aRetryWaitsUntilItsTimeAndAFailureKeepsItsReason() {
        Announcement a = confirmedAnnouncement(stores(), "a1", "1.1");
        AnnouncementOutbox outbox = stores().outbox();
        outbox.enqueue(List.of(dm(a.id(), "U1", null, T0), dm(a.id(), "U2", null, T0)), T0);
        outbox.claim("slack", T0, 10);
        outbox.markRetry(a.id() + ":slack:U1", 1, T0.plusSeconds(300), "rate limited", T0.plusSeconds(1));
        outbox.markFailed(a.id() + ":slack:U2", 1, "x".repeat(800), T0.plusSeconds(1));
        OutboxMessage retry = outbox.find(a.id() + ":slack:U1").orElseThrow();
        assertEquals(OutboxMessage.Status.PENDING, retry.status());
        assertEquals(T0.plusSeconds(300), retry.nextAttemptAt());
        assertEquals("rate limited", retry.lastError());
        assertTrue(outbox.claim("slack", T0.plusSeconds(299), 10).isEmpty());
        assertEquals(1, outbox.claim("slack", T0.plusSeconds(300), 10).size());
        AnnouncementOutbox.Progress p = outbox.progress(a.id(), OutboxMessage.Kind.ANNOUNCE);
        assertEquals(1, p.failed());
        assertEquals("slack U2: " + "x".repeat(500), p.failures().getFirst());
    }

    @Test
    void aNewerVersionSkipsTheOlderAnnouncementsPendingMessages() {
        Announcement old = confirmedAnnouncement(stores(), "a1", "1.1");
        stores().outbox().enqueue(List.of(dm(old.id(), "U1", null, T0)), T0);
        Announcement newer = confirmedAnnouncement(stores(), "a2", "1.2");
        assertEquals(1, stores().outbox().skipSuperseded("social-media", newer.id(), "1.2", T0));
        OutboxMessage skipped = stores().outbox().find(old.id() + ":slack:U1").orElseThrow();
        assertEquals(OutboxMessage.Status.SKIPPED, skipped.status());
        assertEquals("superseded by version 1.2", skipped.lastError());
    }

    @Test
    void aClaimWhoseClaimerDiedIsTakenOverAfterTheLeaseNotBefore() {
        Stores s = stores(database(), Duration.ofMinutes(10));
        Announcement a = confirmedAnnouncement(s, "a1", "1.1");
        s.outbox().enqueue(List.of(dm(a.id(), "U1", null, T0)), T0);
        assertEquals(1, s.outbox().claim("slack", T0, 10).size()); // ...and the claimer dies before sending
        Stores other = stores(replicaDatabase(), Duration.ofMinutes(10));
        assertTrue(other.outbox().claim("slack", T0.plus(Duration.ofMinutes(9)), 10).isEmpty());
        List<OutboxMessage> takenOver = other.outbox().claim("slack", T0.plus(Duration.ofMinutes(10)), 10);
        assertEquals(List.of(a.id() + ":slack:U1"), takenOver.stream().map(OutboxMessage::key).toList());
        assertEquals(OutboxMessage.Status.PENDING, takenOver.getFirst().status(), "handed out as before its claim");
    }

    @Test
    void manyClaimersOnOneOutboxNeverTakeTheSameRow() throws Exception {
        Announcement a = confirmedAnnouncement(stores(), "a1", "1.1");
        List<OutboxMessage> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(dm(a.id(), "U" + i, null, T0));
        }
        stores().outbox().enqueue(rows, T0);
        List<AnnouncementOutbox> claimers = List.of(stores().outbox(), replica().outbox(), replica().outbox());
        List<java.util.concurrent.Callable<List<String>>> calls = new ArrayList<>();
        for (AnnouncementOutbox o : claimers) {
            for (int t = 0; t < 2; t++) {
                calls.add(() -> {
                    List<String> mine = new ArrayList<>();
                    for (List<OutboxMessage> got; !(got = o.claim("slack", T0, 7)).isEmpty(); ) {
                        got.forEach(m -> mine.add(m.key()));
                    }
                    return mine;
                });
            }
        }
        List<String> all = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var f : pool.invokeAll(calls)) {
                all.addAll(f.get());
            }
        }
        assertEquals(300, all.size());
        assertEquals(300, all.stream().distinct().count());
    }

    /** The stores on {@code db} with this outbox lease. */
    protected Stores stores(io.policybot.store.Database db, Duration lease) {
        return Stores.sql(db, lease);
    }
}
