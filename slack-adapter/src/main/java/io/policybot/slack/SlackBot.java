package io.policybot.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Reply;
import com.slack.api.util.http.listener.HttpResponseListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.policybot.chat.AnswerPool;
import io.policybot.slack.internal.ApiCallMeter;
import io.policybot.slack.internal.Dedupe;
import io.policybot.slack.internal.HttpModeServer;
import io.policybot.slack.internal.ReplySender;
import io.policybot.slack.internal.RequestSignature;
import io.policybot.slack.internal.SlackCalls;
import io.policybot.slack.internal.SlackGateway;
import io.policybot.slack.internal.SlackListeners;
import io.policybot.slack.internal.SlackMetrics;
import io.policybot.slack.internal.SlackMessages;
import io.policybot.slack.internal.SlackUserGroups;
import io.policybot.slack.internal.SlackUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * PolicyBot in one Slack workspace: a Bolt app over the platform-neutral engine, in Socket Mode or HTTP mode.
 *
 * <pre>{@code
 * SlackBot bot = new SlackBot(SlackConfig.fromEnv(System.getenv()), engine, Clock.systemUTC());
 * bot.start();                           // connects (Socket Mode) or listens (HTTP mode); returns at once
 * outbox.register(bot.gateway());        // announcements and reminders go out through the same client
 * ...
 * bot.stop();                            // stops receiving, then lets answers in progress finish
 * }</pre>
 */
public final class SlackBot implements AutoCloseable {
    /** The bot token scopes the adapter needs; manifest.yaml lists exactly these. */
    public static final List<String> BOT_SCOPES = List.of(
            "app_mentions:read", // app_mention events
            "chat:write",        // chat.postMessage, chat.postEphemeral, chat.update
            "commands",          // the /policy slash command
            "files:write",       // files.uploadV2
            "im:history",        // message.im events
            "im:write",          // conversations.open
            "usergroups:read",   // usergroups.list include_users=true (roles from Slack user groups)
            "users:read");       // users.info include_locale=true
    /** The slash command the manifest declares; any command the app receives goes to the engine. */
    public static final String COMMAND = "/policy";
    /** The Events API subscriptions the bot handles. */
    public static final List<String> EVENTS = SlackListeners.EVENTS;

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long one usergroups.list answer is used: a change of group membership takes effect within this. */
    static final Duration USER_GROUPS_TTL = Duration.ofMinutes(10);
    /** After a failed usergroups.list, how long groups count as empty before asking again. */
    static final Duration USER_GROUPS_FAILURE_TTL = Duration.ofMinutes(1);

    /**
     * Settings that rarely change.
     *
     * @param apiUrl       the Web API prefix ("https://slack.com/api/"; GovSlack, a proxy or a test's fake)
     * @param sleeper      waits between retries of a rate-limited or failed call
     * @param maxAttempts  attempts per Web API call for replies on network and server errors; rate limits have
     *                     their own budget
     * @param maxTotalWait the most one reply waits in all for retries before it is given up (and the person told)
     * @param httpBind     the address HTTP mode listens on, or null for every interface
     */
    public record Options(String apiUrl, Sleeper sleeper, int maxAttempts, Duration maxTotalWait, String httpBind,
                          int workers, int queueCapacity, MeterRegistry meters) {
        public static final String SLACK_API_URL = "https://slack.com/api/";
        /** Events that may wait for an answer by default: about 10 s of answering on two cores. */
        public static final int DEFAULT_QUEUE_CAPACITY = 500;

        public Options {
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(maxTotalWait, "maxTotalWait");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            if (workers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("workers and queueCapacity must be at least 1");
            }
            httpBind = httpBind == null || httpBind.isBlank() ? null : httpBind.strip();
        }

        public Options(String apiUrl, Sleeper sleeper, int maxAttempts, Duration maxTotalWait, String httpBind) {
            this(apiUrl, sleeper, maxAttempts, maxTotalWait, httpBind, defaultWorkers(), DEFAULT_QUEUE_CAPACITY, null);
        }

        /** One answering thread per core. */
        public static int defaultWorkers() {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }

        public static Options defaults() {
            return new Options(SLACK_API_URL, Sleeper.SYSTEM, 5, SlackCalls.DEFAULT_MAX_TOTAL_WAIT, null);
        }

        /**
         * The defaults with {@value SlackConfig#ENV_API_URL} (the Web API base URL) and
         * {@value SlackConfig#ENV_HTTP_BIND} (HTTP mode's listening address) from the environment when set.
         */
        public static Options fromEnv(java.util.Map<String, String> env) {
            Options options = defaults();
            String url = env.getOrDefault(SlackConfig.ENV_API_URL, "").strip();
            if (!url.isEmpty()) {
                options = options.withApiUrl(checkedApiUrl(SlackConfig.ENV_API_URL, url));
            }
            options = options.withAnswering(AnswerPool.bound(env, SlackConfig.ENV_WORKERS, options.workers()),
                    AnswerPool.bound(env, SlackConfig.ENV_QUEUE, options.queueCapacity()));
            return options.withHttpBind(env.get(SlackConfig.ENV_HTTP_BIND));
        }

        /** {@code url} when it is an http(s) URL with a host; else a clear error naming {@code setting}. */
        public static String checkedApiUrl(String setting, String url) {
            java.net.URI uri;
            try {
                uri = java.net.URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + " is not a URL: " + url, e);
            }
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(setting
                        + " must be an http(s) URL such as https://slack.com/api/, not " + url);
            }
            return url;
        }

        public Options withApiUrl(String url) {
            return new Options(url.endsWith("/") ? url : url + "/", sleeper, maxAttempts, maxTotalWait, httpBind,
                    workers, queueCapacity, meters);
        }

        public Options withSleeper(Sleeper s) {
            return new Options(apiUrl, s, maxAttempts, maxTotalWait, httpBind, workers, queueCapacity, meters);
        }

        public Options withHttpBind(String address) {
            return new Options(apiUrl, sleeper, maxAttempts, maxTotalWait, address, workers, queueCapacity, meters);
        }

        /**
         * @param threads  how many events are answered at once (default: one per core)
         * @param capacity how many may wait or be answered in all; beyond it people are told to ask again
         */
        public Options withAnswering(int threads, int capacity) {
            return new Options(apiUrl, sleeper, maxAttempts, maxTotalWait, httpBind, threads, capacity, meters);
        }

        /** Where the adapter's meters go (ack latency, events, queue depth, Web API calls); none by default. */
        public Options withMeters(MeterRegistry registry) {
            return new Options(apiUrl, sleeper, maxAttempts, maxTotalWait, httpBind, workers, queueCapacity, registry);
        }
    }

    private final SlackConfig config;
    private final Clock clock;
    private final Slack slack;
    private final App app;
    private final AnswerPool workers;
    private final AnswerPool notices;
    private final SlackMetrics metrics;
    private final ChatGateway gateway;
    private final SlackListeners listeners;
    private final ReplySender sender;
    private final String httpBind;
    private HttpModeServer httpServer;
    private SocketModeApp socketModeApp;
    private boolean started;
    private boolean stopped;

    public SlackBot(SlackConfig config, ConversationEngine engine, Clock clock) {
        this(config, engine, clock, Options.defaults());
    }

    public SlackBot(SlackConfig config, ConversationEngine engine, Clock clock, Options options) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(engine, "engine");

        com.slack.api.SlackConfig clientConfig = new com.slack.api.SlackConfig();
        clientConfig.setMethodsEndpointUrlPrefix(options.apiUrl());
        clientConfig.setStatsEnabled(false);
        clientConfig.setPrettyResponseLoggingEnabled(false);
        this.metrics = new SlackMetrics(options.meters());
        List<HttpResponseListener> responseListeners = new ArrayList<>(clientConfig.getHttpClientResponseHandlers());
        responseListeners.add(new ApiCallMeter(metrics));
        clientConfig.setHttpClientResponseHandlers(responseListeners);
        this.slack = Slack.getInstance(clientConfig);
        MethodsClient client = slack.methods(config.botToken());

        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.mode() == SlackConfig.Mode.HTTP ? config.signingSecret() : null)
                .allEventsApiAutoAckEnabled(true)
                // Keep the auth.test that start() requires to pass: Bolt would repeat it inside the ack path every
                // 10 minutes and cache even a failed answer, which rejects every request with 401 for 10 minutes
                // (field report B1). A revoked token still shows, as invalid_auth on the next Web API call.
                .authTestCacheExpirationMillis(-1L)
                .build();
        this.app = new App(appConfig);

        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        SlackCalls calls = new SlackCalls(options.sleeper(), options.maxAttempts(), SlackCalls.DEFAULT_RATE_LIMIT_RETRIES,
                options.maxTotalWait());
        this.httpBind = options.httpBind();
        var dmChannels = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(Duration.ofDays(1))
                .maximumSize(50_000).<String, String>build();
        SlackMessages replies = new SlackMessages(client, calls, true, dmChannels);
        Map<Reply.ChannelRole, String> channels = channels(config);
        SlackMessages once = new SlackMessages(client, calls, false, dmChannels);
        this.gateway = new SlackGateway(once, channels);
        this.sender = new ReplySender(replies, once, slack, channels);
        // Answers on their own platform threads, bounded (B6); the busy notes on a few more, bounded too.
        this.workers = new AnswerPool("slack-answer", options.workers(), options.queueCapacity(), 10);
        this.notices = new AnswerPool("slack-busy", 2, Math.max(100, options.queueCapacity()), 2);
        this.listeners = new SlackListeners(engine,
                new SlackUsers(client, calls, ticker, Duration.ofHours(12),
                        new SlackUserGroups(client, calls, ticker, USER_GROUPS_TTL, USER_GROUPS_FAILURE_TTL)),
                replies,
                sender,
                new Dedupe(ticker, Duration.ofMinutes(15), 50_000),
                workers, notices, metrics);
        listeners.register(app);
    }

    private static Map<Reply.ChannelRole, String> channels(SlackConfig config) {
        Map<Reply.ChannelRole, String> channels = new EnumMap<>(Reply.ChannelRole.class);
        if (config.hrChannelId() != null) {
            channels.put(Reply.ChannelRole.HR, config.hrChannelId());
        }
        if (config.announcementChannelId() != null) {
            channels.put(Reply.ChannelRole.ANNOUNCEMENTS, config.announcementChannelId());
        }
        return channels;
    }

    /** Checks the bot token (auth.test), then connects (Socket Mode) or starts listening (HTTP mode). */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (stopped) {
            throw new IllegalStateException("a stopped SlackBot cannot start again; build a new one");
        }
        try {
            if (config.mode() == SlackConfig.Mode.HTTP) {
                app.start();
                httpServer = new HttpModeServer(app, new RequestSignature(config.signingSecret(), clock), httpBind,
                        config.port(), metrics);
                httpServer.start();
            } else {
                socketModeApp = new SocketModeApp(config.appToken(), SocketModeClient.Backend.Tyrus,
                        context -> {
                            log.error("A Socket Mode request failed: {}", context.getException().getClass().getName());
                            return null;
                        }, app);
                socketModeApp.startAsync();
                if (socketModeApp.getClient() == null) {
                    throw new SlackAdapterException("Socket Mode could not connect (apps.connections.open failed)");
                }
                log.info("Slack Socket Mode connected");
            }
            started = true;
            logHrSetup();
        } catch (SlackAdapterException e) {
            stopQuietly();
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new SlackAdapterException("Slack " + config.mode() + " mode did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Stops receiving, waits up to ten seconds for answers in progress, then releases the HTTP client;
     * idempotent. Stop the outbox first: the gateway does not deliver after this.
     */
    public synchronized void stop() {
        stopQuietly();
        boolean drained = listeners.drain(STOP_GRACE);
        if (!drained) {
            log.warn("Some Slack answers were still running at shutdown");
        }
        workers.close();
        notices.close();
        stopped = true;
        if (sender.undelivered() > 0) {
            log.warn("{} Slack replies could not be delivered since start (each was logged with its reason)",
                    sender.undelivered());
        }
        try {
            slack.close();
        } catch (Exception e) {
            log.warn("Closing the Slack client failed: {}", e.getClass().getName());
        }
        started = false;
    }

    /** Ask HR works only with an HR channel the bot is in: say at start-up how it is set up. */
    private void logHrSetup() {
        if (config.hrChannelId() == null) {
            log.warn("Ask HR is off on Slack: {} is not set, so declined answers offer no \"Ask HR\" button. "
                    + "Set it to the HR channel's id (C...) and invite the bot there.", SlackConfig.ENV_HR_CHANNEL);
        } else {
            log.info("Ask HR posts go to Slack channel {}; the bot must be a member (/invite @PolicyBot there), "
                    + "or each question is refused with a note to the person", config.hrChannelId());
        }
    }

    private void stopQuietly() {
        if (httpServer != null) {
            httpServer.stop();
            httpServer = null;
        }
        if (socketModeApp != null) {
            SocketModeClient client = socketModeApp.getClient();
            try {
                socketModeApp.close();
                if (client != null) {
                    client.close();
                }
            } catch (Exception e) {
                log.warn("Closing Socket Mode failed: {}", e.getClass().getName());
            }
            socketModeApp = null;
        }
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends announcements, reminders and notes through this workspace; works from construction until stop(). */
    public ChatGateway gateway() {
        return gateway;
    }

    /** Replies that could not be delivered since start, after their retries (each is logged with its reason). */
    public long undeliveredReplies() {
        return sender.undelivered();
    }

    /** How Ask HR is set up, for start-up output: where HR posts go, or why Ask HR is off. */
    public String hrSetup() {
        return config.hrChannelId() == null
                ? "Ask HR is off (" + SlackConfig.ENV_HR_CHANNEL + " is not set)"
                : "Ask HR posts to channel " + config.hrChannelId() + " (the bot must be invited there)";
    }

    /** The address HTTP mode listens on, or null when it is not listening. */
    public synchronized java.net.InetSocketAddress httpAddress() {
        return httpServer == null ? null : httpServer.address();
    }

    /** Events waiting for an answer or being answered now. */
    public int queuedEvents() {
        return workers.pending();
    }

    /** The port HTTP mode listens on (useful with port 0), or -1 when it is not listening. */
    public synchronized int httpPort() {
        return httpServer == null ? -1 : httpServer.port();
    }
}
