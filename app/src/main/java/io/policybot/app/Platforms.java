package io.policybot.app;

import io.policybot.discord.DiscordBot;
import io.policybot.discord.DiscordConfig;
import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which chat platforms are configured, from the environment (tokens are never printed), and running them. */
public record Platforms(boolean slack, boolean discord, Map<String, String> env) {
    private static final Logger log = LoggerFactory.getLogger(Platforms.class);

    public static Platforms fromEnvironment(Map<String, String> env) {
        boolean slack = present(env, SlackConfig.ENV_BOT_TOKEN)
                && (present(env, SlackConfig.ENV_APP_TOKEN) || present(env, SlackConfig.ENV_SIGNING_SECRET));
        boolean discord = present(env, DiscordConfig.ENV_TOKEN);
        return new Platforms(slack, discord, env);
    }

    /** The platform names, as {@link io.policybot.chat.Actor#platform()} has them. */
    public java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (slack) {
            names.add("slack");
        }
        if (discord) {
            names.add("discord");
        }
        return names;
    }

    public boolean none() {
        return !slack && !discord;
    }

    /** Starts the configured bots side by side on one engine and blocks until the process is asked to stop. */
    int runUntilStopped(BotRuntime runtime) throws InterruptedException, java.io.IOException {
        return runUntilStopped(runtime, Hooks.NONE);
    }

    /**
     * What {@code serve} adds to a run: the engine the adapters see (timed), where the adapters' meters go, what to
     * do once every platform is up, and what to close last.
     */
    public record Hooks(java.util.function.UnaryOperator<io.policybot.chat.ConversationEngine> engine,
                        io.micrometer.core.instrument.MeterRegistry meters, Runnable started, AutoCloseable last) {
        static final Hooks NONE = new Hooks(e -> e, null, () -> { }, () -> { });
    }

    /** As {@link #runUntilStopped(BotRuntime)}, with {@code serve}'s hooks. */
    public int runUntilStopped(BotRuntime runtime, Hooks hooks) throws InterruptedException, java.io.IOException {
        io.policybot.chat.ConversationEngine engine = hooks.engine().apply(runtime.engine());
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable bot : running.reversed()) {
                try {
                    bot.close();
                } catch (Exception e) {
                    log.warn("error while stopping a bot: {}", e.toString());
                }
            }
            runtime.close();
            try {
                hooks.last().close();
            } catch (Exception e) {
                log.warn("error while stopping: {}", e.toString());
            }
            stop.countDown();
        }, "policybot-shutdown"));
        if (slack) {
            SlackBot bot = new SlackBot(SlackConfig.fromEnv(env), engine, runtime.clock(),
                    SlackBot.Options.fromEnv(env).withMeters(hooks.meters()));
            bot.start();
            running.add(bot);
            runtime.connect(bot.gateway());
            System.err.println("PolicyBot is answering on Slack. " + bot.hrSetup() + ".");
        }
        if (discord) {
            DiscordBot bot = new DiscordBot(DiscordConfig.fromEnv(env).orElseThrow(), engine, runtime.clock(),
                    DiscordBot.Options.fromEnv(env).withMeters(hooks.meters()));
            bot.start();
            running.add(bot);
            runtime.connect(bot.gateway());
            System.err.println("PolicyBot is answering on Discord.");
        }
        // Announcement delivery and reminders run in the background once the platforms are up.
        runtime.announcements().start();
        // HR edits the content directory; a saved change is published without a restart.
        ContentWatcher watcher = ContentWatcher.forRuntime(runtime, java.time.Duration.ofSeconds(2),
                message -> log.warn("{}", message));
        if (watcher != null) {
            running.add(watcher);
        }
        hooks.started().run();
        stop.await();
        return 0;
    }

    private static boolean present(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }
}
