package io.policybot.benchmarks;

import com.slack.api.app_backend.SlackSignature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policybot.app.AppConfig;
import io.policybot.app.BotRuntime;
import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.SignedRequests;
import io.policybot.text.Messages;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack under load, on loopback: the real engine (bundled content, SQLite in a temporary directory) behind the real
 * Bolt app in HTTP mode, the fake Slack Web API of the adapter's tests, and signed {@code message.im} events sent
 * open-loop at a fixed rate, each from a new person (so users.info is asked, and no answer comes from the cache).
 * Latency is measured from when each event was due, not when it went out, so a late sender cannot hide a slow bot.
 * Reproduce: {@code ./policybot bench --slack-load [--rate 200 --seconds 60]}.
 */
final class SlackLoadBench {
    private static final String TOKEN = "xoxb-bench-token";
    private static final String SECRET = "bench-signing-secret";

    private final AppConfig config;
    private final List<String[]> questions;

    SlackLoadBench(AppConfig config, List<String[]> questions) {
        this.config = config;
        this.questions = questions;
    }

    void run(int rate, int seconds, int workers, int queue, PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("policybot-slack-load");
        LoadFigures.copyVectors(config.dataDir(), data);
        String busyText = Messages.of("slack", "en").get("error.busy");
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ConcurrentHashMap<String, Long> answered = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Long> busy = new ConcurrentHashMap<>();
        try (FakeSlackApi api = FakeSlackApi.start();
             BotRuntime runtime = BotRuntime.onPlatforms(new AppConfig(config.contentDir(), data, config.embeddings()), clock,
                     Set.of("slack"))) {
            api.listen(call -> {
                if (!call.method().equals("chat.postMessage") || call.param("channel") == null) {
                    return;
                }
                String user = "U" + call.param("channel").substring(1);
                long now = System.nanoTime();
                if (busyText.equals(call.param("text"))) {
                    busy.putIfAbsent(user, now);
                } else {
                    answered.putIfAbsent(user, now);
                }
            }, false);
            SlackBot bot = new SlackBot(SlackConfig.httpMode(TOKEN, SECRET, 0, null, null), runtime.engine(), clock,
                    SlackBot.Options.defaults().withApiUrl(api.apiUrl()).withHttpBind("127.0.0.1")
                            .withAnswering(workers, queue).withMeters(meters));
            bot.start();
            runtime.connect(bot.gateway());
            try {
                Driver driver = new Driver(bot.httpPort(), questions);
                out.printf(Locale.ROOT, "slack load: warming up (20/s for 10 s)...%n");
                LoadFigures warm = driver.run("UW", 20, 10, answered, busy, bot::queuedEvents);
                warm.awaitOutcomes(Duration.ofSeconds(60));
                out.printf(Locale.ROOT, "slack load: %d events/s for %d s, %d answering threads, %d may wait%n",
                        rate, seconds, workers, queue);
                LoadFigures figures = driver.run("UL", rate, seconds, answered, busy, bot::queuedEvents);
                figures.awaitOutcomes(Duration.ofSeconds(120));
                figures.print("slack", out);
            } finally {
                bot.stop();
            }
        }
    }

    /** Sends signed DM events open-loop at a fixed rate and records when each was acknowledged. */
    private static final class Driver {
        private final SlackSignature.Generator signer = new SlackSignature.Generator(SECRET);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        private final URI endpoint;
        private final List<String[]> questions;

        Driver(int port, List<String[]> questions) {
            this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
            this.questions = questions;
        }

        LoadFigures run(String prefix, int rate, int seconds, ConcurrentHashMap<String, Long> answered,
                        ConcurrentHashMap<String, Long> busy, java.util.function.IntSupplier queueDepth)
                throws InterruptedException {
            int total = rate * seconds;
            long period = 1_000_000_000L / rate;
            LoadFigures figures = new LoadFigures(total, seconds, answered, busy);
            for (int k = 0; k < total; k++) {
                figures.users[k] = String.format(Locale.ROOT, "%s%07d", prefix, k);
            }
            AtomicInteger next = new AtomicInteger();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long start = System.nanoTime();
            figures.start(start);
            ticker.scheduleAtFixedRate(() -> {
                // Catch up on every event that is due: the schedule, not the ticker, sets the rate.
                long due = (System.nanoTime() - start) / period + 1;
                for (int k = next.get(); k < Math.min(due, total) && next.compareAndSet(k, k + 1); k = next.get()) {
                    send(k, start + k * period, figures);
                }
                figures.sampleQueue(queueDepth.getAsInt());
            }, 0, Math.max(1, period / 1000), TimeUnit.MICROSECONDS);
            while (next.get() < total) {
                Thread.sleep(50);
            }
            ticker.shutdown();
            figures.sent(System.nanoTime());
            return figures;
        }

        private void send(int k, long dueNanos, LoadFigures figures) {
            String user = figures.users[k];
            String channel = FakeSlackApi.dmChannelOf(user);
            String[] q = questions.get(k % questions.size());
            // A number makes every question new to the answer cache, as a crowd's own wording would.
            String text = q[1] + " (" + k + ")";
            String ts = String.format(Locale.ROOT, "17%08d.%06d", k / 1_000_000, k % 1_000_000);
            String body = SignedRequests.eventCallback("Ev" + user, SignedRequests.dmMessage(user, channel, text, ts));
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", signer.generate(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            figures.due[k] = dueNanos;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) ->
                    figures.acked(k, System.nanoTime(), error == null ? response.statusCode() : -1));
        }
    }
}
