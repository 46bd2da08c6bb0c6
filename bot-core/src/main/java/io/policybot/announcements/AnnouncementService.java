package io.policybot.announcements;

import io.policybot.Ids;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.store.Transactions;
import io.policybot.text.Messages;
import io.policybot.training.TrainingService;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * HR's announcements: a preview of what changed (with the audience and the due date) kept as a draft, then on
 * confirmation one outbox row per recipient and channel, in one transaction; plus the buttons people press on
 * the DM ("I have read it"). Typed results only: {@link AnnouncementConversation} puts them into chat words, the
 * CLI prints them. Callers check that the person asking is HR.
 */
public final class AnnouncementService {
    private final Transactions transactions;
    private final Supplier<ContentLibrary> content;
    private final PolicyVersionStore versions;
    private final AnnouncementStore store;
    private final AnnouncementOutbox outbox;
    private final AcknowledgementRepository acks;
    private final QuestionLogRepository questions;
    private final AnnouncementMessages messages;
    private final TrainingService training;
    private final PersonRepository people;
    private final Set<String> platforms;
    private final AnnouncementSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    AnnouncementService(Transactions transactions, Supplier<ContentLibrary> content, PolicyVersionStore versions,
                        AnnouncementStore store, AnnouncementOutbox outbox, AcknowledgementRepository acks,
                        QuestionLogRepository questions, AnnouncementMessages messages,
                        TrainingService training, PersonRepository people, Set<String> platforms,
                        AnnouncementSettings settings, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.content = content;
        this.versions = versions;
        this.store = store;
        this.outbox = outbox;
        this.acks = acks;
        this.questions = questions;
        this.messages = messages;
        this.training = training;
        this.people = people;
        this.platforms = Set.copyOf(platforms);
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the programmatic API (CLI, tests) ----

    /** What {@link #prepare} found. */
    public sealed interface Prepared {
    }

    /** A draft to confirm: the changes, who gets it (people per platform) and the channels posted to. */
    public record Preview(Announcement draft, String title, ContentChanges changes, Map<String, Integer> audience,
                          Set<String> channels) implements Prepared {
        public int audienceSize() {
            return audience.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public record AlreadyAnnounced(Announcement announcement, String title, AnnouncementOutbox.Progress progress)
            implements Prepared {
    }

    public record UnknownPolicy(String policyId) implements Prepared {
    }

    public enum Outcome { SENT, ALREADY_SENT, CANCELLED, VERSION_ALREADY_ANNOUNCED, UNKNOWN }

    /** @param recipients the DMs enqueued (0 unless SENT) */
    public record Confirmation(Outcome outcome, Announcement announcement, int recipients) {
    }

    /** Prepares the announcement of the policy's latest published version ({@code policyId} null: the first policy). */
    public Prepared prepare(String policyId, String requestedBy) {
        return prepare(policyId, requestedBy, null);
    }

    /**
     * {@link #prepare(String, String)} with the date people have to act by chosen by HR (the web console's form);
     * null: {@link AnnouncementSettings#updateDueDays} from today.
     */
    public Prepared prepare(String policyId, String requestedBy, LocalDate dueOn) {
        ContentLibrary library = content.get();
        String id = policyId != null && !policyId.isBlank() ? policyId.strip()
                : library.all().stream().map(Policy::id).findFirst().orElse("");
        Optional<PublishedVersion> latest = versions.latest(id);
        if (latest.isEmpty()) {
            return new UnknownPolicy(id);
        }
        String title = messages.title(id, settings.defaultLanguage());
        PublishedVersion to = latest.get();
        Optional<Announcement> done = store.confirmed(id, to.version());
        if (done.isPresent()) {
            return new AlreadyAnnounced(done.get(), title, outbox.progress(done.get().id(), OutboxMessage.Kind.ANNOUNCE));
        }
        // A first version has nothing to compare with: it is announced as a roll-out (everyone takes the quiz).
        Optional<PublishedVersion> from = versions.previous(id, to.version());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Announcement draft = new Announcement(Ids.next(), id, to.version(), from.map(PublishedVersion::version).orElse(null),
                dueOn != null ? dueOn : defaultDueDate(), Announcement.Status.DRAFT, requestedBy, now, null);
        store.createDraft(draft);
        Map<String, Integer> audience = new TreeMap<>();
        for (Person p : people.all()) {
            if (platforms.contains(p.platform())) {
                audience.merge(p.platform(), 1, Integer::sum);
            }
        }
        return new Preview(draft, title, ContentChanges.between(from.orElse(null), to), audience, new TreeSet<>(platforms));
    }

    /** The due date of an announcement prepared today when HR picks none. */
    public LocalDate defaultDueDate() {
        return LocalDate.now(clock).plusDays(settings.updateDueDays());
    }

    /**
     * Confirms a draft: in one transaction it becomes the version's announcement and every message is enqueued.
     * Confirming again (a double press, a second HR person, a replayed event) enqueues nothing.
     */
    public Confirmation confirm(String announcementId) {
        return confirm(announcementId, "cli");
    }

    /**
     * {@link #confirm(String)}, audited as done by {@code actorKey} (a person's key, {@code cli:operator}): every
     * confirmation, from chat or the CLI, repeated or not, is in the audit log with what it did.
     */
    public Confirmation confirm(String announcementId, String actorKey) {
        Confirmation done = enqueue(announcementId);
        audit.record(new AuditEntry(clock.instant(), actorKey, AuditEntry.ANNOUNCEMENT, announcementId,
                switch (done.outcome()) {
                    case SENT -> "confirmed: " + done.announcement().policyId() + " " + done.announcement().version()
                            + ", " + done.recipients() + (done.recipients() == 1 ? " recipient" : " recipients");
                    case ALREADY_SENT -> "confirm pressed again: already sent";
                    case CANCELLED -> "confirm pressed after it was cancelled: nothing sent";
                    case VERSION_ALREADY_ANNOUNCED -> "confirm refused: this version was already announced";
                    case UNKNOWN -> "confirm of an unknown announcement";
                }));
        return done;
    }

    private Confirmation enqueue(String announcementId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transactions.atomically(() -> {
            Optional<Announcement> found = store.find(announcementId);
            if (found.isEmpty()) {
                return new Confirmation(Outcome.UNKNOWN, null, 0);
            }
            Announcement a = found.get();
            if (a.status() == Announcement.Status.CONFIRMED) {
                return new Confirmation(Outcome.ALREADY_SENT, a, 0);
            }
            if (a.status() == Announcement.Status.CANCELLED) {
                return new Confirmation(Outcome.CANCELLED, a, 0);
            }
            if (store.confirmed(a.policyId(), a.version()).isPresent()) {
                return new Confirmation(Outcome.VERSION_ALREADY_ANNOUNCED, a, 0);
            }
            if (!store.settle(a.id(), Announcement.Status.CONFIRMED, now)) {
                // Settled meanwhile by another process sharing the database (its press came first).
                Announcement settled = store.find(a.id()).orElse(a);
                return new Confirmation(settled.status() == Announcement.Status.CANCELLED ? Outcome.CANCELLED
                        : Outcome.ALREADY_SENT, settled, 0);
            }
            outbox.skipSuperseded(a.policyId(), a.id(), a.version(), now);
            Map<String, String> languages = questions.lastLanguages(); // the last language each person asked in
            List<OutboxMessage> out = new ArrayList<>();
            for (String platform : new TreeSet<>(platforms)) {
                out.add(OutboxMessage.pending(a.id() + ":channel:" + platform, a.id(), OutboxMessage.Kind.CHANNEL,
                        platform, Reply.ChannelRole.ANNOUNCEMENTS.name(), null, settings.defaultLanguage(), now));
            }
            int dms = 0;
            for (Person p : people.all()) {
                if (platforms.contains(p.platform())) {
                    out.add(OutboxMessage.pending(a.id() + ":" + p.platform() + ":" + p.platformUserId(), a.id(),
                            OutboxMessage.Kind.ANNOUNCE, p.platform(), p.platformUserId(), p.id(),
                            languages.getOrDefault(p.id(), settings.defaultLanguage()), now));
                    dms++;
                }
            }
            outbox.enqueue(out, now);
            return new Confirmation(Outcome.SENT, store.find(a.id()).orElse(a), dms);
        });
    }

    /** Cancels a draft; false when it was no longer one. */
    public boolean cancel(String announcementId) {
        return cancel(announcementId, "cli");
    }

    /** {@link #cancel(String)}, audited as done by {@code actorKey}. */
    public boolean cancel(String announcementId, String actorKey) {
        boolean cancelled = store.settle(announcementId, Announcement.Status.CANCELLED, clock.instant());
        audit.record(new AuditEntry(clock.instant(), actorKey, AuditEntry.ANNOUNCEMENT, announcementId,
                cancelled ? "cancelled" : "cancel pressed, but it was no longer a draft"));
        return cancelled;
    }

    /** Every announcement sent (confirmed), newest first, with its progress: the history HR follows. */
    public List<AlreadyAnnounced> status() {
        List<AlreadyAnnounced> out = new ArrayList<>();
        for (Announcement a : store.allConfirmed()) {
            out.add(new AlreadyAnnounced(a, messages.title(a.policyId(), settings.defaultLanguage()),
                    outbox.progress(a.id(), OutboxMessage.Kind.ANNOUNCE)));
        }
        return out;
    }

    /** Records "I have read it" for the announcement's version; false when this person already had. */
    public boolean acknowledge(Actor actor, String announcementId) {
        Announcement a = store.find(announcementId).orElseThrow();
        return acknowledge(actor, a.policyId(), a.version(), a.id());
    }

    /**
     * Records "I have read it" for a policy version, from an announcement ({@code announcementId}) or from the
     * person's status (null); false when this person already had.
     */
    public boolean acknowledge(Actor actor, String policyId, String version, String announcementId) {
        Person p = person(actor);
        return acks.record(new Acknowledgement(Ids.next(), p.id(), policyId, version, announcementId, actor.platform(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The policy loaded now, if there is one of this id. */
    public Optional<Policy> policy(String policyId) {
        return content.get().policy(policyId);
    }

    public int acknowledgements(Announcement a) {
        return acks.count(a.policyId(), a.version());
    }

    private Person person(Actor actor) {
        String name = actor.displayName().equals(actor.userId()) ? null : actor.displayName();
        return people.findOrCreate(actor.platform(), actor.userId(), name, clock.instant());
    }

}
