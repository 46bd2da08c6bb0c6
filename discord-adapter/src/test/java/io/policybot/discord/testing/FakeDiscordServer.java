package io.policybot.discord.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

/**
 * A fake Discord on loopback for the real JDA client: the REST API v10 paths JDA calls (under
 * {@link #restBaseUrl()}) and the JSON gateway with zlib-stream ({@link #gatewayUrl()}): HELLO, IDENTIFY, READY,
 * GUILD_CREATE, heartbeats, RESUME with the missed dispatches. Tests inject INTERACTION_CREATE and MESSAGE_CREATE
 * as Discord users, press the buttons the bot really sent, inject faults (429, closed DMs, refused interaction
 * tokens, a gateway close) and wait on the REST calls the bot made, with their bodies; nothing sleeps.
 *
 * <p>The world: one guild "Acme" with #general, #hr-desk and #announcements, roles HR and Staff, and the users
 * {@link #ALICE} (Staff), {@link #HANK} (HR and Staff), {@link #DORA} (Staff) and {@link #MALLORY} (no roles), whose
 * display name may be anything a test sets. Payloads follow discord-api-docs and what JDA 6.5's parsers read.
 */
public final class FakeDiscordServer implements AutoCloseable {
    public static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.contract-test-token-not-secret";
    public static final String BOT_ID = "1100000000000000001";
    public static final String GUILD_ID = "1200000000000000001";
    public static final String GENERAL = "1300000000000000001";
    public static final String HR_DESK = "1300000000000000002";
    public static final String ANNOUNCEMENTS = "1300000000000000003";
    public static final String HR_ROLE = "1400000000000000001";
    public static final String STAFF_ROLE = "1400000000000000002";
    public static final String ALICE = "1500000000000000001";
    public static final String HANK = "1500000000000000002";
    public static final String DORA = "1500000000000000003";
    public static final String MALLORY = "1500000000000000004";
    /** The permissions of @everyone: view, send, embed links, attach files, history, reactions, app commands. */
    static final String PERMISSIONS = "277025508416";
    private static final long DISCORD_EPOCH = 1420070400000L;
    /** Discord refuses an acknowledgement later than this after the dispatch (10062). */
    public static final Duration ACK_DEADLINE = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One REST call the bot made, and what the fake answered. */
    public record Request(String method, String path, String query, boolean authorized, JsonNode body,
                          List<String> files, int status, JsonNode response, Instant at) {
        /** The JSON body's embeds' descriptions, titles, fields and footers, as one text to search. */
        public String text() {
            if (body == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder(body.path("content").asText(""));
            JsonNode embeds = body.has("embeds") ? body.path("embeds") : body.path("data").path("embeds");
            for (JsonNode e : embeds) {
                sb.append('\n').append(e.path("title").asText("")).append('\n').append(e.path("description").asText(""));
                for (JsonNode f : e.path("fields")) {
                    sb.append('\n').append(f.path("name").asText("")).append('\n').append(f.path("value").asText(""));
                }
                sb.append('\n').append(e.path("footer").path("text").asText(""));
            }
            return sb.toString();
        }

        /** The custom ids of the buttons in the body, in order. */
        public List<String> customIds() {
            List<String> ids = new ArrayList<>();
            if (body != null) {
                collectCustomIds(body.has("components") ? body.path("components") : body.path("data").path("components"), ids);
            }
            return ids;
        }

        /** The custom id of the first button whose label is {@code label}. */
        public String button(String label) {
            for (JsonNode row : body.path("components")) {
                for (JsonNode b : row.path("components")) {
                    if (label.equals(b.path("label").asText())) {
                        return b.path("custom_id").asText();
                    }
                }
            }
            throw new AssertionError("no button \"" + label + "\" in " + body);
        }

        public boolean ephemeral() {
            JsonNode flags = body == null ? null : (body.has("flags") ? body.get("flags") : body.path("data").get("flags"));
            return flags != null && (flags.asLong() & 64) != 0;
        }

        /** The id of the message the fake created or edited for this call. */
        public String messageId() {
            return response == null ? null : response.path("id").asText(null);
        }

        public boolean is(String method, String pathRegex) {
            return this.method.equals(method) && path.matches(pathRegex);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + status + (body == null ? "" : " " + body);
        }
    }

    /** An interaction the fake dispatched: its id, token and the moment it went out. */
    public record Interaction(String id, String token, Instant dispatchedAt) {
    }

    private final HttpServer http;
    private final WebSocketServer gateway;
    private final AtomicLong counter = new AtomicLong();
    private final List<Request> requests = new ArrayList<>();
    private final Object monitor = new Object();

    // The world.
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> roles = new ConcurrentHashMap<>();
    private final Map<String, String> dmChannels = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> interactionPayloads = new ConcurrentHashMap<>();
    private final Map<String, String> originalByToken = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    // Faults.
    private final Set<String> dmOpenRefused = ConcurrentHashMap.newKeySet();
    private final Set<String> dmSendRefused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimitedCreates = new AtomicInteger();
    private volatile double rateLimitRetryAfter = 1;
    private volatile String rateLimitChannel;
    private final AtomicInteger refusedHookCalls = new AtomicInteger();
    private final AtomicInteger lateAcks = new AtomicInteger();

    // The gateway.
    private final String sessionId = UUID.randomUUID().toString().replace("-", "");
    private final List<ObjectNode> dispatched = new ArrayList<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private volatile GatewayConnection current;
    private final long heartbeatIntervalMs;

    public FakeDiscordServer() {
        this(41_250);
    }

    /** @param heartbeatIntervalMs what HELLO tells JDA (Discord says about 41 s) */
    public FakeDiscordServer(long heartbeatIntervalMs) {
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        addUser(BOT_ID, "PolicyBot", null, true);
        addUser(ALICE, "alice", "Alice Employee", false, STAFF_ROLE);
        addUser(HANK, "hank", "Hank HR", false, HR_ROLE, STAFF_ROLE);
        addUser(DORA, "dora", "Dora ClosedDMs", false, STAFF_ROLE);
        addUser(MALLORY, "mallory", "Mallory", false);
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/api/v10/", this::handle);
            http.start();
            gateway = new WebSocketServer(new GatewayHandler());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String restBaseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.port() + "/";
    }

    // ------------------------------------------------------------------------------------------------ the world

    /** Adds or changes a person: {@code globalName} is the display name anyone can set. */
    public void addUser(String id, String username, String globalName, boolean bot, String... roleIds) {
        ObjectNode user = NODES.objectNode().put("id", id).put("username", username).put("discriminator", "0")
                .put("global_name", globalName).putNull("avatar").put("bot", bot).put("public_flags", 0);
        users.put(id, user);
        roles.put(id, List.of(roleIds));
    }

    public void setDisplayName(String userId, String globalName) {
        users.get(userId).put("global_name", globalName);
    }

    public String dmChannelOf(String userId) {
        return dmChannels.computeIfAbsent(userId, u -> snowflake());
    }

    // ------------------------------------------------------------------------------------------------ faults

    /** Opening a DM with these people answers 403/50007 (they closed DMs from server members). */
    public void refuseDmOpen(String... userIds) {
        dmOpenRefused.addAll(List.of(userIds));
    }

    /** The DM opens, but sending into it answers 403/50007. */
    public void refuseDmSend(String... userIds) {
        dmSendRefused.addAll(List.of(userIds));
    }

    /** The next {@code count} message creates (in {@code channelId}, or any when null) get 429 with Retry-After. */
    public void rateLimitCreates(int count, double retryAfterSeconds, String channelId) {
        rateLimitRetryAfter = retryAfterSeconds;
        rateLimitChannel = channelId;
        rateLimitedCreates.set(count);
    }

    /** The next {@code count} calls on an interaction webhook answer 401/50027 (the token is past 15 minutes). */
    public void refuseHookCalls(int count) {
        refusedHookCalls.set(count);
    }

    /**
     * The next {@code count} acknowledgements arrive "too late": answered 404/10062 as Discord does more than 3 s
     * after the dispatch (an interaction delivered late, after a long gateway outage).
     */
    public void refuseAcknowledgements(int count) {
        lateAcks.set(count);
    }

    public void clearFaults() {
        lateAcks.set(0);
        dmOpenRefused.clear();
        dmSendRefused.clear();
        rateLimitedCreates.set(0);
        refusedHookCalls.set(0);
    }

    // ------------------------------------------------------------------------------------------------ events

    /** {@code /policy <sub>} by a person, in #general ({@code inGuild}) or their DM. */
    public Interaction slash(String userId, boolean inGuild, String sub, Map<String, String> options) {
        return slash(userId, inGuild, sub, options, "en-US", false);
    }

    /**
     * @param hold buffer the event without sending it: the next RESUME delivers it (an event missed while the
     *             gateway was down)
     */
    public Interaction slash(String userId, boolean inGuild, String sub, Map<String, String> options, String locale,
                             boolean hold) {
        ObjectNode data = NODES.objectNode().put("id", "1600000000000000001").put("name", "policy").put("type", 1);
        if (inGuild) {
            data.put("guild_id", GUILD_ID);
        }
        ObjectNode subOption = data.putArray("options").addObject().put("name", sub).put("type", 1);
        ArrayNode subOptions = subOption.putArray("options");
        options.forEach((name, value) -> {
            boolean user = name.equals("target");
            subOptions.addObject().put("name", name).put("type", user ? 6 : 3).put("value", value);
            if (user) {
                ObjectNode resolved = data.putObject("resolved");
                resolved.putObject("users").set(value, users.get(value).deepCopy());
                if (inGuild) {
                    ObjectNode member = memberJson(value, false);
                    member.remove("user");
                    resolved.putObject("members").set(value, member);
                }
            }
        });
        return interaction(userId, inGuild, 2, data, null, locale, hold);
    }

    /** A press of a button on a message the bot sent (the message as Discord stores it). */
    public Interaction press(String userId, String messageId, String customId) {
        ObjectNode message = messages.get(messageId);
        if (message == null) {
            throw new AssertionError("no message " + messageId + " to press a button on");
        }
        boolean inGuild = message.path("channel_id").asText().equals(GENERAL)
                || message.path("channel_id").asText().equals(ANNOUNCEMENTS)
                || message.path("channel_id").asText().equals(HR_DESK);
        ObjectNode data = NODES.objectNode().put("custom_id", customId).put("component_type", 2);
        return interaction(userId, inGuild, 3, data, message.deepCopy(), "en-US", false);
    }

    /** Sends the very same INTERACTION_CREATE again (a duplicated delivery). */
    public void replay(Interaction interaction) {
        dispatch("INTERACTION_CREATE", interactionPayloads.get(interaction.id()).deepCopy(), false);
    }

    private Interaction interaction(String userId, boolean inGuild, int type, ObjectNode data, ObjectNode message,
                                    String locale, boolean hold) {
        String id = snowflake();
        String token = "aW50ZXJhY3Rpb246" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        ObjectNode d = NODES.objectNode().put("id", id).put("application_id", BOT_ID).put("token", token)
                .put("version", 1).put("type", type).put("locale", locale);
        if (inGuild) {
            d.put("guild_locale", "en-US").put("context", 0).put("guild_id", GUILD_ID);
            d.putObject("guild").put("id", GUILD_ID).put("locale", "en-US").putArray("features");
            d.put("channel_id", GENERAL);
            d.set("channel", channelJson(message != null ? message.path("channel_id").asText() : GENERAL));
            d.set("member", memberJson(userId, true));
            d.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        } else {
            String dm = dmChannelOf(userId);
            d.put("context", 1).put("channel_id", dm);
            d.putObject("channel").put("id", dm).put("type", 1).putNull("last_message_id").put("flags", 0)
                    .putArray("recipients").add(users.get(userId).deepCopy());
            d.set("user", users.get(userId).deepCopy());
            d.putObject("authorizing_integration_owners").put("0", "0");
        }
        if (message != null) {
            d.put("channel_id", message.path("channel_id").asText());
            d.set("message", message);
        }
        d.put("app_permissions", PERMISSIONS).putArray("entitlements");
        d.put("attachment_size_limit", 10_485_760);
        d.set("data", data);
        Interaction interaction = new Interaction(id, token, Instant.now());
        interactions.put(token, interaction);
        interactionPayloads.put(id, d.deepCopy());
        dispatch("INTERACTION_CREATE", d, hold);
        return interaction;
    }

    /**
     * A message by a person: in #general ({@code inGuild}) or their DM. {@code replyTo} makes it a reply to that
     * message, with Discord's default reply ping (the replied-to author joins the mentions).
     */
    public String message(String userId, boolean inGuild, String content, String replyTo) {
        return message(userId, inGuild, content, replyTo, null);
    }

    /** Like {@link #message(String, boolean, String, String)} with a fixed message id (to send a duplicate). */
    public String message(String userId, boolean inGuild, String content, String replyTo, String fixedId) {
        String id = fixedId != null ? fixedId : snowflake();
        String channel = inGuild ? GENERAL : dmChannelOf(userId);
        ObjectNode d = NODES.objectNode().put("id", id).put("type", replyTo == null ? 0 : 19).put("channel_id", channel)
                .put("content", content).put("timestamp", Instant.now().toString()).putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", 0);
        d.set("author", users.get(userId).deepCopy());
        d.putArray("attachments");
        d.putArray("embeds");
        d.putArray("components");
        d.putArray("mention_roles");
        ArrayNode mentions = d.putArray("mentions");
        Matcher m = Pattern.compile("<@!?(\\d+)>").matcher(content);
        Set<String> mentioned = new HashSet<>();
        while (m.find()) {
            mentioned.add(m.group(1));
        }
        if (replyTo != null) {
            ObjectNode referenced = messages.get(replyTo);
            d.putObject("message_reference").put("type", 0).put("message_id", replyTo).put("channel_id", channel)
                    .put("guild_id", inGuild ? GUILD_ID : null);
            if (referenced != null) {
                d.set("referenced_message", referenced.deepCopy());
                mentioned.add(referenced.path("author").path("id").asText());
            }
        }
        for (String who : mentioned) {
            ObjectNode user = users.containsKey(who) ? users.get(who).deepCopy() : NODES.objectNode().put("id", who);
            if (inGuild && users.containsKey(who)) {
                ObjectNode member = memberJson(who, false);
                member.remove("user");
                user.set("member", member);
            }
            mentions.add(user);
        }
        if (inGuild) {
            d.put("guild_id", GUILD_ID);
            ObjectNode member = memberJson(userId, false);
            member.remove("user");
            d.set("member", member);
        } else {
            d.put("channel_type", 1);
        }
        dispatch("MESSAGE_CREATE", d, false);
        return id;
    }

    // ------------------------------------------------------------------------------------------------ assertions

    /** Every REST call so far. */
    public List<Request> requests() {
        synchronized (monitor) {
            return List.copyOf(requests);
        }
    }

    /** The calls made since {@code since} calls had been recorded. */
    public List<Request> requestsSince(int since) {
        synchronized (monitor) {
            return List.copyOf(requests.subList(Math.min(since, requests.size()), requests.size()));
        }
    }

    public int requestCount() {
        synchronized (monitor) {
            return requests.size();
        }
    }

    /** Waits until {@code count} calls since index {@code since} match; fails with what was seen after the timeout. */
    public List<Request> await(int since, Predicate<Request> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Request> found = new ArrayList<>();
        int scanned = since;
        synchronized (monitor) {
            while (true) {
                // Only the calls recorded since the last look: the fake's request threads wait on this lock.
                for (; scanned < requests.size(); scanned++) {
                    if (match.test(requests.get(scanned))) {
                        found.add(requests.get(scanned));
                    }
                }
                if (found.size() >= count) {
                    return List.copyOf(found);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    List<Request> all = requests.subList(Math.min(since, requests.size()), requests.size());
                    throw new AssertionError("waited " + timeout + " for " + count + " matching calls, saw "
                            + found.size() + "; " + all.size() + " calls since " + since + ", the last ones:\n  "
                            + String.join("\n  ", all.subList(Math.max(0, all.size() - 40), all.size())
                            .stream().map(Request::toString).toList()));
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Waits until the gateway has seen {@code n} heartbeats. */
    public void awaitHeartbeats(int n, Duration timeout) {
        awaitCondition(() -> heartbeats.get() >= n, timeout, "heartbeats: " + heartbeats.get());
    }

    /** Waits until JDA has resumed {@code n} times. */
    public void awaitResumes(int n, Duration timeout) {
        awaitCondition(() -> resumes.get() >= n, timeout, "resumes: " + resumes.get());
    }

    public int identifies() {
        return identifies.get();
    }

    /** The gateway payloads JDA sent (IDENTIFY, RESUME, heartbeats...), in order. */
    public List<JsonNode> gatewayReceived() {
        synchronized (monitor) {
            return List.copyOf(received);
        }
    }

    public String sessionId() {
        return sessionId;
    }

    /** How long after its dispatch the interaction's acknowledgement arrived, or null when it did not. */
    public Duration ackLatency(Interaction interaction) {
        return requests().stream()
                .filter(r -> r.is("POST", "interactions/" + interaction.id() + "/.*/callback") && r.status() < 300)
                .findFirst().map(r -> Duration.between(interaction.dispatchedAt(), r.at())).orElse(null);
    }

    /** The calls that answer one interaction (its callback and every webhook call with its token). */
    public static Predicate<Request> of(Interaction interaction) {
        return r -> r.path().startsWith("interactions/" + interaction.id() + "/")
                || r.path().startsWith("webhooks/" + BOT_ID + "/" + interaction.token());
    }

    /** The stored message (as Discord would show it). */
    public JsonNode storedMessage(String id) {
        return messages.get(id);
    }

    /** Closes the gateway connection with a close code (4000: unknown error, JDA resumes). */
    public void closeGateway(int code) {
        GatewayConnection c = current;
        if (c != null) {
            c.ws.close(code, "closed by the test");
        }
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout + "; " + what);
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    // ------------------------------------------------------------------------------------------------ REST

    private void handle(HttpExchange ex) throws IOException {
        Instant at = Instant.now();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath().substring("/api/v10/".length());
        path = URLDecoder.decode(path, StandardCharsets.UTF_8);
        String query = ex.getRequestURI().getRawQuery();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        boolean authorized = ("Bot " + TOKEN).equals(auth);
        byte[] raw = ex.getRequestBody().readAllBytes();
        List<String> files = new ArrayList<>();
        JsonNode body = parseBody(ex.getRequestHeaders().getFirst("Content-Type"), raw, files);

        Response response;
        boolean open = path.startsWith("interactions/") || path.startsWith("webhooks/");
        if (!authorized && !open) {
            response = error(401, 0, "401: Unauthorized");
        } else {
            try {
                response = route(method, path, query, body);
            } catch (RuntimeException e) {
                response = error(500, 0, "fake failed: " + e);
                e.printStackTrace();
            }
        }
        Request request = new Request(method, path, query, authorized, body, List.copyOf(files), response.status,
                response.body, at);
        synchronized (monitor) {
            requests.add(request);
            monitor.notifyAll();
        }
        ex.getResponseHeaders().add("Via", "1.1 google");
        response.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (response.body == null) {
            ex.sendResponseHeaders(response.status, -1);
        } else {
            byte[] bytes = JSON.writeValueAsBytes(response.body);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(response.status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private record Response(int status, JsonNode body, Map<String, String> headers) {
        Response(int status, JsonNode body) {
            this(status, body, Map.of());
        }
    }

    private static Response error(int status, int code, String message) {
        return new Response(status, NODES.objectNode().put("message", message).put("code", code));
    }

    private Response route(String method, String path, String query, JsonNode body) {
        String[] p = path.split("/");
        switch (method + " " + p[0]) {
            case "GET users" -> {
                String id = p[1].equals("@me") ? BOT_ID : p[1];
                ObjectNode user = users.get(id);
                return user == null ? error(404, 10013, "Unknown User") : new Response(200, user.deepCopy());
            }
            case "POST users" -> { // users/@me/channels
                String recipient = body.path("recipient_id").asText();
                if (!users.containsKey(recipient)) {
                    return error(400, 50033, "Invalid Recipient(s)");
                }
                if (dmOpenRefused.contains(recipient)) {
                    return error(403, 50007, "Cannot send messages to this user");
                }
                ObjectNode channel = NODES.objectNode().put("id", dmChannelOf(recipient)).put("type", 1)
                        .putNull("last_message_id").put("flags", 0);
                channel.putArray("recipients").add(users.get(recipient).deepCopy());
                return new Response(200, channel);
            }
            case "GET gateway" -> {
                ObjectNode g = NODES.objectNode().put("url", gatewayUrl()).put("shards", 1);
                g.putObject("session_start_limit").put("total", 1000).put("remaining", 999).put("reset_after", 0)
                        .put("max_concurrency", 1);
                return new Response(200, g);
            }
            case "GET applications", "GET oauth2" -> {
                ObjectNode app = NODES.objectNode().put("id", BOT_ID).put("name", "PolicyBot").put("description", "")
                        .put("bot_public", false).put("bot_require_code_grant", false).put("flags", 0);
                app.set("owner", users.get(HANK).deepCopy());
                return new Response(200, app);
            }
            case "PUT applications" -> {
                ArrayNode out = NODES.arrayNode();
                for (JsonNode command : body) {
                    ObjectNode c = ((ObjectNode) command.deepCopy()).put("id", snowflake()).put("application_id", BOT_ID)
                            .put("version", snowflake()).put("type", command.path("type").asInt(1));
                    if (p.length > 3 && p[2].equals("guilds")) {
                        c.put("guild_id", p[3]);
                    }
                    out.add(c);
                }
                return new Response(200, out);
            }
            case "POST channels" -> {
                return createMessage(p[1], body, null);
            }
            case "PATCH channels" -> {
                return editMessage(p[3], body);
            }
            case "POST interactions" -> {
                return callback(p[1], p[2], query, body);
            }
            case "PATCH webhooks", "GET webhooks", "DELETE webhooks", "POST webhooks" -> {
                return webhook(method, p, body);
            }
            default -> {
                return error(404, 0, "404: Not Found (unhandled by the fake: " + method + " " + path + ")");
            }
        }
    }

    private Response createMessage(String channelId, JsonNode body, String webhookToken) {
        if (webhookToken == null && rateLimitedCreates.get() > 0
                && (rateLimitChannel == null || rateLimitChannel.equals(channelId))
                && rateLimitedCreates.getAndDecrement() > 0) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Retry-After", String.valueOf((long) Math.ceil(rateLimitRetryAfter)));
            headers.put("X-RateLimit-Limit", "5");
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("X-RateLimit-Reset-After", String.valueOf(rateLimitRetryAfter));
            headers.put("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000.0 + rateLimitRetryAfter));
            headers.put("X-RateLimit-Bucket", "fake-create-message");
            headers.put("X-RateLimit-Scope", "user");
            return new Response(429, NODES.objectNode().put("message", "You are being rate limited.")
                    .put("retry_after", rateLimitRetryAfter).put("global", false), headers);
        }
        String dmOwner = dmChannels.entrySet().stream().filter(e -> e.getValue().equals(channelId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (dmOwner != null && dmSendRefused.contains(dmOwner)) {
            return error(403, 50007, "Cannot send messages to this user");
        }
        if (dmOwner == null && !Set.of(GENERAL, HR_DESK, ANNOUNCEMENTS).contains(channelId)) {
            return error(404, 10003, "Unknown Channel");
        }
        // Nonce with enforce_nonce: the same nonce in the same channel gives the first message back.
        String nonce = body.path("nonce").asText(null);
        if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
            for (ObjectNode m : messages.values()) {
                if (nonce.equals(m.path("nonce").asText(null)) && channelId.equals(m.path("channel_id").asText())) {
                    return new Response(200, m.deepCopy());
                }
            }
        }
        int type = body.has("message_reference") ? 19 : 0;
        ObjectNode message = newMessage(channelId, type, body, webhookToken != null);
        return new Response(200, message.deepCopy());
    }

    private ObjectNode newMessage(String channelId, int type, JsonNode body, boolean fromWebhook) {
        String id = snowflake();
        ObjectNode m = NODES.objectNode().put("id", id).put("type", type).put("channel_id", channelId)
                .put("content", body.path("content").asText("")).put("timestamp", Instant.now().toString())
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", body.path("flags").asInt(0));
        if (channelId.equals(GENERAL) || channelId.equals(HR_DESK) || channelId.equals(ANNOUNCEMENTS)) {
            m.put("guild_id", GUILD_ID);
        }
        m.set("author", users.get(BOT_ID).deepCopy());
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.set("embeds", embeds(body.path("embeds")));
        m.set("components", components(body.path("components")));
        if (body.hasNonNull("nonce")) {
            m.put("nonce", body.get("nonce").asText());
        }
        if (fromWebhook) {
            m.put("webhook_id", BOT_ID).put("application_id", BOT_ID);
        }
        messages.put(id, m);
        return m;
    }

    private Response editMessage(String messageId, JsonNode body) {
        ObjectNode m = messages.get(messageId);
        if (m == null) {
            return error(404, 10008, "Unknown Message");
        }
        if (body.has("content")) {
            m.put("content", body.path("content").asText(""));
        }
        if (body.has("embeds")) {
            m.set("embeds", embeds(body.path("embeds")));
        }
        if (body.has("components")) {
            m.set("components", components(body.path("components")));
        }
        if (body.has("flags")) {
            // Only SUPPRESS_EMBEDS can change: ephemeral and loading keep what the message was.
            m.put("flags", (m.path("flags").asInt() & ~128));
        } else {
            m.put("flags", m.path("flags").asInt() & ~128);
        }
        m.put("edited_timestamp", Instant.now().toString());
        return new Response(200, m.deepCopy());
    }

    private Response callback(String interactionId, String token, String query, JsonNode body) {
        Interaction interaction = interactions.get(token);
        if (interaction == null || !interaction.id().equals(interactionId)) {
            return error(404, 10062, "Unknown interaction");
        }
        if (Duration.between(interaction.dispatchedAt(), Instant.now()).compareTo(ACK_DEADLINE) > 0
                || (lateAcks.get() > 0 && lateAcks.getAndDecrement() > 0)) {
            return error(404, 10062, "Unknown interaction");
        }
        if (!acknowledged.add(token)) {
            return error(400, 40060, "Interaction has already been acknowledged.");
        }
        int type = body.path("type").asInt();
        ObjectNode payload = interactionPayloads.get(interactionId);
        String channelId = payload.path("channel_id").asText();
        int flags = body.path("data").path("flags").asInt(0);
        ObjectNode message = null;
        switch (type) {
            case 4 -> message = newMessage(channelId, payload.path("type").asInt() == 2 ? 20 : 19, body.path("data"), true);
            case 5 -> {
                ObjectNode data = NODES.objectNode().put("flags", 128 | (flags & 64));
                message = newMessage(channelId, payload.path("type").asInt() == 2 ? 20 : 19, data, true);
                originalByToken.put(token, message.path("id").asText());
            }
            case 6 -> originalByToken.put(token, payload.path("message").path("id").asText());
            case 7 -> {
                String source = payload.path("message").path("id").asText();
                originalByToken.put(token, source);
                editMessage(source, body.path("data"));
                message = messages.get(source);
            }
            default -> {
                // 9 (modal) and others: accepted without effect
            }
        }
        if (query == null || !query.contains("with_response=true")) {
            return new Response(204, null);
        }
        ObjectNode out = NODES.objectNode();
        ObjectNode i = out.putObject("interaction").put("id", interactionId).put("type", payload.path("type").asInt())
                .putNull("activity_instance_id");
        if (message != null) {
            i.put("response_message_id", message.path("id").asText())
                    .put("response_message_loading", type == 5).put("response_message_ephemeral", (flags & 64) != 0);
        }
        ObjectNode resource = out.putObject("resource").put("type", type);
        if (message != null) {
            resource.set("message", message.deepCopy());
        }
        return new Response(200, out);
    }

    private Response webhook(String method, String[] p, JsonNode body) {
        // webhooks/{app}/{token}[/messages/{id}]
        String token = p.length > 2 ? p[2] : "";
        if (!acknowledged.contains(token)) {
            return error(404, 10015, "Unknown Webhook");
        }
        if (refusedHookCalls.get() > 0 && refusedHookCalls.getAndDecrement() > 0) {
            return error(401, 50027, "Invalid Webhook Token");
        }
        Interaction interaction = interactions.get(token);
        String channelId = interactionPayloads.get(interaction.id()).path("channel_id").asText();
        if (method.equals("POST") && p.length == 3) {
            ObjectNode m = newMessage(channelId, 0, body, true);
            return new Response(200, m.deepCopy());
        }
        String id = p.length > 4 ? (p[4].equals("@original") ? originalByToken.get(token) : p[4]) : null;
        if (id == null || !messages.containsKey(id)) {
            return error(404, 10008, "Unknown Message");
        }
        return switch (method) {
            case "PATCH" -> editMessage(id, body);
            case "GET" -> new Response(200, messages.get(id).deepCopy());
            case "DELETE" -> {
                messages.remove(id);
                yield new Response(204, null);
            }
            default -> error(405, 0, "405: Method Not Allowed");
        };
    }

    private static JsonNode embeds(JsonNode embeds) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode e : embeds) {
            out.add(((ObjectNode) e.deepCopy()).put("type", "rich"));
        }
        return out;
    }

    private static JsonNode components(JsonNode rows) {
        ArrayNode out = NODES.arrayNode();
        int[] next = {1};
        for (JsonNode row : rows) {
            ObjectNode r = (ObjectNode) row.deepCopy();
            if (!r.has("id")) {
                r.put("id", next[0]++);
            }
            for (JsonNode c : r.path("components")) {
                if (!c.has("id")) {
                    ((ObjectNode) c).put("id", next[0]++);
                }
            }
            out.add(r);
        }
        return out;
    }

    private static void collectCustomIds(JsonNode node, List<String> out) {
        if (node.isObject() && node.has("custom_id")) {
            out.add(node.get("custom_id").asText());
        }
        for (JsonNode child : node) {
            collectCustomIds(child, out);
        }
    }

    private static JsonNode parseBody(String contentType, byte[] raw, List<String> files) {
        if (raw.length == 0) {
            return null;
        }
        try {
            if (contentType != null && contentType.startsWith("multipart/form-data")) {
                String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
                String text = new String(raw, StandardCharsets.ISO_8859_1);
                JsonNode payload = null;
                for (String part : text.split("--" + Pattern.quote(boundary))) {
                    int headerEnd = part.indexOf("\r\n\r\n");
                    if (headerEnd < 0) {
                        continue;
                    }
                    String headers = part.substring(0, headerEnd);
                    String content = part.substring(headerEnd + 4);
                    if (content.endsWith("\r\n")) {
                        content = content.substring(0, content.length() - 2);
                    }
                    Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
                    Matcher file = Pattern.compile("filename=\"([^\"]+)\"").matcher(headers);
                    if (file.find()) {
                        files.add(file.group(1) + "\n" + new String(content.getBytes(StandardCharsets.ISO_8859_1),
                                StandardCharsets.UTF_8));
                    } else if (name.find() && name.group(1).equals("payload_json")) {
                        payload = JSON.readTree(content.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                return payload;
            }
            return JSON.readTree(raw);
        } catch (IOException e) {
            return NODES.textNode(new String(raw, StandardCharsets.UTF_8));
        }
    }

    // ------------------------------------------------------------------------------------------------ gateway

    private final class GatewayConnection {
        final WebSocketServer.Connection ws;
        final Deflater deflater;

        GatewayConnection(WebSocketServer.Connection ws, boolean zlib) {
            this.ws = ws;
            this.deflater = zlib ? new Deflater() : null;
        }

        synchronized void send(ObjectNode payload) {
            byte[] json;
            try {
                json = JSON.writeValueAsBytes(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (deflater == null) {
                ws.text(new String(json, StandardCharsets.UTF_8));
                return;
            }
            // zlib-stream: one compressor per connection, a sync flush after every payload.
            deflater.setInput(json);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
            ws.binary(out.toByteArray());
        }
    }

    private final class GatewayHandler implements WebSocketServer.Handler {
        private final Map<WebSocketServer.Connection, GatewayConnection> connections = new ConcurrentHashMap<>();

        @Override
        public void opened(WebSocketServer.Connection ws) {
            boolean zlib = ws.target.contains("compress=zlib-stream");
            if (!ws.target.contains("v=10") || !ws.target.contains("encoding=json")) {
                ws.close(4012, "Invalid API version");
                return;
            }
            GatewayConnection c = new GatewayConnection(ws, zlib);
            connections.put(ws, c);
            current = c;
            ObjectNode hello = NODES.objectNode().put("op", 10).putNull("s").putNull("t");
            hello.putObject("d").put("heartbeat_interval", heartbeatIntervalMs).putArray("_trace").add("fake-gateway");
            c.send(hello);
        }

        @Override
        public void text(WebSocketServer.Connection ws, String text) {
            GatewayConnection c = connections.get(ws);
            JsonNode payload;
            try {
                payload = JSON.readTree(text);
            } catch (IOException e) {
                ws.close(4002, "Decode error");
                return;
            }
            synchronized (monitor) {
                received.add(payload);
            }
            switch (payload.path("op").asInt(-1)) {
                case 1 -> {
                    heartbeats.incrementAndGet();
                    c.send(NODES.objectNode().put("op", 11).putNull("d").putNull("s").putNull("t"));
                }
                case 2 -> identify(c, payload.path("d"));
                case 6 -> resume(c, payload.path("d"));
                case 3, 4, 8, 14, 31 -> {
                    // presence, voice, member chunks...: recorded, ignored
                }
                default -> ws.close(4001, "Unknown opcode");
            }
            signal();
        }

        @Override
        public void closed(WebSocketServer.Connection ws, int code) {
            connections.remove(ws);
            signal();
        }

        private void identify(GatewayConnection c, JsonNode d) {
            if (!TOKEN.equals(d.path("token").asText())) {
                c.ws.close(4004, "Authentication failed.");
                return;
            }
            identifies.incrementAndGet();
            synchronized (monitor) {
                dispatched.clear();
            }
            ObjectNode ready = NODES.objectNode().put("v", 10).put("session_id", sessionId)
                    .put("resume_gateway_url", gatewayUrl()).put("session_type", "normal");
            ready.set("user", users.get(BOT_ID).deepCopy().put("verified", true).put("mfa_enabled", false)
                    .put("flags", 0));
            ready.putArray("guilds").addObject().put("id", GUILD_ID).put("unavailable", true);
            ready.putObject("application").put("id", BOT_ID).put("flags", 0);
            ready.putArray("private_channels");
            ready.putArray("presences");
            ready.putArray("relationships");
            ready.putArray("guild_join_requests");
            ready.putArray("shard").add(0).add(1);
            ready.putArray("_trace").add("fake-gateway");
            dispatchTo(c, "READY", ready);
            dispatchTo(c, "GUILD_CREATE", guildJson());
        }

        private void resume(GatewayConnection c, JsonNode d) {
            if (!TOKEN.equals(d.path("token").asText()) || !sessionId.equals(d.path("session_id").asText())) {
                c.send(NODES.objectNode().put("op", 9).put("d", false).putNull("s").putNull("t"));
                return;
            }
            long seq = d.path("seq").asLong();
            List<ObjectNode> missed;
            synchronized (monitor) {
                missed = dispatched.stream().filter(x -> x.path("s").asLong() > seq).map(ObjectNode::deepCopy).toList();
            }
            missed.forEach(c::send);
            ObjectNode resumed = NODES.objectNode();
            resumed.putArray("_trace").add("fake-gateway");
            dispatchTo(c, "RESUMED", resumed);
            resumes.incrementAndGet();
        }
    }

    private void dispatchTo(GatewayConnection c, String type, ObjectNode d) {
        ObjectNode payload;
        synchronized (monitor) {
            payload = NODES.objectNode().put("op", 0).put("s", dispatched.size() + 1).put("t", type);
            payload.set("d", d);
            dispatched.add(payload);
        }
        c.send(payload);
    }

    private void dispatch(String type, ObjectNode d, boolean hold) {
        ObjectNode payload;
        synchronized (monitor) {
            payload = NODES.objectNode().put("op", 0).put("s", dispatched.size() + 1).put("t", type);
            payload.set("d", d);
            dispatched.add(payload);
        }
        GatewayConnection c = current;
        if (hold || c == null || !c.ws.isOpen()) {
            return; // the next RESUME replays it
        }
        c.send(payload);
    }

    private ObjectNode guildJson() {
        ObjectNode g = NODES.objectNode().put("id", GUILD_ID).put("name", "Acme").putNull("icon")
                .put("owner_id", HANK).put("preferred_locale", "en-US").put("member_count", users.size())
                .put("premium_progress_bar_enabled", false).put("large", false).put("unavailable", false)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("afk_timeout", 300).put("premium_tier", 0).put("system_channel_flags", 0)
                .put("joined_at", "2025-01-02T03:04:05.000000+00:00");
        ArrayNode roleArray = g.putArray("roles");
        roleArray.add(role(GUILD_ID, "@everyone", 0, PERMISSIONS));
        roleArray.add(role(HR_ROLE, "HR", 2, "0"));
        roleArray.add(role(STAFF_ROLE, "Staff", 1, "0"));
        ArrayNode channels = g.putArray("channels");
        for (String id : List.of(GENERAL, HR_DESK, ANNOUNCEMENTS)) {
            channels.add(channelJson(id));
        }
        g.putArray("threads");
        g.putArray("guild_scheduled_events");
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("features");
        g.putArray("presences");
        g.putArray("members").add(memberJson(BOT_ID, false));
        return g;
    }

    private static ObjectNode role(String id, String name, int position, String permissions) {
        ObjectNode r = NODES.objectNode().put("id", id).put("name", name).put("color", 0).put("hoist", false)
                .put("position", position).put("permissions", permissions).put("managed", false)
                .put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return r;
    }

    private ObjectNode channelJson(String id) {
        String name = switch (id) {
            case GENERAL -> "general";
            case HR_DESK -> "hr-desk";
            case ANNOUNCEMENTS -> "announcements";
            default -> "channel";
        };
        ObjectNode c = NODES.objectNode().put("id", id).put("type", 0).put("guild_id", GUILD_ID).put("name", name)
                .put("position", 0).putNull("parent_id").put("nsfw", false).putNull("topic").putNull("last_message_id")
                .put("rate_limit_per_user", 0).put("flags", 0).put("permissions", PERMISSIONS);
        c.putArray("permission_overwrites");
        return c;
    }

    private ObjectNode memberJson(String userId, boolean withPermissions) {
        ObjectNode m = NODES.objectNode().putNull("nick").putNull("avatar")
                .put("joined_at", "2025-01-02T03:04:05.000000+00:00").put("deaf", false).put("mute", false)
                .put("pending", false).put("flags", 0);
        m.set("user", users.get(userId).deepCopy());
        ArrayNode r = m.putArray("roles");
        roles.getOrDefault(userId, List.of()).forEach(r::add);
        if (withPermissions) {
            m.put("permissions", PERMISSIONS);
        }
        return m;
    }

    /** A real snowflake: milliseconds since Discord's epoch, then a counter. */
    private String snowflake() {
        return Long.toUnsignedString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (1L << 17)
                | (counter.incrementAndGet() & 0x1FFFF));
    }

    @Override
    public void close() {
        gateway.close();
        GatewayConnection c = current;
        if (c != null) {
            c.ws.close(1001, "fake shutting down");
        }
        http.stop(0);
    }
}
