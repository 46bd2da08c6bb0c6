package io.policybot.app;

import io.policybot.content.ContentLibrary;
import io.policybot.conversation.Actions;
import io.policybot.conversation.Actor;
import io.policybot.conversation.Block;
import io.policybot.conversation.Button;
import io.policybot.conversation.ChannelRef;
import io.policybot.conversation.Inbound;
import io.policybot.conversation.Reply;
import io.policybot.store.Database;
import io.policybot.store.SqlPersonRepository;
import io.policybot.store.SqlTrainingRepository;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many people taking the quiz at once on a real SQLite file: recorded answers per second with durable commits,
 * the time from a press to its feedback, and the database size per 100,000 completions.
 */
final class TrainingBench {
    private final ContentLibrary library;

    TrainingBench(ContentLibrary library) {
        this.library = library;
    }

    void run(int users, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("policybot-bench-db");
        Path file = dir.resolve("bench.db");
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger completions = new AtomicInteger();
        long start;
        long elapsed;
        try (Database db = Database.sqlite(file)) {
            TrainingService service = new TrainingService(() -> library, new SqlTrainingRepository(db),
                    new SqlPersonRepository(db), TrainingSettings.defaults(), Clock.systemUTC(), new Random(1));
            start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    Actor actor = new Actor("bench", "U" + u, "User " + u, Locale.ENGLISH);
                    futures.add(pool.submit(() -> takeQuiz(service, actor, latencies, answers, completions)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            elapsed = System.nanoTime() - start;
        }
        long size = Files.size(file) + sizeIfExists(dir.resolve("bench.db-wal"));
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "users                  %d taking the %d-question quiz at once (virtual threads)%n", users,
                TrainingSettings.defaults().questionsPerQuiz());
        out.printf(Locale.ROOT, "recorded answers       %d in %.1f s: %.0f answers/s, each committed before its feedback%n",
                answers.get(), elapsed / 1e9, answers.get() / (elapsed / 1e9));
        out.printf(Locale.ROOT, "press -> feedback p50  %.2f ms%n", sorted[sorted.length / 2] / 1e6);
        out.printf(Locale.ROOT, "press -> feedback p99  %.2f ms%n", sorted[(int) (sorted.length * 0.99)] / 1e6);
        out.printf(Locale.ROOT, "database size          %.1f MB per 100,000 completed quizzes (with their answers)%n",
                size / 1e6 * 100_000 / Math.max(1, completions.get()));
        Files.deleteIfExists(dir.resolve("bench.db-wal"));
        Files.deleteIfExists(dir.resolve("bench.db-shm"));
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    private static void takeQuiz(TrainingService service, Actor actor, List<Long> latencies, AtomicInteger answers,
                                 AtomicInteger completions) {
        ChannelRef dm = new ChannelRef("D-" + actor.userId(), true);
        List<Reply> replies = service.startQuiz(actor, dm, "en", null);
        for (int i = 0; i < 100; i++) {
            Button button = firstAnswerButton(replies);
            if (button == null) {
                completions.incrementAndGet();
                return;
            }
            long t0 = System.nanoTime();
            replies = service.onButton(new Inbound.ButtonPress(actor, dm, button.actionId(), button.value()), "en");
            latencies.add(System.nanoTime() - t0);
            answers.incrementAndGet();
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

    private static long sizeIfExists(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
