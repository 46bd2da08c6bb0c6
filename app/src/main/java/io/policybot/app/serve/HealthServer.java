package io.policybot.app.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP listener of {@code serve}: {@code GET /healthz} (the process is alive: 200 as soon as it
 * listens), {@code GET /readyz} (200 only when every check passes, 503 before; a JSON body with each check) and
 * {@code GET /metrics} (Prometheus text format). It starts before the content is loaded, so an orchestrator sees a
 * live but not yet ready process during start-up.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "policybot-http");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param bind    the address to listen on, or null for every interface
     * @param checks  the readiness checks, asked on each /readyz
     * @param metrics the Prometheus text, asked on each /metrics
     */
    public HealthServer(String bind, int port, Supplier<List<Readiness.Check>> checks, Supplier<String> metrics)
            throws IOException {
        InetSocketAddress address = bind == null || bind.isBlank() || bind.strip().equals("0.0.0.0")
                ? new InetSocketAddress(port) : new InetSocketAddress(bind.strip(), port);
        if (address.isUnresolved()) {
            throw new IOException("cannot listen on " + bind + ": no such address on this machine");
        }
        server = HttpServer.create(address, 50);
        server.setExecutor(threads);
        server.createContext("/healthz", ex -> respond(ex, 200, "application/json", "{\"status\":\"ok\"}\n"));
        server.createContext("/readyz", ex -> {
            List<Readiness.Check> results = checks.get();
            boolean ready = results.stream().allMatch(Readiness.Check::ok);
            ObjectNode body = JSON.createObjectNode().put("status", ready ? "ready" : "not ready");
            ObjectNode each = body.putObject("checks");
            for (Readiness.Check c : results) {
                each.putObject(c.name()).put("ok", c.ok()).put("detail", c.detail());
            }
            respond(ex, ready ? 200 : 503, "application/json", body.toPrettyString() + "\n");
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.createContext("/", ex -> respond(ex, 404, "text/plain", "not found: try /healthz, /readyz or /metrics\n"));
        server.start();
        log.info("Listening for /healthz, /readyz and /metrics on {}:{}", bind == null ? "*" : bind, port());
    }

    /** Serves {@code handler} below {@code path} as well (the web console, once the services are built). */
    public void mount(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                status = 405;
                body = "only GET\n";
                type = "text/plain";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            log.warn("An operator request failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
