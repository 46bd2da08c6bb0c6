package io.policybot.wiring;

import io.policybot.announcements.AnnouncementCommands;
import io.policybot.announcements.AnnouncementSettings;
import io.policybot.announcements.Announcements;
import io.policybot.announcements.Sleeper;
import io.policybot.answering.LiveAnswerer;
import io.policybot.audit.AuditLog;
import io.policybot.chat.ChatGateways;
import io.policybot.content.ContentLibrary;
import io.policybot.conversation.PolicyConversationEngine;
import io.policybot.conversation.StaffCommands;
import io.policybot.conversation.StaffDesk;
import io.policybot.people.RoleResolver;
import io.policybot.people.RolesConfig;
import io.policybot.people.StaffAccess;
import io.policybot.reports.ReportCommands;
import io.policybot.reports.ReportService;
import io.policybot.signin.ConsoleInvitation;
import io.policybot.signin.SignInLinks;
import io.policybot.training.TrainingRules;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import io.policybot.training.UpdateRequirements;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The composition root of bot-core: every capability wired on one {@link Storage}, the way the app, the tests and
 * the benchmarks all use them. Building does no I/O and starts nothing: publishing content, building the answer
 * index and starting delivery are separate steps the caller asks for ({@code announcements().publisher()},
 * {@link #engine}, {@code announcements().start(gateways)}).
 * <pre>{@code
 * Services services = Services.builder(Storage.sqlite(file)).content(answerer::library).clock(clock)
 *         .roles(roles).platforms(Set.of("slack")).build();
 * }</pre>
 */
public final class Services implements AutoCloseable {
    private final Storage storage;
    private final Supplier<ContentLibrary> content;
    private final Clock clock;
    private final RolesConfig roles;
    private final UpdateRequirements updates;
    private final TrainingService training;
    private final Announcements announcements;
    private final ReportService reports;
    private final SignInLinks signInLinks;
    private final String consoleUrl;
    private final io.policybot.questions.QuestionRetention retention;
    private final io.policybot.questions.RetentionSchedule retentionSchedule;

    private Services(Builder b) {
        this.storage = b.storage;
        this.content = Objects.requireNonNull(b.content, "content");
        this.clock = b.clock;
        this.roles = b.roles;
        this.updates = Announcements.updateRequirements(storage.versions(), storage.announcements(), b.announcing,
                clock);
        this.training = new TrainingService(content, storage.training(), storage.people(), b.trainingSettings, clock,
                b.random, updates);
        this.announcements = Announcements.wire(new Announcements.Stores(storage.database(), storage.announcements(),
                storage.outbox(), storage.acknowledgements(), storage.questions(), storage.versions(), storage.audit()),
                content, training, storage.people(), b.platforms, clock, b.sleeper, b.announcing);
        this.reports = new ReportService(storage.reports(), content, new TrainingRules(b.trainingSettings, updates),
                clock);
        this.signInLinks = new SignInLinks(storage.signInLinks(), b.random, clock);
        this.consoleUrl = b.consoleUrl;
        this.retention = new io.policybot.questions.QuestionRetention(storage.questions(), storage.audit(),
                storage.runOnce(), storage.database()::atomically, b.retention, clock);
        this.retentionSchedule = new io.policybot.questions.RetentionSchedule(retention);
    }

    public static Builder builder(Storage storage) {
        return new Builder(storage);
    }

    public Storage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    public Supplier<ContentLibrary> content() {
        return content;
    }

    public TrainingService training() {
        return training;
    }

    /** Delta training from the stored versions (what training and reports both follow). */
    public UpdateRequirements updates() {
        return updates;
    }

    public Announcements announcements() {
        return announcements;
    }

    public ReportService reports() {
        return reports;
    }

    /** The web console's one-time sign-in links. */
    public SignInLinks signInLinks() {
        return signInLinks;
    }

    /** The {@code console} command: a sign-in link to {@code consoleUrl}, or a "not enabled" reply without one. */
    public ConsoleInvitation consoleInvitation() {
        return new ConsoleInvitation(signInLinks, consoleUrl);
    }

    /** How long questions and feedback are kept, and the purge ({@code policybot purge}, the daily run). */
    public io.policybot.questions.QuestionRetention retention() {
        return retention;
    }

    /** The daily retention purge in the background (once a day across replicas); stopped by {@link #close}. */
    public void startScheduledWork() {
        retentionSchedule.start(java.time.Duration.ofHours(1));
    }

    /** Who may use the staff use cases; refusals recorded in {@code audit}. */
    public StaffAccess access(AuditLog audit) {
        return new StaffAccess(new RoleResolver(roles, storage.people(), storage.roster()), audit, clock);
    }

    /** The report and gaps commands, audited in {@code audit} (the CLI's records who ran them as whom). */
    public ReportCommands reportCommands(AuditLog audit) {
        return new ReportCommands(reports, access(audit), storage.people(), storage.roster(), audit, clock);
    }

    /** HR's follow-up of unanswered questions (gap groups marked handled, "Ask HR" hand-offs), audited in {@code audit}. */
    public io.policybot.reports.GapFollowUp gapFollowUp(AuditLog audit) {
        return new io.policybot.reports.GapFollowUp(reports, storage.questions(), audit, clock);
    }

    /** The staff desk on the announcements' own chat side, audited in the audit log. */
    public StaffDesk staffDesk() {
        return staffDesk(storage.audit(), announcements.conversation());
    }

    /** @param announcements where {@code announce} and its buttons go once authorised (a decorated chat side) */
    public StaffDesk staffDesk(AuditLog audit, AnnouncementCommands announcements) {
        return new StaffDesk(reportCommands(audit), announcements, access(audit), consoleInvitation());
    }

    /**
     * The conversation engine on an answerer whose index the caller built (the expensive step).
     *
     * @param gateways where the engine posts for itself (Ask HR)
     */
    public PolicyConversationEngine engine(LiveAnswerer answerer, StaffCommands staff, ChatGateways gateways,
                                           int maxQuestionChars) {
        return new PolicyConversationEngine(answerer, training, storage.people(), storage.questions(), staff,
                List.of(training, staff), gateways, storage.deliveries(), clock, maxQuestionChars);
    }

    /** Stops background delivery and closes the database. */
    @Override
    public void close() {
        retentionSchedule.close();
        announcements.close();
        storage.close();
    }

    /** What to wire: the storage (required), the content in force (required), and overrides for tests. */
    public static final class Builder {
        private final Storage storage;
        private Supplier<ContentLibrary> content;
        private Clock clock = Clock.systemDefaultZone();
        private RandomGenerator random = new SecureRandom();
        private Sleeper sleeper = Sleeper.system();
        private TrainingSettings trainingSettings = TrainingSettings.defaults();
        private AnnouncementSettings announcing = AnnouncementSettings.defaults();
        private RolesConfig roles = RolesConfig.none();
        private Set<String> platforms = Set.of();
        private String consoleUrl;
        private java.time.Duration retention = io.policybot.questions.QuestionRetention.DEFAULT;

        private Builder(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** The content in force, read on every use (a reload swaps what it returns). */
        public Builder content(Supplier<ContentLibrary> content) {
            this.content = content;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The shuffles of quizzes and role-plays (a seeded one in tests). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /** How delivery waits for the platform's pace ({@link Sleeper#system()}; tests move a fake clock). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        public Builder training(TrainingSettings settings) {
            this.trainingSettings = Objects.requireNonNull(settings);
            return this;
        }

        public Builder announcing(AnnouncementSettings settings) {
            this.announcing = Objects.requireNonNull(settings);
            return this;
        }

        /** How long questions and feedback are kept (a year by default; zero keeps them forever). */
        public Builder retention(java.time.Duration keep) {
            this.retention = Objects.requireNonNull(keep);
            return this;
        }

        /** Roles from configuration ({@link RolesConfig#load}); the roster and org chart add theirs. */
        public Builder roles(RolesConfig roles) {
            this.roles = Objects.requireNonNull(roles);
            return this;
        }

        /** The chat platforms announcements reach ("slack", "discord", "console"). */
        /** Where the web console is served ({@code http://host:8080/console}); without it {@code console} says so. */
        public Builder consoleUrl(String url) {
            this.consoleUrl = url;
            return this;
        }

        public Builder platforms(Set<String> platforms) {
            this.platforms = Set.copyOf(platforms);
            return this;
        }

        public Services build() {
            return new Services(this);
        }
    }
}
