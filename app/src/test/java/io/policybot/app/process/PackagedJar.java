package io.policybot.app.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The packaged {@code policybot.jar} run as a user runs it: a separate JVM, arguments, standard input, a working
 * directory of its own (where a JVM crash would leave its {@code hs_err_pid*.log}).
 */
final class PackagedJar {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path jar;
    private final Path workDir;
    private final List<String> common;

    /** @param common arguments put before every command's (e.g. --data DIR --content DIR) */
    PackagedJar(Path workDir, List<String> common) {
        String property = System.getProperty("policybot.jar");
        this.jar = Path.of(property != null ? property : "target/policybot.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar + " (run after package)");
        this.workDir = workDir;
        this.common = List.copyOf(common);
    }

    record Run(List<String> args, int exit, String out, String err) {
        String both() {
            return out + "\n" + err;
        }

        /** No crash, no stack trace, no raw Java exception: what every run must show. */
        Run clean() {
            assertFalse(exit == 134 || both().contains("A fatal error has been detected"), "JVM crash: " + this);
            assertFalse(both().contains("\tat "), "a stack trace reached the user: " + this);
            assertFalse(both().matches("(?s).*\\bjava\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b.*"),
                    "a raw Java exception reached the user: " + this);
            return this;
        }

        Run exits(int code) {
            if (exit != code) {
                fail("expected exit " + code + " from " + args + ", got " + exit + "\n--- out\n" + out + "\n--- err\n" + err);
            }
            return this;
        }

        @Override
        public String toString() {
            return args + " -> " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private List<String> command(List<String> args) {
        String options = System.getProperty("policybot.jvm.options");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the flags ./policybot and Docker give every PolicyBot JVM
                options != null ? "@" + options : "--enable-native-access=ALL-UNNAMED",
                // Quick to start on two busy cores: the client compiler only (what is tested is not the JIT)
                "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString()));
        cmd.addAll(common);
        cmd.addAll(args);
        return cmd;
    }

    private ProcessBuilder builder(List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(workDir.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().remove("POLICYBOT_DATA_DIR");
        pb.environment().remove("POLICYBOT_CONTENT_DIR");
        for (String key : List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN")) {
            pb.environment().remove(key);
        }
        return pb;
    }

    /** Starts the jar with {@code args} and leaves it running (a service); output goes to {@code log}. */
    Process start(Path log, java.util.Map<String, String> env, String... args) {
        ProcessBuilder pb = builder(List.of(args)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Run run(String stdin, String... args) {
        return run(stdin, List.of(args));
    }

    Run run(String stdin, List<String> args) {
        try {
            Process p = builder(args).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                w.write(stdin == null ? "" : stdin);
            } catch (IOException e) {
                // the command exited without reading its input
            }
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + args);
            }
            return new Run(args, p.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hs_err files a crashed JVM left in the working directory. */
    List<Path> crashFiles() {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chat process driven line by line: send a line, read its output up to a line that says the reply is complete. */
    Chat chat(String... args) {
        List<String> all = new ArrayList<>(List.of("chat"));
        all.addAll(List.of(args));
        try {
            return new Chat(builder(all).redirectErrorStream(true).start(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Chat implements AutoCloseable {
        private final Process process;
        private final List<String> args;
        private final Writer in;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder transcript = new StringBuilder();

        Chat(Process process, List<String> args) {
            this.process = process;
            this.args = args;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
                lines.add("\u0000EOF");
            });
        }

        /** Sends a line (null: nothing) and returns the output up to and including the first line matching {@code end}. */
        String send(String line, Predicate<String> end) {
            try {
                if (line != null) {
                    in.write(line + "\n");
                    in.flush();
                }
                StringBuilder out = new StringBuilder();
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (true) {
                    String next = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null || next.equals("\u0000EOF")) {
                        fail("chat " + args + " ended or stalled waiting after \"" + line + "\"; transcript:\n"
                                + transcript + out);
                    }
                    out.append(next).append('\n');
                    if (end.test(next)) {
                        transcript.append("> ").append(line).append('\n').append(out);
                        return out.toString();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String transcript() {
            return transcript.toString();
        }

        /** Sends quit and waits for the exit code. */
        int quit() {
            try {
                in.write("quit\n");
                in.flush();
                in.close();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("chat did not exit after quit");
                }
                return process.exitValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
