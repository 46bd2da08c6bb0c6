package io.policybot.app;

import io.policybot.discord.DiscordBot;
import io.policybot.slack.SlackBot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot as a long-running process: the configured bots on one engine, delivery, the content watcher, shutdown. */
final class BotProcess {
    private static final Logger log = LoggerFactory.getLogger(BotProcess.class);

    private BotProcess() {
    }

    /** Starts the configured bots side by side on one engine and blocks until the process is asked to stop. */
    static int runUntilStopped(PlatformConfig platforms, BotRuntime runtime)
            throws InterruptedException, java.io.IOException {
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
            stop.countDown();
        }, "policybot-shutdown"));
        if (platforms.slack().isPresent()) {
            SlackBot bot = new SlackBot(platforms.slack().get(), runtime.engine(), runtime.clock(),
                    platforms.slackOptions());
            bot.start();
            running.add(bot);
            runtime.connect(bot.gateway());
            System.err.println("PolicyBot is answering on Slack. " + bot.hrSetup() + ".");
        }
        if (platforms.discord().isPresent()) {
            DiscordBot bot = new DiscordBot(platforms.discord().get(), runtime.engine(), runtime.clock());
            bot.start();
            running.add(bot);
            runtime.connect(bot.gateway());
            System.err.println("PolicyBot is answering on Discord.");
        }
        // Announcement delivery and reminders run in the background once the platforms are up, on their gateways.
        runtime.startDelivery();
        // HR edits the content directory; a saved change is published without a restart.
        ContentWatcher watcher = ContentWatcher.forRuntime(runtime, java.time.Duration.ofSeconds(2),
                message -> log.warn("{}", message));
        if (watcher != null) {
            running.add(watcher);
        }
        stop.await();
        return 0;
    }
}
