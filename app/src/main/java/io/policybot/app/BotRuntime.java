package io.policybot.app;

import io.policybot.announcements.AnnouncementSettings;
import io.policybot.announcements.Announcements;
import io.policybot.announcements.Sleeper;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.LiveAnswerer;
import io.policybot.answering.OnnxEmbedders;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.VectorCache;
import io.policybot.content.ContentLibrary;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.ChatGateways;
import io.policybot.conversation.PolicyConversationEngine;
import io.policybot.reports.StaffDesk;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.store.Database;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import io.policybot.versions.ContentPublisher;

/** The composition root: content, index, database, training and the conversation engine, wired once. */
public final class BotRuntime implements AutoCloseable {
    private final AppConfig config;
    private final Clock clock;
    private final LiveAnswerer answerer;
    private final Database database;
    private final TrainingService training;
    private final PolicyConversationEngine engine;
    private final ConsoleGateway console = new ConsoleGateway(System.out, true);
    private final Announcements announcements;
    private final List<ContentPublisher.Result> published;
    private final AuditLog audit;
    private final ServedContent served;

    private final Map<String, LateGateway> chatGateways = new LinkedHashMap<>();

    /** The runtime of the console and the CLI: announcements go to the console. */
    public BotRuntime(AppConfig config, Clock clock) {
        this(config, clock, Set.of());
    }

    /**
     * @param chatPlatforms the chat platforms the bot runs on ("slack", "discord"); announcements go to the people met
     *                      there once each bot {@link #connect}s. With none, they go to the console.
     */
    public BotRuntime(AppConfig config, Clock clock, Set<String> chatPlatforms) {
        this(config, clock, chatPlatforms, ServedContent::warnLoudly);
    }

    /** @param warnings where the content warnings a person must see go (stderr in the CLI) */
    BotRuntime(AppConfig config, Clock clock, Set<String> chatPlatforms, java.util.function.Consumer<String> warnings) {
        this.config = config;
        this.clock = clock;
        this.served = new ServedContent(config, warnings);
        ServedContent.Choice start = served.starting();
        ContentLibrary library = start.library();
        this.answerer = new LiveAnswerer(library, answererFactory(config));
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        this.database = Database.sqlite(config.dataDir().resolve("policybot.db"));
        SqlPersonRepository people = new SqlPersonRepository(database);
        AnnouncementSettings announcing = AnnouncementSettings.defaults();
        this.training = new TrainingService(answerer::library, new SqlTrainingRepository(database), people,
                TrainingSettings.defaults(), clock, new SecureRandom(),
                Announcements.updateRequirements(database, announcing, clock));
        chatPlatforms.forEach(p -> chatGateways.put(p, new LateGateway(p)));
        Map<String, ChatGateway> gateways = chatPlatforms.isEmpty() ? Map.of("console", console) : Map.copyOf(chatGateways);
        AuditLog audit = new SqlAuditLog(database);
        this.announcements = Announcements.wire(database, answerer::library, training, people, gateways, clock,
                Sleeper.system(), announcing);
        this.audit = audit;
        this.published = publish(library);
        keepOrFallBack(start.lastPublished(), published);
        this.engine = new PolicyConversationEngine(answerer, training, people, new SqlQuestionLogRepository(database),
                StaffDesk.onDatabase(database, answerer::library, TrainingSettings.defaults(),
                        StaffRuntime.rolesConfig(config), audit, chatPlatforms.isEmpty()
                                ? new DeliverOnConfirm(announcements.service(), announcements.dispatcher())
                                : announcements.service(), clock),
                ChatGateways.of(gateways), clock, AnsweringSettings.DEFAULTS.maxQuestionChars());
    }

    /** Builds answerers for a content version; shares the embedding models between versions. */
    static Function<ContentLibrary, QuestionAnswerer> answererFactory(AppConfig config) {
        if (!config.embeddings()) {
            return lib -> new QuestionAnswerer(lib, AnsweringSettings.DEFAULTS);
        }
        OnnxEmbedders embedders = new OnnxEmbedders();
        embedders.preload(java.util.List.of("en")); // the usual first question; other languages load on first use
        VectorCache cache = new VectorCache(config.dataDir().resolve("vectors"));
        return lib -> new QuestionAnswerer(lib, AnsweringSettings.DEFAULTS, embedders, cache);
    }

    /** Stores a new policy version when the content has one, and records it in the audit log. */
    private List<ContentPublisher.Result> publish(ContentLibrary library) {
        List<ContentPublisher.Result> results = announcements.publisher().publish(library);
        for (ContentPublisher.Result r : results) {
            if (r.outcome() == ContentPublisher.Outcome.FIRST || r.outcome() == ContentPublisher.Outcome.NEW_VERSION) {
                audit.record(new AuditEntry(clock.instant(), "system", AuditEntry.CONTENT_VERSION,
                        r.policyId() + " " + r.version(), r.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        + (config.contentDir() == null ? " (bundled content)" : " from " + config.contentDir())));
            }
        }
        return results;
    }

    /** Hands the announcement outbox a running bot's gateway. */
    public void connect(ChatGateway gateway) {
        LateGateway late = chatGateways.get(gateway.platform());
        if (late == null) {
            throw new IllegalArgumentException("not a configured chat platform: " + gateway.platform());
        }
        late.connect(gateway);
    }

    public ContentLibrary loadContent() {
        return config.loadContent();
    }

    public PolicyConversationEngine engine() {
        return engine;
    }

    public LiveAnswerer answerer() {
        return answerer;
    }

    public TrainingService training() {
        return training;
    }

    public Announcements announcements() {
        return announcements;
    }

    /** What publishing the content did at start (a new version, no change...). */
    public List<ContentPublisher.Result> published() {
        return published;
    }

    ConsoleGateway consoleGateway() {
        return console;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public AppConfig config() {
        return config;
    }

    /**
     * Reloads the content directory: publishes what changed and serves it. On a validation error the content in
     * force stays and the error is thrown; a text change refused for publishing (version not raised) is not served.
     */
    public Reload reloadContent() {
        ContentLibrary loaded = loadContent();
        List<ContentPublisher.Result> results = publish(loaded);
        List<ContentPublisher.Result> refused = refused(results);
        if (!refused.isEmpty()) {
            return new Reload(false, results);
        }
        boolean changed = answerer.reload(loaded);
        if (config.contentDir() != null) {
            served.lastPublished().save(config.contentDir());
        }
        return new Reload(changed, results);
    }

    /** What a reload did: whether the content served changed, and what publishing did to each policy. */
    public record Reload(boolean changed, List<ContentPublisher.Result> results) {
        public List<ContentPublisher.Result> refused() {
            return BotRuntime.refused(results);
        }
    }

    static List<ContentPublisher.Result> refused(List<ContentPublisher.Result> results) {
        return results.stream().filter(r -> r.outcome() == ContentPublisher.Outcome.VERSION_NOT_RAISED).toList();
    }

    /** After publishing at start: keep a copy of content that published cleanly, or stop serving refused text. */
    private void keepOrFallBack(boolean servingLastPublished, List<ContentPublisher.Result> results) {
        List<ContentPublisher.Result> refused = refused(results);
        if (servingLastPublished) {
            return;
        }
        if (refused.isEmpty()) {
            if (config.contentDir() != null) {
                served.lastPublished().save(config.contentDir());
            }
            return;
        }
        ContentLibrary serve = served.refused(refused.stream().map(r -> r.policyId() + " " + r.version())
                .collect(java.util.stream.Collectors.joining(", ")), answerer.library());
        answerer.reload(serve);
    }

    @Override
    public void close() {
        announcements.close();
        database.close();
    }
}
