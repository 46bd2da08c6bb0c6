package io.policybot.benchmarks;

import io.policybot.wiring.Storage;
import io.policybot.wiring.Services;
import io.policybot.content.ContentLibrary;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.store.Database;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many people taking the quiz at once on a real SQLite file (synchronous=FULL, so every answer is on disk before
 * its feedback), in two runs on one database:
 * <ol>
 *   <li><b>saturation</b>: every simulated person presses the next answer the moment the feedback arrives, so the
 *   single SQLite writer is never idle. This gives the most answers per second the machine records; the latency
 *   in this run is mostly queueing (users / throughput), not what a person would see.</li>
 *   <li><b>people</b>: other simulated people start within the first think time and think between answers like
 *   people do (uniform random think time, seeded). This gives the press -> feedback latency under a realistic
 *   load of that many concurrent quiz takers.</li>
 * </ol>
 * Then the database size per 100,000 completed quizzes. One virtual thread per person.
 */
final class TrainingBench {
    private final ContentLibrary library;

    TrainingBench(ContentLibrary library) {
        this.library = library;
    }

    /**
     * @param thinkMinMillis shortest think time of the "people" run
     * @param thinkMaxMillis longest think time
     * @param maxSeconds     the "people" run stops after this long even if some quizzes are unfinished
     */
    void run(int users, long thinkMinMillis, long thinkMaxMillis, long maxSeconds, long seed, PrintStream out)
            throws Exception {
        Path dir = Files.createTempDirectory("policybot-bench-db");
        Path file = dir.resolve("bench.db");
        Run saturation;
        Run people;
        Database.WriteStats saturationWrites;
        Database.WriteStats allWrites;
        try (Database db = Database.sqlite(file)) {
            TrainingService service = Services.builder(Storage.on(db)).content(() -> library).clock(Clock.systemUTC())
                    .random(new Random(seed)).build().training();
            saturation = run(service, "S", users, null, 0, seed);
            saturationWrites = db.writeStats();
            people = run(service, "P", users, new long[] {thinkMinMillis, thinkMaxMillis}, maxSeconds, seed);
            allWrites = db.writeStats();
        }
        long size = Files.size(file) + sizeIfExists(dir.resolve("bench.db-wal"));
        int completions = saturation.completions.get() + people.completions.get();

        int questions = TrainingSettings.defaults().questionsPerQuiz();
        out.printf(Locale.ROOT, "training benchmark: %d-question quiz, SQLite WAL, synchronous=FULL (each answer on disk "
                + "before its feedback), %d cores%n", questions, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%nsaturation: %d users, each presses again as soon as the feedback arrives%n", users);
        out.printf(Locale.ROOT, "  recorded answers        %d in %.1f s: %.0f answers/s%n", saturation.answers.get(),
                saturation.seconds(), saturation.answers.get() / saturation.seconds());
        out.printf(Locale.ROOT, "  writes per commit       %.1f on average (group commit)%n",
                (double) saturationWrites.writes() / Math.max(1, saturationWrites.commits()));
        out.printf(Locale.ROOT, "  press -> feedback       p50 %s / p99 %s (queueing: %d users always waiting)%n",
                ms(saturation.percentile(0.50)), ms(saturation.percentile(0.99)), users);
        out.printf(Locale.ROOT, "%npeople: %d users thinking %.1f-%.1f s (uniform, seed %d) before each answer%n", users,
                thinkMinMillis / 1e3, thinkMaxMillis / 1e3, seed);
        out.printf(Locale.ROOT, "  recorded answers        %d in %.1f s (%.0f answers/s offered), %d of %d quizzes "
                        + "finished%n", people.answers.get(), people.seconds(), people.answers.get() / people.seconds(),
                people.completions.get(), users);
        out.printf(Locale.ROOT, "  press -> feedback       p50 %s / p99 %s / max %s%n", ms(people.percentile(0.50)),
                ms(people.percentile(0.99)), ms(people.percentile(1.0)));
        long peopleWrites = allWrites.writes() - saturationWrites.writes();
        long peopleCommits = allWrites.commits() - saturationWrites.commits();
        out.printf(Locale.ROOT, "  writes per commit       %.1f on average%n",
                (double) peopleWrites / Math.max(1, peopleCommits));
        out.printf(Locale.ROOT, "%ndatabase size             %.1f MB per 100,000 completed quizzes (%.0f bytes each, "
                        + "with person, session and answers; %d completions, %.1f MB)%n",
                size / 1e6 * 100_000 / Math.max(1, completions), (double) size / Math.max(1, completions),
                completions, size / 1e6);
        if (Boolean.getBoolean("policybot.bench.keepDb")) {
            out.println("database kept: " + file);
            return;
        }
        Files.deleteIfExists(dir.resolve("bench.db-wal"));
        Files.deleteIfExists(dir.resolve("bench.db-shm"));
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** One run's counts and press -> feedback times. */
    private static final class Run {
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger completions = new AtomicInteger();
        long nanos;
        private long[] sorted;

        double seconds() {
            return nanos / 1e9;
        }

        long percentile(double p) {
            if (sorted == null) {
                sorted = latencies.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
            }
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
        }
    }

    /** @param think null: no think time; else {min, max} milliseconds */
    private Run run(TrainingService service, String prefix, int users, long[] think, long maxSeconds, long seed)
            throws Exception {
        Run run = new Run();
        long deadline = think == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        SplittableRandom seeds = new SplittableRandom(seed);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                Actor actor = new Actor("bench", prefix + u, "User " + u, Locale.ENGLISH);
                SplittableRandom random = seeds.split();
                futures.add(pool.submit(() -> {
                    takeQuiz(service, actor, run, think, random, deadline);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        run.nanos = System.nanoTime() - start;
        return run;
    }

    private static void takeQuiz(TrainingService service, Actor actor, Run run, long[] think, SplittableRandom random,
                                 long deadline) throws InterruptedException {
        ChannelRef dm = new ChannelRef("D-" + actor.userId(), true);
        if (think != null) {
            Thread.sleep(random.nextLong(think[1] + 1)); // people do not all start in the same millisecond
        }
        List<Reply> replies = service.startQuiz(actor, dm, "en", null);
        for (int i = 0; i < 100; i++) {
            Button button = firstAnswerButton(replies);
            if (button == null) {
                run.completions.incrementAndGet();
                return;
            }
            if (think != null) {
                Thread.sleep(random.nextLong(think[0], think[1] + 1));
                if (System.nanoTime() > deadline) {
                    return;
                }
            }
            long t0 = System.nanoTime();
            replies = service.onButton(new Inbound.ButtonPress(actor, dm, button.actionId(), button.value()), "en");
            run.latencies.add(System.nanoTime() - t0);
            run.answers.incrementAndGet();
        }
    }

    private static Button firstAnswerButton(List<Reply> replies) {
        for (Reply r : replies) {
            for (Block b : r.blocks()) {
                if (b instanceof Block.Buttons bs) {
                    for (Button button : bs.buttons()) {
                        if (button.actionId().equals(Actions.QUIZ_ANSWER)) {
                            return button;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static long sizeIfExists(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
