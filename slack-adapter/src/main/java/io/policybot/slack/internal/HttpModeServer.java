package io.policybot.slack.internal;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP mode on the JDK's own server (Bolt's Jetty adapter is not available for this Bolt version): checks the
 * signature first (401 and nothing else on a bad or stale one), then hands the request to {@link App#run}.
 * Slack sends events, interactivity and slash commands to the one path {@value #PATH}.
 */
public final class HttpModeServer {
    public static final String PATH = "/slack/events";
    private static final Logger log = LoggerFactory.getLogger(HttpModeServer.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;
    private final RequestSignature signature;
    private final int requestedPort;
    private final String bindAddress;
    private final SlackMetrics metrics;
    private HttpServer server;
    private ExecutorService threads;

    public HttpModeServer(App app, RequestSignature signature, int port) {
        this(app, signature, null, port, SlackMetrics.none());
    }

    /** @param bindAddress the interface to listen on (an address or host name), or null for all of them */
    public HttpModeServer(App app, RequestSignature signature, String bindAddress, int port, SlackMetrics metrics) {
        this.metrics = metrics;
        this.bindAddress = bindAddress;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
        this.requestedPort = port;
    }

    public synchronized void start() throws IOException {
        InetSocketAddress address = bindAddress == null
                ? new InetSocketAddress(requestedPort) : new InetSocketAddress(bindAddress, requestedPort);
        if (address.isUnresolved()) {
            throw new IOException("cannot listen on " + bindAddress + ": no such address on this machine");
        }
        server = HttpServer.create(address, 0);
        threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-http-", 0).factory());
        server.setExecutor(threads);
        server.createContext(PATH, this::handle);
        server.start();
        log.info("Slack HTTP mode listening on {}:{} at {}", bindAddress == null ? "*" : bindAddress, port(), PATH);
    }

    /** The address it listens on, or null when it is not listening. */
    public synchronized InetSocketAddress address() {
        return server == null ? null : server.getAddress();
    }

    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(1);
            threads.shutdown();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try {
            answer(exchange);
        } finally {
            metrics.ack(java.time.Duration.ofNanos(System.nanoTime() - arrived));
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain", "");
                return;
            }
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (bytes.length > MAX_BODY_BYTES) {
                send(exchange, 413, "text/plain", "");
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            if (!signature.isValid(headers.getFirst("X-Slack-Request-Timestamp"), headers.getFirst("X-Slack-Signature"), body)) {
                log.info("Rejected a request with a bad or stale signature");
                send(exchange, 401, "application/json", "{\"error\":\"invalid request\"}");
                return;
            }
            Map<String, List<String>> copy = new HashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            SlackRequestParser.HttpRequest raw = SlackRequestParser.HttpRequest.builder()
                    .requestUri(PATH)
                    .queryString(Map.of())
                    .requestBody(body)
                    .headers(new RequestHeaders(copy))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build();
            Request<?> request = parser.parse(raw);
            Response response = app.run(request);
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            }
            send(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
        } catch (Exception e) {
            log.error("A Slack request failed: {}", e.getClass().getName());
            try {
                send(exchange, 500, "text/plain", "");
            } catch (IOException | RuntimeException ignored) {
                // the response may have started already
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
