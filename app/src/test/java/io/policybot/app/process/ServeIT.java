package io.policybot.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policybot serve} as an operator runs it: the packaged jar as a process, no chat tokens, the port from the
 * configuration file, and an orchestrator's view of it: alive at once, ready once the content and the index are in and
 * the database answers, and metrics in the Prometheus text format.
 */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void serveAnswersHealthReadinessAndMetricsWithNoChatTokens(@TempDir Path tmp) throws Exception {
        int port = freePort();
        Path config = tmp.resolve("policybot.yaml");
        Files.writeString(config, "http:\n  port: " + port + "\n  bind: 127.0.0.1\nanswering:\n  embeddings: false\n"
                + "data:\n  dir: " + tmp.resolve("data") + "\n" + "logging:\n  format: json\n");
        PackagedJar jar = new PackagedJar(tmp, List.of());
        Path log = tmp.resolve("serve.log");
        Process serve = jar.start(log, Map.of(), "--config", config.toString(), "serve");
        try {
            HttpResponse<String> health = await(port, "/healthz", r -> r.statusCode() == 200, serve, log);
            assertEquals("ok", JSON.readTree(health.body()).path("status").asText());

            HttpResponse<String> ready = await(port, "/readyz", r -> r.statusCode() == 200, serve, log);
            JsonNode checks = JSON.readTree(ready.body()).path("checks");
            for (String check : List.of("content", "index", "database")) {
                assertTrue(checks.path(check).path("ok").asBoolean(), check + ": " + ready.body());
            }
            assertTrue(checks.path("content").path("detail").asText().contains("loaded"), ready.body());

            HttpResponse<String> metrics = get(port, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = metrics.body();
            for (String name : List.of("jvm_memory_used_bytes", "process_resident_memory_bytes", "process_uptime_seconds",
                    "policybot_answer_cache_hits_total", "policybot_db_commits_total",
                    "policybot_quiz_answers_recorded_total", "policybot_outbox_messages{platform=\"slack\",status=\"pending\"}",
                    // Group commit, and this process's send attempts per platform (issue 12's metrics list).
                    "policybot_db_commit_batch_writes_count", "policybot_db_commit_batch_writes_bucket{le=\"1.0\"}",
                    "policybot_db_commit_latency_seconds_bucket", "policybot_db_commit_latency_seconds_count",
                    "policybot_outbox_retries_total{platform=\"slack\"}", "policybot_outbox_retries_total{platform=\"discord\"}",
                    "policybot_outbox_attempts_total{attempt=\"1\",outcome=\"sent\",platform=\"slack\"}")) {
                assertTrue(text.contains(name), name + " in /metrics:\n" + text);
            }
            assertEquals(404, get(port, "/nothing-here").statusCode());
            // The web console is mounted on the same port: signed out it says how to sign in, with its headers.
            HttpResponse<String> console = get(port, "/console/");
            assertEquals(401, console.statusCode(), console.body());
            assertTrue(console.body().contains("console"), console.body());
            assertTrue(console.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertEquals(200, get(port, "/console/static/uPlot.iife.min.js").statusCode(), "the chart library is in the jar");
            assertFalse(Files.readString(log).contains("\tat "), "no stack trace in the log:\n" + Files.readString(log));
            // logging.format: json: every line of the log is one JSON object, the status lines included.
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("PolicyBot is ready")), String.join("\n", lines));
            for (String line : lines) {
                assertTrue(JSON.readTree(line).isObject(), "a JSON line: " + line);
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        assertEquals(143, serve.exitValue(), "stops on SIGTERM like a service\n" + Files.readString(log));
    }

    private HttpResponse<String> await(int port, String path, java.util.function.Predicate<HttpResponse<String>> done,
                                       Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            assertTrue(serve.isAlive(), "serve stopped early:\n" + Files.readString(log));
            try {
                last = get(port, path);
                if (done.test(last)) {
                    return last;
                }
                if (path.equals("/readyz")) {
                    assertEquals(503, last.statusCode(), "not ready is 503: " + last.body());
                }
            } catch (IOException notYetListening) {
                // the JVM is starting
            }
            // Polling a process from outside: there is nothing to wait on but time.
            Thread.sleep(250);
        }
        throw new AssertionError(path + " never became ready; last: " + (last == null ? "no answer" : last.body())
                + "\n" + Files.readString(log));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
