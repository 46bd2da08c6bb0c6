package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bot processes the crash tests kill ({@link OutboxCrashTest}, {@link TwoReplicasCrashTest}): each is a child
 * JVM running {@link OutboxChildProcess} on this test's class path, its stdout read line by line ("STARTED",
 * "DONE"), its stderr kept in a file for the failure message.
 */
final class ChildProcesses {
    private ChildProcesses() {
    }

    /** A started child: the process, its stdout, and the file holding its stderr. */
    record Child(Process process, BufferedReader out, Path err) implements AutoCloseable {
        /** Waits for the child to say {@code word}; fails with its stderr if it says anything else or ends. */
        void expect(String word) throws IOException {
            String line = out.readLine();
            if (!word.equals(line)) {
                fail("child said '" + line + "'; its stderr:\n" + Files.readString(err));
            }
        }

        /** kill -9, and waits until it is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            out.close();
            Files.deleteIfExists(err);
        }
    }

    /** Starts {@link OutboxChildProcess} with {@code args}. */
    static Child start(String... args) throws IOException {
        Path err = Files.createTempFile("policybot-child", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "@" + System.getProperty("policybot.jvm.options"),
                OutboxChildProcess.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), err);
    }

    /** The recipients the fake platform delivered to, one entry per message a person received. */
    static List<String> deliveries(Path sent) {
        return FileGateway.lines(sent).stream().filter(l -> l.startsWith("deliver ")).map(l -> l.split(" ")[2]).toList();
    }

    /** Polls the platform's file (written by another process) until {@code n} were delivered, or the timeout. */
    static void awaitDeliveries(Path sent, int n, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (deliveries(sent).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5); // another process writes the file: nothing in this JVM to wait on
        }
    }
}
