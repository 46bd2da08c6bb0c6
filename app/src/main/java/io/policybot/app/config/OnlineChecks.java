package io.policybot.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code config check --online}: tries each configured connection the way the bot will use it, and says in plain
 * words what works and what is wrong (never a token). Slack: {@code auth.test} with the bot token,
 * {@code apps.connections.open} with the app token in socket mode, and whether the bot can see the HR channel.
 * Discord: the token ({@code GET /users/@me}) and the HR channel. The database: a connection and one query.
 */
public final class OnlineChecks {
    /** One connection's result. */
    public record Result(String what, boolean ok, String words) {
        @Override
        public String toString() {
            return (ok ? "ok      " : "PROBLEM ") + what + ": " + words;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> env;

    /** @param env the effective environment ({@link EffectiveConfig#environment()}) */
    public OnlineChecks(Map<String, String> env) {
        this.env = env;
    }

    public List<Result> run() {
        List<Result> results = new ArrayList<>();
        results.add(database());
        if (set("SLACK_BOT_TOKEN")) {
            results.addAll(slack());
        } else {
            results.add(new Result("Slack", true, "not configured (SLACK_BOT_TOKEN is not set), skipped"));
        }
        if (set("DISCORD_BOT_TOKEN")) {
            results.addAll(discord());
        } else {
            results.add(new Result("Discord", true, "not configured (DISCORD_BOT_TOKEN is not set), skipped"));
        }
        return results;
    }

    Result database() {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            Path dir = Path.of(env.getOrDefault("POLICYBOT_DATA_DIR", "data"));
            Path file = dir.resolve("policybot.db");
            url = "jdbc:sqlite:" + file;
            if (!Files.exists(file)) {
                Path parent = dir.toAbsolutePath();
                while (parent != null && !Files.exists(parent)) {
                    parent = parent.getParent();
                }
                boolean writable = parent != null && Files.isWritable(parent);
                return new Result("database", writable, writable
                        ? "SQLite file " + file + " does not exist yet; it will be created at the first start"
                        : "SQLite file " + file + " cannot be created: " + parent + " is not writable");
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("SELECT 1");
            return new Result("database", true, "connected to " + safeUrl(url) + " (" + c.getMetaData().getDatabaseProductName() + ")");
        } catch (SQLException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                why = "this build has no driver for that kind of database";
            }
            return new Result("database", false, "cannot connect to " + safeUrl(url) + ": " + why);
        }
    }

    private List<Result> slack() {
        List<Result> results = new ArrayList<>();
        String api = env.getOrDefault("SLACK_API_URL", "https://slack.com/api/");
        api = api.endsWith("/") ? api : api + "/";
        String token = env.get("SLACK_BOT_TOKEN");
        JsonNode auth;
        try {
            auth = slackCall(api, "auth.test", token, "");
        } catch (IOException e) {
            results.add(new Result("Slack", false, "cannot reach " + api + " (" + reason(e) + ")"));
            return results;
        }
        if (!auth.path("ok").asBoolean()) {
            String error = auth.path("error").asText("unknown");
            results.add(new Result("Slack bot token", false, switch (error) {
                case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                        "Slack refused the bot token (" + error + "): check SLACK_BOT_TOKEN (it starts with xoxb-)";
                default -> "auth.test failed: " + error;
            }));
            return results;
        }
        results.add(new Result("Slack bot token", true, "works: workspace \"" + auth.path("team").asText()
                + "\", bot user " + auth.path("user").asText() + " (" + auth.path("user_id").asText() + ")"));
        String mode = env.getOrDefault("SLACK_MODE", "socket").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("http")) {
            if (!set("SLACK_APP_TOKEN")) {
                results.add(new Result("Slack app token", false, "socket mode needs SLACK_APP_TOKEN (xapp-...)"));
            } else {
                try {
                    JsonNode open = slackCall(api, "apps.connections.open", env.get("SLACK_APP_TOKEN"), "");
                    results.add(open.path("ok").asBoolean()
                            ? new Result("Slack app token", true, "works: Socket Mode can connect")
                            : new Result("Slack app token", false, "apps.connections.open failed ("
                            + open.path("error").asText() + "): check SLACK_APP_TOKEN and that Socket Mode is on"));
                } catch (IOException e) {
                    results.add(new Result("Slack app token", false, "cannot reach Slack (" + reason(e) + ")"));
                }
            }
        } else if (!set("SLACK_SIGNING_SECRET")) {
            results.add(new Result("Slack signing secret", false, "http mode needs SLACK_SIGNING_SECRET"));
        }
        String hr = env.get("SLACK_HR_CHANNEL");
        if (hr == null || hr.isBlank()) {
            results.add(new Result("Slack HR channel", true, "not set: Ask HR is off on Slack"));
        } else {
            try {
                JsonNode info = slackCall(api, "conversations.info", token, "channel=" + hr);
                if (info.path("ok").asBoolean()) {
                    boolean member = info.path("channel").path("is_member").asBoolean(false);
                    results.add(new Result("Slack HR channel", member, member
                            ? "the bot is a member of " + hr
                            : "the bot is not a member of " + hr + ": invite it there (/invite @PolicyBot)"));
                } else {
                    String error = info.path("error").asText();
                    results.add(switch (error) {
                        case "channel_not_found" -> new Result("Slack HR channel", false, "the bot cannot see " + hr
                                + ": a wrong id, or a private channel it was not invited to");
                        case "missing_scope" -> new Result("Slack HR channel", true, "cannot check membership of "
                                + hr + " without the channels:read scope (the bot does not need it); make sure it was invited");
                        default -> new Result("Slack HR channel", false, "conversations.info failed: " + error);
                    });
                }
            } catch (IOException e) {
                results.add(new Result("Slack HR channel", false, "cannot reach Slack (" + reason(e) + ")"));
            }
        }
        return results;
    }

    private JsonNode slackCall(String api, String method, String token, String form) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + method)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 429) {
            return JSON.createObjectNode().put("ok", false).put("error", "rate limited (HTTP 429), try again later");
        }
        if (response.statusCode() != 200) {
            return JSON.createObjectNode().put("ok", false).put("error", "HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private List<Result> discord() {
        List<Result> results = new ArrayList<>();
        String base = env.getOrDefault("DISCORD_API_BASE_URL", "https://discord.com/api/");
        base = (base.endsWith("/") ? base : base + "/") + (base.matches(".*/v\\d+/?$") ? "" : "v10/");
        String token = env.get("DISCORD_BOT_TOKEN");
        try {
            HttpResponse<String> me = send(discordGet(base + "users/@me", token));
            if (me.statusCode() == 401) {
                results.add(new Result("Discord token", false, "Discord refused the bot token (401): check DISCORD_BOT_TOKEN"));
                return results;
            }
            if (me.statusCode() != 200) {
                results.add(new Result("Discord token", false, "GET users/@me answered HTTP " + me.statusCode()));
                return results;
            }
            results.add(new Result("Discord token", true, "works: bot " + JSON.readTree(me.body()).path("username").asText()));
            String hr = env.get("DISCORD_HR_CHANNEL_ID");
            if (hr == null || hr.isBlank()) {
                results.add(new Result("Discord HR channel", true, "not set: Ask HR is off on Discord"));
            } else {
                HttpResponse<String> channel = send(discordGet(base + "channels/" + hr, token));
                results.add(switch (channel.statusCode()) {
                    case 200 -> new Result("Discord HR channel", true, "the bot can see channel " + hr);
                    case 403 -> new Result("Discord HR channel", false, "the bot has no access to channel " + hr
                            + ": give its role View Channel and Send Messages there");
                    case 404 -> new Result("Discord HR channel", false, "no channel " + hr + " (wrong id?)");
                    default -> new Result("Discord HR channel", false, "GET channels/" + hr + " answered HTTP "
                            + channel.statusCode());
                });
            }
        } catch (IOException e) {
            results.add(new Result("Discord", false, "cannot reach " + base + " (" + reason(e) + ")"));
        }
        return results;
    }

    private static HttpRequest discordGet(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bot " + token).header("User-Agent", "DiscordBot (policybot, 0.1)").GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a usable URL", e);
        }
    }

    private boolean set(String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static String reason(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "the name could not be resolved";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A JDBC URL without a password in it. */
    public static String safeUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):([^/@]+)@", "//$1:***@");
    }
}
