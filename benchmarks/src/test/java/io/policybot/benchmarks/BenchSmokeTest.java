package io.policybot.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.app.PolicyBotCommand;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ./policybot bench} keeps running as the storage and announcement APIs change: each load benchmark runs on a
 * tiny load and prints its figures (the figures themselves are measured by hand, never asserted here).
 */
class BenchSmokeTest {
    private final ContentLibrary library = new ContentLoader().loadBundled();

    @Test
    void reportsBenchPrintsTheManagerReportFigures() {
        String out = capture(o -> new ReportsBench(library).run(2_000, 4_000, 2, o));
        assertTrue(out.contains("manager report, org of     2,000 people"), out);
        assertTrue(out.contains("report p50"), out);
    }

    @Test
    void outboxBenchEnqueuesAndDeliversEveryMessage() {
        String out = capture(o -> new OutboxBench(library).run(40, 5, o));
        assertTrue(out.contains("outbox enqueue          40 recipients"), out);
        assertTrue(out.contains("outbox delivery paced   5 messages at Slack's 1/s: 5 s simulated"), out);
        assertTrue(out.contains("outbox delivery unpaced 5 messages"), out);
    }

    @Test
    void trainingBenchFinishesEveryQuiz() {
        String out = capture(o -> new TrainingBench(library).run(3, 0, 0, 60, 1, o));
        assertTrue(out.contains("3 of 3 quizzes finished"), out);
        assertTrue(out.contains("database size"), out);
    }

    @Test
    void benchIsASubcommandOfTheShippedCommandLineAndChecksItsOptions() {
        CommandLine cli = PolicyBotCommand.commandLine();
        cli.addSubcommand("bench", new BenchCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--no-embeddings", "bench", "--training", "--think-ms", "900-100");
        assertEquals(2, exit, err::toString);
        assertTrue(err.toString().contains("--think-ms wants MIN-MAX milliseconds, MIN <= MAX, not 900-100"), err::toString);
    }

    private interface Bench {
        void run(PrintStream out) throws Exception;
    }

    private static String capture(Bench bench) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            bench.run(out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
