package io.policybot.announcements;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.ChatGateway;
import io.policybot.people.PersonRepository;
import io.policybot.announcements.sql.SqlAcknowledgementRepository;
import io.policybot.announcements.sql.SqlAnnouncementOutbox;
import io.policybot.announcements.sql.SqlAnnouncementStore;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.store.Database;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.training.TrainingService;
import io.policybot.training.UpdateRequirements;
import io.policybot.versions.ContentPublisher;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The announcements capability wired on one database: what the app's composition root calls.
 * <pre>{@code
 * UpdateRequirements updates = Announcements.updateRequirements(db, settings, clock);
 * TrainingService training = new TrainingService(..., updates);
 * Announcements announcements = Announcements.wire(db, answerer::library, training, people, gateways, clock,
 *         Sleeper.system(), settings);
 * announcements.publisher().publish(answerer.library());   // on start and after each reload
 * announcements.start();                                   // background delivery and reminders
 * ... new StaffCommands that calls announcements.service() for HR ...
 * announcements.close();
 * }</pre>
 */
public final class Announcements implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Announcements.class);
    private final ContentPublisher publisher;
    private final AnnouncementService service;
    private final OutboxDispatcher dispatcher;
    private final ReminderScheduler reminders;
    private final AnnouncementOutbox outbox;
    private ScheduledExecutorService executor; // guarded by this

    private Announcements(ContentPublisher publisher, AnnouncementService service, OutboxDispatcher dispatcher,
                          ReminderScheduler reminders, AnnouncementOutbox outbox) {
        this.publisher = publisher;
        this.service = service;
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.outbox = outbox;
    }

    /** Delta training from the stored versions, for the {@link TrainingService} constructor. */
    public static UpdateRequirements updateRequirements(Database db, AnnouncementSettings settings, Clock clock) {
        return new VersionUpdateRequirements(new SqlPolicyVersionStore(db), new SqlAnnouncementStore(db), settings,
                clock);
    }

    /**
     * @param gateways by platform name ("slack", "discord", "console"): the audience is everyone met on these
     * @param sleeper  {@link Sleeper#system()} in the app; tests move a fake clock
     */
    public static Announcements wire(Database db, Supplier<ContentLibrary> content, TrainingService training,
                                     PersonRepository people, Map<String, ChatGateway> gateways, Clock clock,
                                     Sleeper sleeper, AnnouncementSettings settings) {
        PolicyVersionStore versions = new SqlPolicyVersionStore(db);
        AnnouncementStore store = new SqlAnnouncementStore(db);
        AnnouncementOutbox outbox = new SqlAnnouncementOutbox(db);
        AnnouncementMessages messages = new AnnouncementMessages(content, versions, store, people, training);
        ReminderScheduler reminders = new ReminderScheduler(content, store, outbox, training, people, gateways.keySet(),
                settings, clock);
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, messages, gateways, settings, clock, sleeper,
                reminders::stillWanted);
        AnnouncementService service = new AnnouncementService(db, content, versions, store, outbox,
                new SqlAcknowledgementRepository(db), new SqlQuestionLogRepository(db), messages, training, people, gateways.keySet(), settings,
                new SqlAuditLog(db), clock);
        return new Announcements(new ContentPublisher(versions, clock), service, dispatcher, reminders, outbox);
    }

    public ContentPublisher publisher() {
        return publisher;
    }

    public AnnouncementService service() {
        return service;
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    public ReminderScheduler reminders() {
        return reminders;
    }

    public AnnouncementOutbox outbox() {
        return outbox;
    }

    /** Background delivery (each platform on its own thread, every second) and reminders (every hour). */
    public void start() {
        start(Duration.ofSeconds(1), Duration.ofHours(1));
    }

    public synchronized void start(Duration dispatchEvery, Duration remindEvery) {
        if (executor != null) {
            return;
        }
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
