package io.policybot.announcements;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.ChatGateway;
import io.policybot.people.PersonRepository;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.store.Transactions;
import io.policybot.audit.AuditLog;
import io.policybot.chat.Block;
import io.policybot.training.TrainingService;
import io.policybot.training.UpdateRequirements;
import io.policybot.versions.ContentPublisher;
import io.policybot.versions.PolicyVersionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The announcements capability wired on one database: what the composition root ({@code io.policybot.wiring})
 * calls. Wiring does no I/O and needs no chat gateway: the audience is the platforms' names; the gateways come
 * only when delivery is asked for ({@link #delivery}, {@link #start}).
 * <pre>{@code
 * UpdateRequirements updates = Announcements.updateRequirements(versions, store, settings, clock);
 * TrainingService training = new TrainingService(..., updates);
 * Announcements announcements = Announcements.wire(new Stores(db, store, outbox, acks, questions, versions, audit),
 *         content, training, people, Set.of("slack"), clock, Sleeper.system(), settings);
 * announcements.publisher().publish(library);           // an explicit step: on start and after each reload
 * announcements.start(Map.of("slack", slackGateway));    // background delivery and reminders
 * announcements.close();
 * }</pre>
 */
public final class Announcements implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Announcements.class);
    private final ContentPublisher publisher;
    private final AnnouncementService service;
    private final AnnouncementConversation conversation;
    private final ReminderScheduler reminders;
    private final AnnouncementOutbox outbox;
    private final AnnouncementMessages messages;
    private final Set<String> platforms;
    private final AnnouncementSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private OutboxDispatcher dispatcher; // guarded by this
    private ScheduledExecutorService executor; // guarded by this
    private volatile OutboxDispatcher.AttemptListener attempts = OutboxDispatcher.AttemptListener.NONE;

    private Announcements(ContentPublisher publisher, AnnouncementService service,
                          AnnouncementConversation conversation, ReminderScheduler reminders,
                          AnnouncementOutbox outbox, AnnouncementMessages messages, Set<String> platforms,
                          AnnouncementSettings settings, Clock clock, Sleeper sleeper) {
        this.publisher = publisher;
        this.service = service;
        this.conversation = conversation;
        this.reminders = reminders;
        this.outbox = outbox;
        this.messages = messages;
        this.platforms = Set.copyOf(platforms);
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Delta training from the stored versions, for the {@link TrainingService} constructor. */
    public static UpdateRequirements updateRequirements(PolicyVersionStore versions, AnnouncementStore store,
                                                        AnnouncementSettings settings, Clock clock) {
        return new VersionUpdateRequirements(versions, store, settings, clock);
    }

    /**
     * The stores announcements work on (their SQL built by the composition root).
     *
     * @param transactions what makes a confirmation (draft settled, older messages skipped, the new ones queued) one
     *                     unit of work
     * @param questions    the language each person last asked in: the language of their DM
     */
    public record Stores(Transactions transactions, AnnouncementStore announcements, AnnouncementOutbox outbox,
                         AcknowledgementRepository acknowledgements, QuestionLogRepository questions,
                         PolicyVersionStore versions, AuditLog audit) {
    }

    /**
     * @param platforms the platform names ("slack", "discord", "console"): the audience is everyone met on these
     * @param sleeper   {@link Sleeper#system()} in the app; tests move a fake clock
     */
    public static Announcements wire(Stores stores, Supplier<ContentLibrary> content, TrainingService training,
                                     PersonRepository people, Set<String> platforms, Clock clock, Sleeper sleeper,
                                     AnnouncementSettings settings) {
        PolicyVersionStore versions = stores.versions();
        AnnouncementStore store = stores.announcements();
        AnnouncementOutbox outbox = stores.outbox();
        AnnouncementMessages messages = new AnnouncementMessages(content, versions, store, people, training);
        ReminderScheduler reminders = new ReminderScheduler(content, store, outbox, training, people, platforms,
                settings, clock);
        AcknowledgementRepository acks = stores.acknowledgements();
        AnnouncementService service = new AnnouncementService(stores.transactions(), content, versions, store, outbox,
                acks, stores.questions(), messages, training, people, platforms, settings, stores.audit(), clock);
        AnnouncementConversation conversation = new AnnouncementConversation(service, store, acks, messages, people,
                clock);
        return new Announcements(new ContentPublisher(versions, clock), service, conversation, reminders, outbox,
                messages, platforms, settings, clock, sleeper);
    }

    /**
     * The outbox's delivery through these gateways (by platform name, one for each platform wired), made on the
     * first call; a one-shot command drains it, {@link #start} runs it in the background.
     */
    public synchronized OutboxDispatcher delivery(Map<String, ChatGateway> gateways) {
        if (!gateways.keySet().equals(platforms)) {
            throw new IllegalArgumentException("delivery needs a gateway for each of " + platforms + ", not "
                    + gateways.keySet());
        }
        if (dispatcher == null) {
            dispatcher = new OutboxDispatcher(outbox, messages, gateways, settings, clock, sleeper,
                    reminders::stillWanted, (platform, attempt, outcome) -> attempts.attempted(platform, attempt, outcome));
        }
        return dispatcher;
    }

    /** Who is told of each send attempt from now on (the meters); replaces the one before. */
    public void onAttempt(OutboxDispatcher.AttemptListener listener) {
        this.attempts = java.util.Objects.requireNonNull(listener);
    }

    /** The delivery made by {@link #delivery} or {@link #start}. */
    public synchronized OutboxDispatcher dispatcher() {
        if (dispatcher == null) {
            throw new IllegalStateException("delivery has not been given its gateways yet");
        }
        return dispatcher;
    }

    public ContentPublisher publisher() {
        return publisher;
    }

    /** The use cases: prepare, confirm, cancel, status, acknowledge. */
    public AnnouncementService service() {
        return service;
    }

    /** The chat side: HR's {@code announce} command and the {@code announce.*} buttons. */
    public AnnouncementConversation conversation() {
        return conversation;
    }

    /**
     * The announcement DMs already sent to this person that they have not acknowledged, newest first, as sent:
     * the console shows them when the person opens the chat, since they were printed by whichever process sent them.
     */
    public List<List<Block>> unacknowledgedDms(String platform, String userId) {
        return outbox.sentUnacknowledged(platform, userId).stream().map(messages::render)
                .flatMap(java.util.Optional::stream).map(AnnouncementMessages.Rendered::blocks).toList();
    }

    public ReminderScheduler reminders() {
        return reminders;
    }

    public AnnouncementOutbox outbox() {
        return outbox;
    }

    /** Background delivery (each platform on its own thread, every second) and reminders (every hour). */
    public void start(Map<String, ChatGateway> gateways) {
        start(gateways, Duration.ofSeconds(1), Duration.ofHours(1));
    }

    public synchronized void start(Map<String, ChatGateway> gateways, Duration dispatchEvery, Duration remindEvery) {
        if (executor != null) {
            return;
        }
        OutboxDispatcher dispatcher = delivery(gateways);
        dispatcher.resumeInFlight();
        executor = Executors.newScheduledThreadPool(dispatcher.platforms().size() + 1, r -> {
            Thread t = new Thread(r, "policybot-announcements");
            t.setDaemon(true);
            return t;
        });
        for (String platform : dispatcher.platforms()) {
            executor.scheduleWithFixedDelay(() -> {
                try {
                    dispatcher.dispatchDue(platform);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.error("outbox delivery to {} failed; trying again shortly", platform, e);
                }
            }, 0, dispatchEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        executor.scheduleWithFixedDelay(() -> {
            try {
                reminders.tick();
            } catch (RuntimeException e) {
                log.error("reminder tick failed", e);
            }
        }, 0, remindEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
