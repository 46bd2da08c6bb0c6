package io.policybot.discord;

import io.policybot.chat.ChatGateway;
import io.policybot.chat.ConversationEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import io.policybot.chat.AnswerPool;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PolicyBot on Discord: a JDA bot that turns {@code /policy} commands, DMs, mentions and button presses into
 * {@link io.policybot.chat.Inbound}s for the engine and its replies into embeds and buttons.
 *
 * <pre>{@code
 * DiscordConfig config = DiscordConfig.fromEnv(System.getenv()).orElseThrow();
 * DiscordBot bot = new DiscordBot(config, engine, Clock.systemUTC());
 * bot.start();                  // connects, waits until ready, registers /policy
 * ChatGateway discord = bot.gateway();   // for the announcement outbox
 * ...
 * bot.stop();
 * }</pre>
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /**
     * The gateway intents the bot asks for, nothing more. Slash commands and buttons need none.
     * {@code GUILD_MESSAGES}: to see messages that mention the bot in server channels;
     * {@code DIRECT_MESSAGES}: to see DMs. Not the privileged {@code MESSAGE_CONTENT}: Discord delivers the
     * content of DMs and of messages that mention the bot without it. JDA always adds {@code GUILDS}.
     */
    public static final Set<GatewayIntent> INTENTS =
            Set.copyOf(EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES));

    static final Duration DM_PACE = Duration.ofSeconds(1);
    static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REPLAY_MEMORY = Duration.ofMinutes(20);

    private final DiscordConfig config;
    /**
     * How answering is bounded, and where meters go.
     *
     * @param workers       engine calls at once (default: one per core)
     * @param queueCapacity events that may wait or be answered; beyond it people are told to ask again in a minute
     * @param meters        events, queue depth, REST calls by route and outcome; null for none
     */
    public record Options(int workers, int queueCapacity, io.micrometer.core.instrument.MeterRegistry meters) {
        public static final int DEFAULT_QUEUE_CAPACITY = 500;

        public Options {
            if (workers < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("workers and queueCapacity must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options(Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_QUEUE_CAPACITY, null);
        }

        /** The defaults with {@code DISCORD_WORKERS} and {@code DISCORD_QUEUE} from the environment when set. */
        public static Options fromEnv(java.util.Map<String, String> env) {
            Options d = defaults();
            return d.withAnswering(AnswerPool.bound(env, "DISCORD_WORKERS", d.workers()),
                    AnswerPool.bound(env, "DISCORD_QUEUE", d.queueCapacity()));
        }

        public Options withAnswering(int threads, int capacity) {
            return new Options(threads, capacity, meters);
        }

        public Options withMeters(io.micrometer.core.instrument.MeterRegistry registry) {
            return new Options(workers, queueCapacity, registry);
        }
    }

    private final AnswerPool pool;
    private final DiscordMetrics metrics;
    private final AtomicReference<JDA> jda = new AtomicReference<>();
    private final DiscordListener listener;
    private final DiscordGateway gateway;
    private boolean stopped;

    public DiscordBot(DiscordConfig config, ConversationEngine engine, Clock clock) {
        this(config, engine, clock, Options.defaults());
    }

    public DiscordBot(DiscordConfig config, ConversationEngine engine, Clock clock, Options options) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
        this.metrics = new DiscordMetrics(options.meters());
        this.pool = new AnswerPool("discord-answer", options.workers(), options.queueCapacity(), 10);
        this.listener = new DiscordListener(engine, pool, clock, new ReplayGuard(clock, REPLAY_MEMORY, 50_000),
                new LocaleMemory(10_000), new Responder(clock, config), metrics);
        this.gateway = new DiscordGateway(jda::get, config, new DmPacer(clock, DM_PACE), GATEWAY_TIMEOUT);
    }

    /**
     * Connects to Discord, waits until the session is ready and registers {@code /policy}: in the configured guild
     * (shown at once) or globally. Blocks the caller for the few seconds that takes.
     *
     * @throws DiscordException     when the token is refused or the connection fails
     * @throws IllegalStateException after {@link #stop()}
     */
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("a stopped DiscordBot cannot be started again");
        }
        if (jda.get() != null) {
            return;
        }
        MessageRequest.setDefaultMentions(MessageRenderer.NO_MENTIONS);
        MessageRequest.setDefaultMentionRepliedUser(false);
        JDA client;
        try {
            client = builder(config).setHttpClientBuilder(meteredHttp()).addEventListeners(listener).build();
        } catch (InvalidTokenException e) {
            throw new DiscordException("Discord refused the bot token (" + DiscordConfig.ENV_TOKEN + ")", e);
        } catch (RuntimeException e) {
            throw new DiscordException("could not connect to Discord: " + e.getClass().getSimpleName(), e);
        }
        try {
            client.awaitReady();
        } catch (InterruptedException e) {
            client.shutdownNow();
            Thread.currentThread().interrupt();
            throw new DiscordException("interrupted while connecting to Discord", e);
        } catch (RuntimeException e) {
            client.shutdownNow();
            throw new DiscordException("could not connect to Discord: " + e.getClass().getSimpleName(), e);
        }
        registerCommands(client);
        jda.set(client);
        LOG.info("Discord bot connected with intents {}{}", INTENTS,
                config.restBaseUrl() == null && config.gatewayUrl() == null ? ""
                        : " (REST " + Objects.requireNonNullElse(config.restBaseUrl(), "default") + ", gateway "
                        + Objects.requireNonNullElse(config.gatewayUrl(), "default") + ")");
    }

    /**
     * JDA's builder for this configuration: the light cache and the intents above, and, when configured, another REST
     * base ({@link RestConfig#setBaseUrl}) and gateway. For a single bot JDA never asks {@code GET /gateway/bot}: it
     * connects to {@link SessionController#getGateway()}, so the gateway URL is set by overriding that.
     */
    static JDABuilder builder(DiscordConfig config) {
        JDABuilder builder = JDABuilder.createLight(config.token(), INTENTS);
        if (config.restBaseUrl() != null) {
            builder.setRestConfig(new RestConfig().setBaseUrl(config.restBaseUrl()));
        }
        if (config.gatewayUrl() != null) {
            String gateway = config.gatewayUrl();
            builder.setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
        }
        return builder;
    }

    /** JDA's HTTP client with every REST call counted by route and outcome (no bodies, no tokens). */
    private okhttp3.OkHttpClient.Builder meteredHttp() {
        // JDA's own defaults (time-outs, connection pool), plus the interceptor.
        return net.dv8tion.jda.internal.utils.IOUtil.newHttpClientBuilder().addInterceptor(chain -> {
            okhttp3.Request request = chain.request();
            long t0 = System.nanoTime();
            try {
                okhttp3.Response response = chain.proceed(request);
                metrics.apiCall(request.method(), request.url().encodedPath(), response.code(),
                        Duration.ofNanos(System.nanoTime() - t0));
                return response;
            } catch (java.io.IOException e) {
                metrics.apiCall(request.method(), request.url().encodedPath(), -1, Duration.ofNanos(System.nanoTime() - t0));
                throw e;
            }
        });
    }

    /** Events waiting for an answer or being answered now. */
    public int queuedEvents() {
        return pool.pending();
    }

    private void registerCommands(JDA client) {
        if (config.guildId() != null) {
            Guild guild = client.getGuildById(config.guildId());
            if (guild == null) {
                LOG.error("the bot is not a member of guild {} ({}); /policy not registered there",
                        config.guildId(), DiscordConfig.ENV_GUILD_ID);
                return;
            }
            guild.updateCommands().addCommands(PolicyCommand.definition()).queue(
                    ok -> LOG.info("/policy registered in guild {}", config.guildId()),
                    error -> LOG.error("registering /policy failed: {}", DeliveryErrors.describe(error)));
        } else {
            client.updateCommands().addCommands(PolicyCommand.definition()).queue(
                    ok -> LOG.info("/policy registered globally (may take up to an hour to appear)"),
                    error -> LOG.error("registering /policy failed: {}", DeliveryErrors.describe(error)));
        }
    }

    /** The outbound port for announcements and reminders; answers "retry later" until {@link #start()} is done. */
    public ChatGateway gateway() {
        return gateway;
    }

    /**
     * Lets answers in progress finish (up to 10 seconds), then disconnects; requests already queued in JDA are
     * still sent. Safe to call twice; a stopped bot cannot be started again.
     */
    public synchronized void stop() {
        stopped = true;
        if (!pool.drain(Duration.ofSeconds(10))) {
            LOG.warn("some Discord answers were still running at shutdown");
        }
        pool.close();
        JDA client = jda.getAndSet(null);
        if (client != null) {
            client.shutdown();
            try {
                if (!client.awaitShutdown(Duration.ofSeconds(10))) {
                    client.shutdownNow();
                }
            } catch (InterruptedException e) {
                client.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
