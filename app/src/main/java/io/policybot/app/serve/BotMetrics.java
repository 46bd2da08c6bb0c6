package io.policybot.app.serve;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.LiveAnswerer;
import io.policybot.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of {@code serve}, in Prometheus's registry: the JVM and the process, and what the database holds
 * (questions answered / hedged / declined per language, quiz answers recorded, the outbox per platform and status),
 * read every 15 seconds in one query each so a scrape never waits for the database, and the same on every replica
 * because it is the shared database that is counted. The adapters add their own (ack latency, events, queue depth,
 * API calls); {@link MeteredEngine} adds the answer latency.
 */
public final class BotMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BotMetrics.class);
    static final Duration REFRESH = Duration.ofSeconds(15);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Double> questions = new ConcurrentHashMap<>();
    private final Map<String, Double> outbox = new ConcurrentHashMap<>();
    private volatile double quizAnswers;
    private volatile boolean readOnce;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "policybot-metrics");
        t.setDaemon(true);
        return t;
    });
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public BotMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", BotMetrics::rssBytes).baseUnit("bytes")
                .description("Resident set size of the process (Linux)").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Starts reading the database's numbers and the answerer's cache; call once the runtime is built. */
    public void watch(Database database, LiveAnswerer answerer) {
        FunctionCounter.builder("policybot.answer.cache.hits", answerer, a -> a.get().cacheStats().hitCount())
                .description("Questions answered from the answer cache (since the content in force was loaded)")
                .register(registry);
        FunctionCounter.builder("policybot.answer.cache.misses", answerer, a -> a.get().cacheStats().missCount())
                .description("Questions searched (not in the answer cache)").register(registry);
        Gauge.builder("policybot.answer.cache.hit.ratio", answerer, a -> a.get().cacheStats().hitRate())
                .description("Share of questions answered from the cache").register(registry);
        FunctionCounter.builder("policybot.db.writes", database, d -> d.writeStats().writes())
                .description("Writes committed (several can share a commit)").register(registry);
        FunctionCounter.builder("policybot.db.commits", database, d -> d.writeStats().commits())
                .description("Commits; writes / commits is the average commit batch size").register(registry);
        watchCommits(database);
        FunctionCounter.builder("policybot.quiz.answers.recorded", this, m -> m.quizAnswers)
                .description("Quiz answers recorded (all time, in the database)").register(registry);
        refresh(database);
        refresher.scheduleWithFixedDelay(() -> refresh(database), REFRESH.toSeconds(), REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    /** The batch size and latency of every commit this process makes on {@code database}. */
    void watchCommits(Database database) {
        io.micrometer.core.instrument.DistributionSummary batch = io.micrometer.core.instrument.DistributionSummary
                .builder("policybot.db.commit.batch").baseUnit("writes")
                .description("Writes that shared one commit (group commit)").serviceLevelObjectives(1, 2, 4, 8, 16, 32,
                        64, 128, 256).register(registry);
        io.micrometer.core.instrument.Timer latency = io.micrometer.core.instrument.Timer
                .builder("policybot.db.commit.latency")
                .description("Time of a commit's transaction, from begin to commit (this process's writes)")
                .publishPercentileHistogram().register(registry);
        database.onCommit((writes, nanos) -> {
            batch.record(writes);
            latency.record(nanos, TimeUnit.NANOSECONDS);
        });
    }

    private void refresh(Database database) {
        double hedgeBelow = AnsweringSettings.DEFAULTS.answerConfidence();
        try {
            Map<String, Double> q = database.read(c -> {
                Map<String, Double> out = new HashMap<>();
                try (var ps = c.prepareStatement("SELECT language, CASE WHEN NOT answered THEN 'declined' "
                        + "WHEN confidence < ? THEN 'hedged' ELSE 'answered' END AS outcome, COUNT(*) "
                        + "FROM question_log GROUP BY language, outcome")) {
                    ps.setDouble(1, hedgeBelow);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getDouble(3));
                        }
                    }
                }
                return out;
            });
            Map<String, Double> o = database.read(c -> {
                Map<String, Double> out = new HashMap<>();
                try (var ps = c.prepareStatement("SELECT platform, status, COUNT(*), "
                        + "SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END) FROM outbox_message GROUP BY platform, status");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getDouble(3));
                        out.merge(rs.getString(1) + "\u0000retried", rs.getDouble(4), Double::sum);
                    }
                }
                return out;
            });
            quizAnswers = database.read(c -> {
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM training_answer"); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : 0.0;
                }
            });
            q.forEach((key, n) -> {
                if (questions.put(key, n) == null) {
                    String[] k = key.split("\u0000");
                    FunctionCounter.builder("policybot.questions", questions, m -> m.getOrDefault(key, 0.0))
                            .description("Questions by language and outcome (answered, hedged: suggested sections "
                                    + "only, declined: \"I don't know\"), all time, in the database")
                            .tags(Tags.of("language", k[0], "outcome", k[1])).register(registry);
                }
            });
            for (String platform : new String[] {"slack", "discord"}) {
                for (String status : new String[] {"pending", "sending", "sent", "failed", "skipped", "retried"}) {
                    o.putIfAbsent(platform + "\u0000" + status, 0.0);
                }
            }
            o.forEach((key, n) -> {
                if (outbox.put(key, n) == null) {
                    String[] k = key.split("\u0000");
                    Gauge.builder("policybot.outbox.messages", outbox, m -> m.getOrDefault(key, 0.0))
                            .description("Announcement and reminder messages by platform and status; retried = "
                                    + "needed more than one attempt")
                            .tags(Tags.of("platform", k[0], "status", k[1])).register(registry);
                }
            });
            readOnce = true;
        } catch (RuntimeException e) {
            log.warn("Reading the database's numbers for /metrics failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Counts one send attempt of an announcement or reminder by this process: per platform, outcome (sent, retry,
     * failed) and which attempt of the message it was (1, 2, 3+); a retry also counts in
     * {@code policybot.outbox.retries}.
     */
    public void outboxAttempt(String platform, int attempt, io.policybot.announcements.OutboxDispatcher.Outcome outcome) {
        String outcomeTag = outcome.name().toLowerCase(java.util.Locale.ROOT);
        io.micrometer.core.instrument.Counter.builder("policybot.outbox.attempts")
                .description("Send attempts of outbox messages by this process, by platform, outcome and attempt number")
                .tags("platform", platform, "outcome", outcomeTag, "attempt", attempt >= 3 ? "3+" : Integer.toString(attempt))
                .register(registry).increment();
        if (outcome == io.policybot.announcements.OutboxDispatcher.Outcome.RETRY) {
            retries(platform).increment();
        }
    }

    private io.micrometer.core.instrument.Counter retries(String platform) {
        return io.micrometer.core.instrument.Counter.builder("policybot.outbox.retries")
                .description("Outbox messages put back for another attempt by this process (a transient failure or "
                        + "a rate limit)").tags("platform", platform).register(registry);
    }

    /** The outbox counters at zero for these platforms, so a dashboard has its series before the first send. */
    public void outboxPlatforms(java.util.Collection<String> platforms) {
        for (String platform : platforms) {
            retries(platform);
            io.micrometer.core.instrument.Counter.builder("policybot.outbox.attempts")
                    .description("Send attempts of outbox messages by this process, by platform, outcome and attempt number")
                    .tags("platform", platform, "outcome", "sent", "attempt", "1").register(registry);
        }
    }

    /** Whether the database's numbers were read at least once. */
    boolean readOnce() {
        return readOnce;
    }

    static double rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        gc.close();
        registry.close();
    }
}
