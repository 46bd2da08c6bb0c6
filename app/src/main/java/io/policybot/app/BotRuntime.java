package io.policybot.app;

import io.policybot.announcements.AnnouncementCommands;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.LiveAnswerer;
import io.policybot.answering.OnnxEmbedders;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.VectorCache;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.ChatGateways;
import io.policybot.content.ContentLibrary;
import io.policybot.conversation.PolicyConversationEngine;
import io.policybot.conversation.StaffDesk;
import io.policybot.people.RolesConfig;
import io.policybot.versions.ContentPublisher;
import io.policybot.wiring.Services;
import io.policybot.wiring.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The app's composition: bot-core's {@link Services} on the data directory's database, plus the start-up steps a
 * command asks for, each explicit in the {@link Builder}: choosing and loading the content ({@code withContent}),
 * publishing its versions ({@code withPublishing}), building the answer index and the engine ({@code withIndex}).
 * Nothing else happens on build: {@code policybot announce status} only opens the database and reads. Delivery
 * starts when asked ({@link #startDelivery}), on the console's gateway or on the running bots' ones.
 */
public final class BotRuntime implements AutoCloseable {
    private final AppConfig config;
    private final Clock clock;
    private final ServedContent served;
    private final Services services;
    private final LiveAnswerer answerer;
    private final PolicyConversationEngine engine;
    private final List<ContentPublisher.Result> published;
    private final Supplier<ContentLibrary> content;
    private final AtomicReference<ContentLibrary> loaded;
    private final ConsoleGateway console;
    private final ConnectedGateways connected = new ConnectedGateways();
    private final Builder settings;

    private BotRuntime(Builder b) {
        this.settings = b;
        this.config = b.config;
        this.clock = b.clock;
        this.served = new ServedContent(config, b.warnings);
        this.console = b.platforms.isEmpty() ? new ConsoleGateway(System.out, true) : null;
        ServedContent.Choice start = b.content ? served.starting() : null;
        this.loaded = new AtomicReference<>(start == null ? null : start.library());
        // The index (the longest start-up step) is built while the database opens, migrates and publishes.
        CompletableFuture<LiveAnswerer> indexing = b.index ? CompletableFuture.supplyAsync(
                () -> new LiveAnswerer(start.library(), answererFactory(config)),
                task -> Thread.ofPlatform().name("answer-index").start(task)) : null;
        Supplier<ContentLibrary> source = b.contentSource != null ? b.contentSource : () -> served.starting().library();
        AtomicReference<LiveAnswerer> serving = new AtomicReference<>();
        this.content = b.index ? () -> {
            LiveAnswerer built = serving.get();
            return built != null ? built.library() : start.library(); // the same content, while the index builds
        } : () -> loaded.updateAndGet(c -> c != null ? c : source.get());
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        // DATABASE_URL (jdbc:postgresql://...) for a shared database; the embedded SQLite file otherwise.
        this.services = Services.builder(Storage.open(config.databaseUrl(),
                        config.dataDir().resolve("policybot.db"))).content(content)
                .clock(clock).roles(b.roles.apply(rolesConfig(config))).retention(config.questionRetention())
                .platforms(console != null ? Set.of(console.platform()) : b.platforms)
                .consoleUrl(b.consoleUrl != null ? b.consoleUrl : consoleUrl(config.settings())).build();
        this.published = b.publishing ? publish(start.library()) : List.of();
        this.answerer = indexing == null ? null : built(indexing);
        serving.set(answerer);
        if (b.publishing) {
            keepOrFallBack(start.lastPublished(), published);
        }
        this.engine = b.index ? services.engine(answerer, staffDesk(), console != null
                ? ChatGateways.of(Map.of(console.platform(), console)) : connected,
                AnsweringSettings.DEFAULTS.maxQuestionChars()) : null;
    }

    /** The index built on its own thread; its failure is thrown as if it had been built here. */
    private static LiveAnswerer built(CompletableFuture<LiveAnswerer> indexing) {
        try {
            return indexing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    public static Builder builder(AppConfig config, Clock clock) {
        return new Builder(config, clock);
    }

    /** The console chat's runtime: content published, the index built, announcements delivered to the console. */
    public static BotRuntime console(AppConfig config, Clock clock) {
        return builder(config, clock).withIndex().build();
    }

    /** The runtime of the bots on {@code platforms} ("slack", "discord"): delivery starts once they are connected. */
    public static BotRuntime onPlatforms(AppConfig config, Clock clock, Set<String> platforms) {
        return builder(config, clock).platforms(platforms).withIndex().build();
    }

    /**
     * Where the sign-in links of {@code console} point: POLICYBOT_CONSOLE_URL, else serve's default port on this
     * machine (the console chat and {@code policybot serve} on the same data directory share the links).
     */
    public static String consoleUrl(Map<String, String> env) {
        String url = env.get("POLICYBOT_CONSOLE_URL");
        return url != null && !url.isBlank() ? url.strip() : "http://localhost:8080/console";
    }

    /** Builds answerers for a content version; shares the embedding models between versions. */
    static Function<ContentLibrary, QuestionAnswerer> answererFactory(AppConfig config) {
        if (!config.embeddings()) {
            return lib -> new QuestionAnswerer(lib, AnsweringSettings.DEFAULTS);
        }
        // The model files are unpacked into the data directory once: a start then reads them instead of inflating them.
        OnnxEmbedders embedders = new OnnxEmbedders(config.dataDir().resolve("models"));
        embedders.preload(List.of("en")); // the usual first question; other languages load on first use
        VectorCache cache = new VectorCache(config.dataDir().resolve("vectors"));
        return lib -> new QuestionAnswerer(lib, AnsweringSettings.DEFAULTS, embedders, cache);
    }

    /**
     * The roles configuration: {@code roles.hr}, {@code roles.admins}, {@code roles.managers} in the configuration
     * file or {@code POLICYBOT_HR}, {@code POLICYBOT_ADMINS}, {@code POLICYBOT_MANAGERS}, and {@code DATA/roles.yaml}.
     */
    static RolesConfig rolesConfig(AppConfig config) {
        return RolesConfig.load(config.settings(), config.dataDir().resolve("roles.yaml"));
    }

    /** Stores a new policy version when the content has one, and records it in the audit log. */
    private List<ContentPublisher.Result> publish(ContentLibrary library) {
        List<ContentPublisher.Result> results = services.announcements().publisher().publish(library);
        for (ContentPublisher.Result r : results) {
            if (r.outcome() == ContentPublisher.Outcome.FIRST || r.outcome() == ContentPublisher.Outcome.NEW_VERSION) {
                services.storage().audit().record(new AuditEntry(clock.instant(), "system", AuditEntry.CONTENT_VERSION,
                        r.policyId() + " " + r.version(), r.outcome().name().toLowerCase(Locale.ROOT)
                        + (config.contentDir() == null ? " (bundled content)" : " from " + config.contentDir())));
            }
        }
        return results;
    }

    /**
     * The staff desk: reports, gaps and announcements behind the role checks. In the console, a confirmed
     * announcement is delivered at once; the command line's desk audits as the operator ({@link Builder#audit}).
     */
    public StaffDesk staffDesk() {
        AnnouncementCommands announcing = console != null
                ? new DeliverOnConfirm(services.announcements().conversation(), consoleDelivery())
                : services.announcements().conversation();
        return services.staffDesk(settings.audit.apply(services.storage().audit()), announcing);
    }

    private io.policybot.announcements.OutboxDispatcher consoleDelivery() {
        return services.announcements().delivery(Map.of(console.platform(), console));
    }

    /** A running bot's gateway: the engine posts through it (Ask HR), and delivery once it starts. */
    public void connect(ChatGateway gateway) {
        if (!settings.platforms.contains(gateway.platform())) {
            throw new IllegalArgumentException("not a configured chat platform: " + gateway.platform());
        }
        connected.connect(gateway);
    }

    /**
     * Starts announcement delivery and reminders in the background: to the console, or through the gateways of
     * the bots {@link #connect}ed (all of them, so call it once they are up).
     */
    public void startDelivery() {
        services.startScheduledWork(); // the daily retention purge, once across replicas
        services.announcements().start(console != null ? Map.of(console.platform(), console) : connected.all());
    }

    /** Delivers what the outbox holds now, to completion, on the console (a one-shot command). */
    public int deliverNow() throws InterruptedException {
        var dispatcher = consoleDelivery();
        dispatcher.resumeInFlight();
        return dispatcher.drain();
    }

    public Services services() {
        return services;
    }

    /** The engine ({@link Builder#withIndex} only). */
    public PolicyConversationEngine engine() {
        return Objects.requireNonNull(engine, "built without withIndex()");
    }

    /** The answerer ({@link Builder#withIndex} only). */
    public LiveAnswerer answerer() {
        return Objects.requireNonNull(answerer, "built without withIndex()");
    }

    /** The content in force (loaded on first use when the command did not ask for it up front). */
    public ContentLibrary content() {
        return content.get();
    }

    /** What publishing the content did at start ({@link Builder#withPublishing}). */
    public List<ContentPublisher.Result> published() {
        return published;
    }

    ConsoleGateway consoleGateway() {
        return console;
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
        ContentLibrary fresh = config.loadContent();
        List<ContentPublisher.Result> results = publish(fresh);
        List<ContentPublisher.Result> refused = refused(results);
        if (!refused.isEmpty()) {
            return new Reload(false, results);
        }
        boolean changed = serve(fresh);
        if (config.contentDir() != null) {
            served.lastPublished().save(config.contentDir());
        }
        return new Reload(changed, results);
    }

    /** Serves {@code library}; whether that changed the content served. */
    private boolean serve(ContentLibrary library) {
        if (answerer != null) {
            return answerer.reload(library);
        }
        ContentLibrary before = loaded.getAndSet(library);
        return before == null || !before.fingerprint().equals(library.fingerprint());
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
        serve(served.refused(refused.stream().map(r -> r.policyId() + " " + r.version())
                .collect(Collectors.joining(", ")), content.get()));
    }

    @Override
    public void close() {
        services.close();
    }

    /** The steps a command asks for; each one is opt-in (see the class comment). */
    public static final class Builder {
        private final AppConfig config;
        private final Clock clock;
        private Set<String> platforms = Set.of();
        private Consumer<String> warnings = ServedContent::warnLoudly;
        private boolean content;
        private boolean publishing;
        private boolean index;
        private Supplier<ContentLibrary> contentSource;
        private UnaryOperator<RolesConfig> roles = UnaryOperator.identity();
        private UnaryOperator<AuditLog> audit = UnaryOperator.identity();
        private String consoleUrl;

        private Builder(AppConfig config, Clock clock) {
            this.config = config;
            this.clock = clock;
        }

        /** The chat platforms the bot runs on ("slack", "discord"); with none, announcements go to the console. */
        public Builder platforms(Set<String> names) {
            this.platforms = Set.copyOf(names);
            return this;
        }

        /** Where the web console is served, for the sign-in links of {@code console}. */
        public Builder consoleUrl(String url) {
            this.consoleUrl = url;
            return this;
        }

        /** Where the content warnings a person must see go (stderr by default). */
        public Builder warnings(Consumer<String> warnings) {
            this.warnings = warnings;
            return this;
        }

        /** Chooses the content to serve and loads it now (else: on first use). */
        public Builder withContent() {
            this.content = true;
            return this;
        }

        /** Publishes the content's policy versions (audited) at build; implies {@link #withContent}. */
        public Builder withPublishing() {
            this.publishing = true;
            return withContent();
        }

        /** Builds the answer index and the engine; implies {@link #withPublishing} (never serve unpublished text). */
        public Builder withIndex() {
            this.index = true;
            return withPublishing();
        }

        /** Where content is read from on first use, instead of the served choice (the staff CLI: the directory as is). */
        Builder contentSource(Supplier<ContentLibrary> source) {
            this.contentSource = source;
            return this;
        }

        /** Adds to the configured roles (the CLI operator is an admin). */
        Builder roles(UnaryOperator<RolesConfig> roles) {
            this.roles = roles;
            return this;
        }

        /** How the staff desk audits (the CLI records the operator acting as someone). */
        Builder audit(UnaryOperator<AuditLog> audit) {
            this.audit = audit;
            return this;
        }

        public BotRuntime build() {
            return new BotRuntime(this);
        }
    }
}
