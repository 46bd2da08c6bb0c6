package io.policybot.benchmarks;

import io.policybot.answering.AnsweringSettings;
import io.policybot.app.AppConfig;
import io.policybot.app.PolicyBotCommand;
import io.policybot.answering.Evaluation;
import io.policybot.answering.OnnxEmbedders;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.VectorCache;
import io.policybot.content.ContentLibrary;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Answering speed and memory on this machine: start to first answer, index build, latency percentiles (answer
 * cache off, so every question is searched), throughput on all cores, heap after load.
 * Reproduce: {@code ./policybot bench} (add {@code --no-embeddings} for lexical only).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure answer latency, throughput, start-up and memory.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "FILE", description = "TSV question file (default: built-in sample).")
    Path questions;

    @Option(names = "--iterations", description = "Questions answered for the latency figures (default ${DEFAULT-VALUE}).")
    int iterations = 5000;

    @Option(names = "--threads", description = "Threads for the throughput figure (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--cold", description = "Embed every passage again instead of using the data directory's vector cache.")
    boolean cold;

    @Option(names = "--training", description = "Benchmark training records instead: concurrent quiz takers on SQLite.")
    boolean training;

    @Option(names = "--users", description = "Simulated people for --training (default 1000) or --outbox (default 50000).")
    Integer users;

    @Option(names = "--outbox", description = "Benchmark the announcement outbox instead: enqueue to --users people, "
            + "then delivery through a fake platform (simulated clock).")
    boolean outbox;

    @Option(names = "--dispatch", description = "Messages delivered for the --outbox delivery figures (default ${DEFAULT-VALUE}).")
    int dispatch = 2000;

    @Option(names = "--think-ms", paramLabel = "MIN-MAX",
            description = "Think time between answers in the --training people run, uniform (default ${DEFAULT-VALUE}).")
    String thinkMillis = "500-3000";

    @Option(names = "--max-seconds", description = "Time limit of the --training people run (default ${DEFAULT-VALUE}).")
    long maxSeconds = 120;

    @Option(names = "--seed", description = "Seed of the --training think times and quiz draws (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--reports", description = "Benchmark reports instead: a manager report on a big org in SQLite.")
    boolean reports;

    @Option(names = "--console", description = "Benchmark the web console instead: Overview and People for a "
            + "manager's 2,000-person org in --people with --records training records (SQLite).")
    boolean console;

    @Option(names = "--db", description = "For --console: keep the generated SQLite database in this file and use it "
            + "again on the next run (generating it takes minutes); default: a temporary file.")
    java.nio.file.Path consoleDb;

    @Option(names = "--people", description = "People for --reports, --console and --announce-status (default ${DEFAULT-VALUE}).")
    int people = 50_000;

    @Option(names = "--records", description = "Training records for --reports (default ${DEFAULT-VALUE}).")
    int records = 1_000_000;

    @Option(names = "--slack-load", description = "Benchmark Slack under load instead: signed events at --rate for "
            + "--seconds through the real Bolt app in HTTP mode and the engine, against a fake Web API on loopback.")
    boolean slackLoad;

    @Option(names = "--discord-load", description = "Benchmark Discord under load instead: slash commands at --rate for "
            + "--seconds through the real JDA and the engine, against a fake Discord on loopback.")
    boolean discordLoad;

    @Option(names = "--rate", description = "Events per second for --slack-load / --discord-load (default ${DEFAULT-VALUE}).")
    int rate = 200;

    @Option(names = "--seconds", description = "How long --slack-load / --discord-load send (default ${DEFAULT-VALUE}).")
    int loadSeconds = 60;

    @Option(names = "--workers", description = "Answering threads for the load benchmarks (default: cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--queue", description = "Events that may wait for an answer in the load benchmarks (default ${DEFAULT-VALUE}).")
    int queue = 500;

    @Option(names = "--announce-status", description = "Benchmark `announce status` instead: on the --data directory "
            + "(made with --people people and one announcement to them when it has no database yet).")
    boolean announceStatus;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AppConfig config = parent.config();
        if (slackLoad) {
            new SlackLoadBench(config, sample()).run(rate, loadSeconds, workers, queue, out);
            return 0;
        }
        if (discordLoad) {
            new DiscordLoadBench(config, sample()).run(rate, loadSeconds, workers, queue, out);
            return 0;
        }
        if (announceStatus) {
            new AnnounceStatusBench(config).run(people, Math.min(dispatch, people), 20, out);
            return 0;
        }
        if (console) {
            new ConsoleBench(config.loadContent()).run(people, records, 100, consoleDb, out);
            return 0;
        }
        if (reports) {
            new ReportsBench(config.loadContent()).run(people, records, 30, out);
            return 0;
        }
        if (training) {
            String[] think = thinkMillis.split("-", 2);
            long thinkMin = Long.parseLong(think[0].strip());
            long thinkMax = think.length == 2 ? Long.parseLong(think[1].strip()) : thinkMin;
            if (thinkMin < 0 || thinkMax < thinkMin) {
                throw new ParameterException(spec.commandLine(),
                        "--think-ms wants MIN-MAX milliseconds, MIN <= MAX, not " + thinkMillis);
            }
            new TrainingBench(config.loadContent()).run(users == null ? 1000 : users, thinkMin, thinkMax, maxSeconds, seed, out);
            return 0;
        }
        if (outbox) {
            new OutboxBench(config.loadContent()).run(users == null ? 50_000 : users, dispatch, out);
            return 0;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        OnnxEmbedders embedders = new OnnxEmbedders(config.dataDir().resolve("models")); // as the runtime
        if (config.embeddings()) {
            embedders.preload(List.of("en")); // as the runtime does
        }
        long t0 = System.nanoTime();
        ContentLibrary library = config.loadContent();
        long loaded = System.nanoTime();
        AnsweringSettings noCache = AnsweringSettings.DEFAULTS.withCacheSize(0);
        // The data directory's vector cache, as a restarted bot has it; --cold starts from nothing.
        Path vectorDir = cold ? Files.createTempDirectory("policybot-bench-vectors") : config.dataDir().resolve("vectors");
        QuestionAnswerer answerer = config.embeddings()
                ? new QuestionAnswerer(library, noCache, embedders, new VectorCache(vectorDir))
                : new QuestionAnswerer(library, noCache);
        long indexed = System.nanoTime();
        answerer.answer("Can I mention my employer on LinkedIn?", "en");
        long firstAnswer = System.currentTimeMillis();
        long warmIndex = -1;
        if (config.embeddings()) {
            long w0 = System.nanoTime();
            new QuestionAnswerer(library, noCache, new OnnxEmbedders(config.dataDir().resolve("models")),
                    new VectorCache(vectorDir));
            warmIndex = (System.nanoTime() - w0) / 1_000_000;
        }

        List<String[]> qs = sample();
        for (int i = 0; i < 300; i++) { // warm-up
            String[] q = qs.get(i % qs.size());
            answerer.answer(q[1], q[0]);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            String[] q = qs.get(i % qs.size());
            long s = System.nanoTime();
            answerer.answer(q[1], q[0]);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long tp0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < iterations; i = next.getAndIncrement()) {
                    String[] q = qs.get(i % qs.size());
                    answerer.answer(q[1], q[0]);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - tp0) / 1e9;
        pool.shutdown();

        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        out.printf(Locale.ROOT, "retrieval              %s%n", config.embeddings() ? "hybrid (BM25 + bge-small embeddings)" : "lexical (BM25 + synonyms)");
        out.printf(Locale.ROOT, "questions              %d distinct, %d answered per figure, cache off%n", qs.size(), iterations);
        out.printf(Locale.ROOT, "content load           %d ms%n", (loaded - t0) / 1_000_000);
        out.printf(Locale.ROOT, "index build            %d ms (%s)%s%n", (indexed - loaded) / 1_000_000,
                !config.embeddings() ? "lexical" : cold ? "cold: every passage embedded" : "vector cache of the data directory",
                warmIndex >= 0 ? ", " + warmIndex + " ms with the vector cache" : "");
        out.printf(Locale.ROOT, "JVM start -> 1st answer %d ms%n", firstAnswer - jvmStart);
        out.printf(Locale.ROOT, "latency p50            %.2f ms%n", nanos[iterations / 2] / 1e6);
        out.printf(Locale.ROOT, "latency p99            %.2f ms%n", nanos[(int) (iterations * 0.99)] / 1e6);
        out.printf(Locale.ROOT, "latency max            %.2f ms%n", nanos[iterations - 1] / 1e6);
        out.printf(Locale.ROOT, "throughput             %.0f answers/s on %d threads%n", iterations / seconds, threads);
        out.printf(Locale.ROOT, "heap after load        %d MB%n", heap / (1024 * 1024));
        return 0;
    }

    private List<String[]> sample() {
        if (questions != null) {
            return Evaluation.read(questions).stream().map(q -> new String[] {q.language(), q.text()}).toList();
        }
        return List.of(new String[] {"en", "Can I mention my employer on LinkedIn?"},
                new String[] {"en", "A journalist asked me about the layoffs on X, what do I do?"},
                new String[] {"en", "Is it ok to post photos from the office party?"},
                new String[] {"en", "Our Instagram account got hacked"},
                new String[] {"en", "How many vacation days do I get?"},
                new String[] {"en", "Can I review a competitor's product on Amazon?"},
                new String[] {"zh", "我可以在朋友圈发同事的照片吗？"},
                new String[] {"zh", "公司微博账号被盗了怎么办？"});
    }
}
