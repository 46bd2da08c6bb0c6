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
import io.policybot.store.Database;
import io.policybot.text.Messages;
import io.policybot.training.Acknowledged;
import io.policybot.training.TrainingService;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * the DM ("I have read it", "Start the update quiz"). Callers check that the person asking is HR.
 */
public final class AnnouncementService implements AnnouncementCommands {
    private final Database db;
    private final Supplier<ContentLibrary> content;
    private final PolicyVersionStore versions;
    private final AnnouncementStore store;
    private final AnnouncementOutbox outbox;
    private final AcknowledgementRepository acks;
    private final AnnouncementMessages messages;
    private final TrainingService training;
    private final PersonRepository people;
    private final Set<String> platforms;
    private final AnnouncementSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    AnnouncementService(Database db, Supplier<ContentLibrary> content, PolicyVersionStore versions, AnnouncementStore store,
                        AnnouncementOutbox outbox, AcknowledgementRepository acks, AnnouncementMessages messages,
                        TrainingService training, PersonRepository people, Set<String> platforms,
                        AnnouncementSettings settings, AuditLog audit, Clock clock) {
        this.db = db;
        this.content = content;
        this.versions = versions;
        this.store = store;
        this.outbox = outbox;
        this.acks = acks;
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
                LocalDate.now(clock).plusDays(settings.updateDueDays()), Announcement.Status.DRAFT, requestedBy, now, null);
        store.createDraft(draft);
        Map<String, Integer> audience = new TreeMap<>();
        for (Person p : people.all()) {
            if (platforms.contains(p.platform())) {
                audience.merge(p.platform(), 1, Integer::sum);
            }
        }
        return new Preview(draft, title, ContentChanges.between(from.orElse(null), to), audience, new TreeSet<>(platforms));
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
        return db.inTransaction(c -> {
            Optional<Announcement> found = store.find(c, announcementId);
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
            if (store.confirmed(c, a.policyId(), a.version()).isPresent()) {
                return new Confirmation(Outcome.VERSION_ALREADY_ANNOUNCED, a, 0);
            }
            store.settle(c, a.id(), Announcement.Status.CONFIRMED, now);
            outbox.skipSuperseded(c, a.policyId(), a.id(), a.version(), now);
            Map<String, String> languages = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT person_id, language FROM question_log ORDER BY asked_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    languages.put(rs.getString(1), rs.getString(2)); // the last language each person asked in
                }
            }
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
            return new Confirmation(Outcome.SENT, store.find(c, a.id()).orElse(a), dms);
        });
    }

    /** Cancels a draft; false when it was no longer one. */
    public boolean cancel(String announcementId) {
        return cancel(announcementId, "cli");
    }

    /** {@link #cancel(String)}, audited as done by {@code actorKey}. */
    public boolean cancel(String announcementId, String actorKey) {
        boolean cancelled = db.inTransaction(c -> store.settle(c, announcementId, Announcement.Status.CANCELLED,
                clock.instant()));
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
    private boolean acknowledge(Actor actor, String policyId, String version, String announcementId) {
        Person p = person(actor);
        return acks.record(new Acknowledgement(Ids.next(), p.id(), policyId, version, announcementId, actor.platform(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    public int acknowledgements(Announcement a) {
        return acks.count(a.policyId(), a.version());
    }

    // ---- the conversation port ----

    @Override
    public List<Reply> announce(Inbound.Message message, String argument, String language) {
        Messages m = AnnouncementMessages.messages(language);
        String arg = argument == null ? "" : argument.strip();
        if (arg.equalsIgnoreCase("status") || arg.startsWith("status ") || arg.equals("状态")) {
            return List.of(statusReply(m, language));
        }
        // Asking for a preview creates no one: the draft names its author only when they are a known person.
        String author = people.find(message.actor().platform(), message.actor().userId()).map(Person::id).orElse(null);
        Prepared prepared = prepare(arg.isEmpty() ? null : arg, author);
        return List.of(previewReply(prepared, m, language));
    }

    @Override
    public List<Reply> onButton(Inbound.ButtonPress press, String language) {
        Messages m = AnnouncementMessages.messages(language);
        return switch (press.actionId()) {
            case Actions.ANNOUNCE_CONFIRM -> {
                Confirmation done = confirm(press.value(), press.actor().key());
                String text = switch (done.outcome()) {
                    case SENT -> m.get("confirm.done", messages.title(done.announcement().policyId(), language),
                            done.announcement().version(), done.recipients());
                    case ALREADY_SENT -> m.get("confirm.already");
                    case CANCELLED -> m.get("confirm.cancelled");
                    case VERSION_ALREADY_ANNOUNCED -> m.get("confirm.other",
                            messages.title(done.announcement().policyId(), language), done.announcement().version());
                    case UNKNOWN -> m.get("ack.unknown");
                };
                yield List.of(text(done.outcome() == Outcome.SENT ? Reply.REPLACE : Reply.PRIVATE, text));
            }
            case Actions.ANNOUNCE_CANCEL -> List.of(cancel(press.value(), press.actor().key())
                    ? text(Reply.REPLACE, m.get("cancel.done"))
                    : text(Reply.PRIVATE, m.get("confirm.already")));
            case Actions.ACKNOWLEDGE -> acknowledgeReply(press, m, language);
            case Actions.UPDATE_QUIZ_START -> training.startUpdateQuiz(press.actor(), press.channel(), language,
                    press.value());
            default -> List.of();
        };
    }

    /**
     * "I have read it", from an announcement DM (the value is its id) or from status and the home view (the value
     * names the policy version: {@link Acknowledged#buttonValue}; only the version in force can be confirmed there).
     * For a policy without a quiz this completes its training, and the reply says so.
     */
    private List<Reply> acknowledgeReply(Inbound.ButtonPress press, Messages m, String language) {
        Optional<Announcement> a = store.find(press.value());
        String policyId;
        String version;
        if (a.isPresent()) {
            policyId = a.get().policyId();
            version = a.get().version();
        } else {
            Optional<Acknowledged.Named> named = Acknowledged.parseButtonValue(press.value());
            Optional<Policy> policy = named.flatMap(n -> content.get().policy(n.policyId()));
            if (policy.isEmpty()) {
                return List.of(text(Reply.PRIVATE, m.get("ack.unknown")));
            }
            policyId = policy.get().id();
            version = named.get().version();
            if (!version.equals(policy.get().version())) {
                return List.of(text(Reply.PRIVATE, m.get("ack.stale", messages.title(policyId, language), version,
                        policy.get().version())));
            }
        }
        String title = messages.title(policyId, language);
        boolean readOnly = content.get().policy(policyId).map(Policy::acknowledgementOnly).orElse(false);
        if (acknowledge(press.actor(), policyId, version, a.map(Announcement::id).orElse(null))) {
            return List.of(text(Reply.PRIVATE, m.get(readOnly ? "ack.done.read" : "ack.done",
                    press.actor().displayName(), title, version)));
        }
        Person p = person(press.actor());
        Instant at = acks.find(p.id(), policyId, version).map(Acknowledgement::acknowledgedAt)
                .orElse(clock.instant());
        return List.of(text(Reply.PRIVATE, m.get("ack.already", title, version,
                AnnouncementMessages.date(LocalDate.ofInstant(at, clock.getZone()), language))));
    }

    private Reply previewReply(Prepared prepared, Messages m, String language) {
        return switch (prepared) {
            case UnknownPolicy u -> text(Reply.PRIVATE, m.get("preview.unknown", u.policyId()));
            case AlreadyAnnounced a -> text(Reply.PRIVATE, m.get("preview.already", messages.title(a.announcement().policyId(), language),
                    a.announcement().version(), day(a.announcement().confirmedAt(), language), statusLine(a, m, language)));
            case Preview p -> {
                String title = messages.title(p.draft().policyId(), language);
                AnnouncementMessages.Ask ask = messages.ask(p.draft());
                boolean rollOut = p.draft().baseVersion() == null;
                String heading = m.get(rollOut ? "preview.rollout.heading" : "preview.heading", title, p.draft().version());
                List<Block> blocks = new ArrayList<>();
                blocks.add(new Block.Heading(heading));
                blocks.add(new Block.Context(rollOut ? m.get("preview.rollout.base")
                        : m.get("preview.base", p.draft().baseVersion())));
                List<String> lines = messages.changeLines(p.draft(), language);
                blocks.add(rollOut ? new Block.Text(m.get("rollout.intro", title))
                        : lines.isEmpty() ? new Block.Text(m.get("nochange"))
                        : new Block.Bullets(m.get("intro", title), lines));
                String perPlatform = p.audience().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
                blocks.add(new Block.Text(m.get("preview.audience", p.audienceSize(), perPlatform)));
                blocks.add(new Block.Text(m.get("preview.due." + ask.name().toLowerCase(java.util.Locale.ROOT),
                        AnnouncementMessages.date(p.draft().dueOn(), language))));
                if (!p.channels().isEmpty()) {
                    blocks.add(new Block.Context(m.get("preview.channels", String.join(", ", p.channels()))));
                }
                blocks.add(new Block.Buttons(List.of(
                        new Button(Actions.ANNOUNCE_CONFIRM, m.get("button.confirm"), p.draft().id(), Button.Style.PRIMARY),
                        new Button(Actions.ANNOUNCE_CANCEL, m.get("button.cancel"), p.draft().id()))));
                yield new Reply(Reply.PRIVATE, blocks, heading);
            }
        };
    }

    private Reply statusReply(Messages m, String language) {
        List<AlreadyAnnounced> all = status();
        if (all.isEmpty()) {
            return text(Reply.PRIVATE, m.get("status.none"));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("status.heading")));
        for (AlreadyAnnounced a : all) {
            blocks.add(new Block.Text(statusLine(a, m, language)));
            if (!a.progress().failures().isEmpty()) {
                blocks.add(new Block.Bullets(m.get("status.failures"), a.progress().failures()));
            }
        }
        return new Reply(Reply.PRIVATE, blocks, statusLine(all.getFirst(), m, language));
    }

    private String statusLine(AlreadyAnnounced a, Messages m, String language) {
        AnnouncementOutbox.Progress p = a.progress();
        return m.get("status.line", messages.title(a.announcement().policyId(), language), a.announcement().version(),
                day(a.announcement().confirmedAt(), language), p.sent(), p.pending(), p.failed(),
                acknowledgements(a.announcement()), p.total());
    }

    private String day(Instant at, String language) {
        return at == null ? "?" : AnnouncementMessages.date(LocalDate.ofInstant(at, clock.getZone()), language);
    }

    private Person person(Actor actor) {
        String name = actor.displayName().equals(actor.userId()) ? null : actor.displayName();
        return people.findOrCreate(actor.platform(), actor.userId(), name, clock.instant());
    }

    private static Reply text(Reply.Placement placement, String text) {
        return new Reply(placement, List.of(new Block.Text(text)), text);
    }
}
