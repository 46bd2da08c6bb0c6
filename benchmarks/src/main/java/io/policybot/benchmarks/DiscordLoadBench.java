package io.policybot.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policybot.app.AppConfig;
import io.policybot.app.BotRuntime;
import io.policybot.discord.DiscordBot;
import io.policybot.discord.DiscordConfig;
import io.policybot.discord.testing.FakeDiscordServer;
import io.policybot.discord.testing.FakeDiscordServer.Interaction;
import io.policybot.discord.testing.FakeDiscordServer.Request;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Discord under load, on loopback: {@code /policy ask} slash commands in a server channel at a fixed rate through the
 * fake Discord's gateway into the real JDA, the real engine (bundled content, SQLite in a temporary directory), and
 * back as REST calls (Discord wants the interaction acknowledged within 3 s). Every question is new to the answer
 * cache. Reproduce: {@code ./policybot bench --discord-load [--rate 200 --seconds 60]}.
 */
final class DiscordLoadBench {
    private final AppConfig config;
    private final List<String[]> questions;

    DiscordLoadBench(AppConfig config, List<String[]> questions) {
        this.config = config;
        this.questions = questions;
    }

    void run(int rate, int seconds, int workers, int queue, PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("policybot-discord-load");
        LoadFigures.copyVectors(config.dataDir(), data);
        String busyText = ResourceBundle.getBundle("i18n.discord", Locale.ROOT).getString("busy");
        try (FakeDiscordServer discord = new FakeDiscordServer(41_250);
             BotRuntime runtime = BotRuntime.onPlatforms(new AppConfig(config.contentDir(), data, config.embeddings()),
                     Clock.systemUTC(), Set.of("discord"))) {
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String id = String.valueOf(1500000000000100000L + i);
                discord.addUser(id, "user" + i, "User " + i, false, FakeDiscordServer.STAFF_ROLE);
                users.add(id);
            }
            DiscordConfig dc = new DiscordConfig(FakeDiscordServer.TOKEN, FakeDiscordServer.GUILD_ID,
                    FakeDiscordServer.HR_DESK, FakeDiscordServer.ANNOUNCEMENTS)
                    .withEndpoints(discord.restBaseUrl(), discord.gatewayUrl());
            DiscordBot bot = new DiscordBot(dc, runtime.engine(), runtime.clock(),
                    DiscordBot.Options.defaults().withAnswering(workers, queue).withMeters(new SimpleMeterRegistry()));
            bot.start();
            runtime.connect(bot.gateway());
            try {
                out.printf(Locale.ROOT, "discord load: warming up (20/s for 10 s)...%n");
                run(discord, bot, users, 20, 10, busyText);
                out.printf(Locale.ROOT, "discord load: %d slash commands/s for %d s, %d answering threads, %d may wait%n",
                        rate, seconds, workers, queue);
                run(discord, bot, users, rate, seconds, busyText).print("discord", out);
            } finally {
                bot.stop();
            }
        }
    }

    private LoadFigures run(FakeDiscordServer discord, DiscordBot bot, List<String> users, int rate, int seconds,
                            String busyText) throws InterruptedException {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        int since = discord.requestCount();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> busy = new ConcurrentHashMap<>();
        LoadFigures figures = new LoadFigures(total, seconds, answered, busy);
        Interaction[] sent = new Interaction[total];
        AtomicInteger next = new AtomicInteger();
        Instant base = Instant.now();
        long start = System.nanoTime();
        figures.start(0);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - start) / period + 1;
            for (int k = next.get(); k < Math.min(due, total) && next.compareAndSet(k, k + 1); k = next.get()) {
                String[] q = questions.get(k % questions.size());
                sent[k] = discord.slash(users.get(k % users.size()), true, "ask",
                        Map.of("question", q[1] + " (" + k + ")"));
                figures.due[k] = k * period;
            }
            figures.sampleQueue(bot.queuedEvents());
        }, 0, Math.max(1, period / 1000), TimeUnit.MICROSECONDS);
        while (next.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        figures.sent(System.nanoTime() - start);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Integer> index = new ConcurrentHashMap<>();
        for (int k = 0; k < total; k++) {
            figures.users[k] = sent[k].token();
            index.put(sent[k].id(), k);
            index.put(sent[k].token(), k);
        }
        int seen = since;
        while (System.nanoTime() < deadline && answered.size() + busy.size() + figures.busyByMessage() < total) {
            List<Request> requests = discord.requestsSince(seen);
            seen += requests.size();
            for (Request r : requests) {
                String[] p = r.path().split("/");
                long at = Duration.between(base, r.at()).toNanos();
                if (r.method().equals("POST") && r.path().endsWith("/callback") && p.length >= 3) {
                    Integer k = index.get(p[1]);
                    if (k != null) {
                        figures.acked(k, at, r.status());
                        // When the queue is full the busy note is the interaction's response itself.
                        if (r.status() < 300 && r.body() != null && r.body().toString().contains(busyText)) {
                            busy.putIfAbsent(sent[k].token(), at);
                        }
                    }
                } else if (r.method().equals("POST") && p.length == 3 && p[0].equals("channels") && p[2].equals("messages")
                        && r.body() != null && r.body().toString().contains(busyText)) {
                    // A busy note whose interaction response came too late goes as a fresh message (or DM): it names
                    // no interaction, so it is counted, not matched.
                    figures.toldBusyByMessage();
                } else if (p.length >= 3 && p[0].equals("webhooks") && r.body() != null) {
                    Integer k = index.get(p[2]);
                    if (k == null) {
                        continue;
                    }
                    if (r.text().contains(busyText)) {
                        busy.putIfAbsent(sent[k].token(), at);
                    } else if (r.method().equals("PATCH")) {
                        answered.putIfAbsent(sent[k].token(), at);
                    }
                }
            }
            figures.sampleQueue(bot.queuedEvents());
            Thread.sleep(200);
        }
        // Due times were measured from the first send; the fake's clock from `base`, a moment before.
        long offset = Duration.between(base, sent[0].dispatchedAt()).toNanos();
        for (int k = 0; k < total; k++) {
            figures.due[k] += offset;
        }
        return figures;
    }
}
