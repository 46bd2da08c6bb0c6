package io.policybot.app.config;

import io.policybot.app.config.Setting.Type;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every setting PolicyBot has, in one list: {@code policybot.yaml} accepts exactly these keys, {@code config show}
 * prints them, and docs/configuration.md is this list as a table (a test keeps the two the same).
 */
public final class Settings {
    public static final List<Setting> ALL = List.of(
            Setting.of("content.dir", Type.PATH, "POLICYBOT_CONTENT_DIR", "the bundled content",
                    "Content directory (policies, quizzes, scenarios); HR edits it, a saved change is published without a restart"),
            Setting.of("data.dir", Type.PATH, "POLICYBOT_DATA_DIR", "./data",
                    "Where the SQLite database, caches and roles.yaml live"),
            Setting.of("answering.embeddings", Type.BOOLEAN, "POLICYBOT_EMBEDDINGS", "true",
                    "Hybrid retrieval with the bundled sentence-embedding models; false = lexical only (less memory)"),
            Setting.of("database.url", Type.TEXT, "DATABASE_URL", "the SQLite file DATA/policybot.db",
                    "A shared database for several replicas: jdbc:postgresql://host:5432/db?user=...&password=... "
                    + "(the password is masked by config show; better: set DATABASE_URL from a secret)"),
            Setting.of("retention.questions", Type.INTEGER, "POLICYBOT_RETENTION_QUESTIONS", "365",
                    "Days the question log and answer feedback are kept; older ones are purged once a day (0 = "
                    + "forever). Training results and acknowledgements are always kept"),
            Setting.of("roles.hr", Type.LIST, "POLICYBOT_HR", null,
                    "HR people and groups: slack:U0123, discord:81234, slack:group:S0HR, discord:group:9876 "
                    + "(added to DATA/roles.yaml and the roster's roles)"),
            Setting.of("roles.admins", Type.LIST, "POLICYBOT_ADMINS", null, "Admins, as roles.hr"),
            Setting.of("roles.managers", Type.LIST, "POLICYBOT_MANAGERS", null,
                    "Managers, as roles.hr (the roster's manager column also makes managers)"),
            Setting.of("http.port", Type.PORT, "POLICYBOT_HTTP_PORT", "8080",
                    "policybot serve: the port of /healthz, /readyz and /metrics (--port overrides)"),
            Setting.of("http.bind", Type.TEXT, "POLICYBOT_HTTP_BIND", "0.0.0.0 (every interface)",
                    "policybot serve: the address that port listens on (127.0.0.1 behind a local proxy)"),
            Setting.of("console.url", Type.URL, "POLICYBOT_CONSOLE_URL", "http://localhost:PORT/console",
                    "policybot serve: the web console's address as people open it (the sign-in links point there; "
                    + "https://... makes the session cookie Secure)"),
            Setting.of("console.idleMinutes", Type.INTEGER, "POLICYBOT_CONSOLE_IDLE_MINUTES", "30",
                    "policybot serve: a console session ends after this many minutes without a request"),
            Setting.of("console.oidc.issuer", Type.URL, "POLICYBOT_OIDC_ISSUER", null,
                    "Single sign-on to the console with OpenID Connect: the identity provider's issuer URL "
                    + "(unset = sign-in links from chat only)"),
            Setting.of("console.oidc.clientId", Type.TEXT, "POLICYBOT_OIDC_CLIENT_ID", null,
                    "Single sign-on: the console's client id at the identity provider"),
            Setting.secret("console.oidc.clientSecret", "POLICYBOT_OIDC_CLIENT_SECRET",
                    "Single sign-on: the console's client secret at the identity provider"),
            Setting.of("console.oidc.redirectUrl", Type.URL, "POLICYBOT_OIDC_REDIRECT_URL", "CONSOLE_URL/oidc/callback",
                    "Single sign-on: where the provider sends people back (register it there)"),
            Setting.choice("logging.format", "POLICYBOT_LOG_FORMAT", "text",
                    "text for people, json for one JSON object a line (event ids, never user text or tokens)", "text", "json"),
            Setting.choice("logging.level", "POLICYBOT_LOG_LEVEL", "warn",
                    "The least severe log lines written", "error", "warn", "info", "debug"),
            Setting.choice("slack.mode", "SLACK_MODE", "socket",
                    "socket (no public URL needed) or http (Slack posts to this process)", "socket", "http"),
            Setting.secret("slack.botToken", "SLACK_BOT_TOKEN", "Slack bot token, xoxb-... (Slack runs when it is set)"),
            Setting.secret("slack.appToken", "SLACK_APP_TOKEN", "Slack app-level token with connections:write, xapp-... (socket mode)"),
            Setting.secret("slack.signingSecret", "SLACK_SIGNING_SECRET", "Slack signing secret (http mode)"),
            Setting.of("slack.port", Type.PORT, "SLACK_PORT", "3000", "Slack http mode: the port Slack posts to (/slack/events)"),
            Setting.of("slack.httpBind", Type.TEXT, "SLACK_HTTP_BIND", "every interface",
                    "Slack http mode: the address that port listens on"),
            Setting.of("slack.apiUrl", Type.URL, "SLACK_API_URL", "https://slack.com/api/",
                    "Slack Web API base URL (GovSlack, an API gateway or egress proxy)"),
            Setting.of("slack.hrChannel", Type.TEXT, "SLACK_HR_CHANNEL", null,
                    "Channel id (C...) for Ask HR posts; the bot must be invited there; unset = no Ask HR on Slack"),
            Setting.of("slack.announcementsChannel", Type.TEXT, "SLACK_ANNOUNCEMENTS_CHANNEL", null,
                    "Channel id for announcement posts"),
            Setting.of("slack.workers", Type.INTEGER, "SLACK_WORKERS", "one per core",
                    "Slack events answered at once"),
            Setting.of("slack.queue", Type.INTEGER, "SLACK_QUEUE", "500",
                    "Slack events that may wait for an answer; beyond it the person is told to ask again in a minute"),
            Setting.secret("discord.token", "DISCORD_BOT_TOKEN", "Discord bot token (Discord runs when it is set)"),
            Setting.of("discord.guildId", Type.TEXT, "DISCORD_GUILD_ID", null,
                    "Server id: /policy is registered there at once (else globally, up to an hour)"),
            Setting.of("discord.hrChannelId", Type.TEXT, "DISCORD_HR_CHANNEL_ID", null, "Channel id for Ask HR posts"),
            Setting.of("discord.announcementChannelId", Type.TEXT, "DISCORD_ANNOUNCEMENT_CHANNEL_ID", null,
                    "Channel id for announcement posts"),
            Setting.of("discord.apiBaseUrl", Type.URL, "DISCORD_API_BASE_URL", "https://discord.com/api/",
                    "Discord REST base URL (a proxy)"),
            Setting.of("discord.gatewayUrl", Type.URL, "DISCORD_GATEWAY_URL", "Discord's",
                    "Discord gateway URL (a proxy)"),
            Setting.of("discord.workers", Type.INTEGER, "DISCORD_WORKERS", "one per core",
                    "Discord events answered at once"),
            Setting.of("discord.queue", Type.INTEGER, "DISCORD_QUEUE", "500",
                    "Discord events that may wait for an answer; beyond it the person is told to ask again in a minute"));

    private static final Map<String, Setting> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Setting::key, s -> s));

    private Settings() {
    }

    public static Optional<Setting> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The secret whose file key this is ({@code slack.botTokenFile} -> slack.botToken). */
    public static Optional<Setting> secretOfFileKey(String key) {
        if (!key.endsWith("File")) {
            return Optional.empty();
        }
        return byKey(key.substring(0, key.length() - 4)).filter(Setting::secret);
    }

    /** Every key the file may have, for "did you mean". */
    static List<String> fileKeys() {
        return ALL.stream().map(s -> s.secret() ? s.fileKey() : s.key()).toList();
    }
}
