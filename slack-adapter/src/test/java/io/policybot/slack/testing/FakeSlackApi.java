package io.policybot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Slack Web API on loopback: real-shaped JSON for the methods the bot calls, every call recorded, and
 * scripted answers (a 429 with Retry-After, an error) for the next call of a method.
 * Also serves the file upload URL ("upload") and response_url ("response_url") as recorded pseudo-methods.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String BOT_USER_ID = "UBOT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request. */
    public record Call(String method, Map<String, String> params, String body, Map<String, List<String>> headers) {
        public String param(String name) {
            return params.get(name);
        }

        /** A parameter that holds JSON (blocks, view, files), parsed. */
        public JsonNode json(String name) {
            String value = params.get(name);
            try {
                return value == null ? null : JSON.readTree(value);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + name, e);
            }
        }

        public JsonNode bodyJson() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON", e);
            }
        }

        public String token() {
            List<String> auth = headers.get("Authorization");
            return auth == null ? null : auth.getFirst().replaceFirst("^Bearer ", "");
        }
    }

    /** A canned answer. */
    public record Scripted(int status, Map<String, String> headers, String body) {
        public static Scripted rateLimited(int retryAfterSeconds) {
            return new Scripted(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    "{\"ok\":false,\"error\":\"ratelimited\"}");
        }

        public static Scripted error(String error) {
            return new Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
        }

        public static Scripted status(int status) {
            return new Scripted(status, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final Map<String, String> locales = new ConcurrentHashMap<>();
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();
    /** User group id -> member user ids, in the order usergroups.list lists them. */
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile String socketModeUrl;
    private volatile java.util.function.Consumer<Call> listener;
    private volatile boolean recording = true;

    private FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSlackApi start() {
        try {
            return new FakeSlackApi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiUrl() {
        return baseUrl() + "/api/";
    }

    public String responseUrl(String id) {
        return baseUrl() + "/respond/" + id;
    }

    public void setLocale(String userId, String locale) {
        locales.put(userId, locale);
    }

    /** The profile display name users.info gives for the user ("Alice" by default). */
    public void setDisplayName(String userId, String displayName) {
        displayNames.put(userId, displayName);
    }

    /** Declares a user group ({@code S...}) and its members, for usergroups.list. */
    public void setUserGroup(String groupId, String... userIds) {
        userGroups.put(groupId, List.of(userIds));
    }

    public void setSocketModeUrl(String url) {
        socketModeUrl = url;
    }

    /**
     * Hands every call to {@code listener} as it arrives and, with {@code keep} false, stops keeping them (a load
     * benchmark's thousands of calls would otherwise pile up in memory and slow every {@link #awaitCalls}).
     */
    public void listen(java.util.function.Consumer<Call> listener, boolean keep) {
        this.listener = listener;
        this.recording = keep;
    }

    public void enqueue(String method, Scripted response) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(response);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The methods called so far, in order, without the auth.test calls Bolt makes on its own. */
    public List<String> methods() {
        return calls().stream().map(Call::method).filter(m -> !m.equals("auth.test")).toList();
    }

    /** Waits until a call of {@code method} matching {@code test} is recorded. */
    public Call await(String method, Predicate<Call> test, Duration timeout) {
        return awaitCalls(method, test, 1, timeout).getLast();
    }

    public Call await(String method, Duration timeout) {
        return await(method, c -> true, timeout);
    }

    /** Waits until {@code count} calls of {@code method} matching {@code test} are recorded; returns them. */
    public synchronized List<Call> awaitCalls(String method, Predicate<Call> test, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> matching = calls.stream().filter(c -> c.method().equals(method) && test.test(c)).toList();
            if (matching.size() >= count) {
                return matching;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " " + method + " call(s) within " + timeout
                        + "; calls so far: " + calls.stream().map(Call::method).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private void record(Call call) {
        java.util.function.Consumer<Call> l = listener;
        if (l != null) {
            l.accept(call);
        }
        if (recording) {
            synchronized (this) {
                calls.add(call);
                notifyAll();
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> params = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                    ? parseForm(body) : Map.of();
            String method = path.startsWith("/api/") ? path.substring(5)
                    : path.startsWith("/upload/") ? "upload"
                    : path.startsWith("/respond/") ? "response_url" : path;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Call call = new Call(method, params, body, headers);
            Deque<Scripted> queue = scripted.get(method);
            Scripted canned = queue == null ? null : queue.poll();
            if (canned != null) {
                record(call);
                canned.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                send(exchange, canned.status(), canned.body());
                return;
            }
            String response = answer(call);
            record(call);
            send(exchange, 200, response);
        }
    }

    private String answer(Call call) {
        ObjectNode r = JSON.createObjectNode().put("ok", true);
        String ts = "1700000000." + String.format("%06d", counter.incrementAndGet());
        switch (call.method()) {
            case "auth.test" -> r.put("url", "https://policybot-test.slack.com/").put("team", "Test")
                    .put("user", "policybot").put("team_id", "T123").put("user_id", BOT_USER_ID).put("bot_id", "BBOT")
                    .put("is_enterprise_install", false);
            case "apps.connections.open" -> r.put("url", socketModeUrl);
            case "users.info" -> {
                String user = call.param("user");
                ObjectNode u = r.putObject("user").put("id", user).put("name", "alice").put("real_name", "Alice Example")
                        .put("tz", "Europe/Berlin");
                if (Set.of("1", "true").contains(call.param("include_locale"))) {
                    u.put("locale", locales.getOrDefault(user, "en-US"));
                }
                u.putObject("profile").put("display_name", displayNames.getOrDefault(user, "Alice")).put("real_name", "Alice Example");
            }
            case "usergroups.list" -> {
                ArrayNode groups = r.putArray("usergroups");
                boolean withUsers = Set.of("1", "true").contains(call.param("include_users"));
                userGroups.forEach((id, members) -> {
                    ObjectNode g = groups.addObject().put("id", id).put("team_id", "T123").put("is_usergroup", true)
                            .put("name", "Group " + id).put("handle", id.toLowerCase(java.util.Locale.ROOT))
                            .put("user_count", members.size());
                    if (withUsers) {
                        ArrayNode users = g.putArray("users");
                        members.forEach(users::add);
                    }
                });
            }
            case "conversations.open" -> r.putObject("channel").put("id", dmChannelOf(call.param("users")));
            case "chat.postMessage" -> {
                r.put("channel", call.param("channel")).put("ts", ts);
                r.putObject("message").put("type", "message").put("text", call.param("text")).put("ts", ts)
                        .put("bot_id", "BBOT");
            }
            case "chat.update" -> r.put("channel", call.param("channel")).put("ts", call.param("ts"))
                    .put("text", call.param("text"));
            case "chat.postEphemeral" -> r.put("message_ts", ts);
            case "views.publish" -> {
                ObjectNode view = r.putObject("view").put("id", "V123").put("type", "home");
                view.set("blocks", call.json("view") == null ? JSON.createArrayNode() : call.json("view").get("blocks"));
            }
            case "files.getUploadURLExternal" -> r.put("upload_url", baseUrl() + "/upload/F123").put("file_id", "F123");
            case "upload", "response_url" -> {
                return "OK";
            }
            case "files.completeUploadExternal" -> {
                ArrayNode files = r.putArray("files");
                files.addObject().put("id", "F123").put("title", "report");
            }
            case "files.info" -> r.putObject("file").put("id", "F123");
            default -> {
                return "{\"ok\":false,\"error\":\"unknown_method\"}";
            }
        }
        return r.toString();
    }

    /** The DM channel the fake gives a user: "D" + the user id without its "U". */
    public static String dmChannelOf(String userId) {
        return "D" + userId.substring(1);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
