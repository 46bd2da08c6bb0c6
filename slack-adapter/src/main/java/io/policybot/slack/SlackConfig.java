package io.policybot.slack;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the bot connects to one Slack workspace.
 *
 * @param mode                  Socket Mode (default: no public URL needed) or HTTP (Slack posts to this process)
 * @param botToken              the bot token, {@code xoxb-...}; always needed
 * @param appToken              the app-level token with {@code connections:write}, {@code xapp-...}; Socket Mode only
 * @param signingSecret         the app's signing secret; HTTP mode only
 * @param port                  the HTTP port in HTTP mode (0 picks a free one); ignored in Socket Mode
 * @param hrChannelId           the channel id for {@code NamedChannel(HR)}, or null when there is none
 * @param announcementChannelId the channel id for {@code NamedChannel(ANNOUNCEMENTS)}, or null when there is none
 */
public record SlackConfig(Mode mode, String botToken, String appToken, String signingSecret, int port,
                          String hrChannelId, String announcementChannelId) {

    public static final String ENV_BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String ENV_APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String ENV_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String ENV_MODE = "SLACK_MODE";
    public static final String ENV_PORT = "SLACK_PORT";
    public static final String ENV_HR_CHANNEL = "SLACK_HR_CHANNEL";
    public static final String ENV_ANNOUNCEMENTS_CHANNEL = "SLACK_ANNOUNCEMENTS_CHANNEL";
    /** The Web API base URL (default https://slack.com/api/): GovSlack, an API gateway or egress proxy, a test. */
    public static final String ENV_API_URL = "SLACK_API_URL";
    /** The address HTTP mode listens on (default: every interface); 127.0.0.1 behind a local reverse proxy. */
    public static final String ENV_HTTP_BIND = "SLACK_HTTP_BIND";
    /** How many events are answered at once (default: one per core). */
    public static final String ENV_WORKERS = "SLACK_WORKERS";
    /** How many events may wait for an answer (default 500); beyond it the person is told to ask again. */
    public static final String ENV_QUEUE = "SLACK_QUEUE";
    public static final int DEFAULT_PORT = 3000;

    public enum Mode { SOCKET, HTTP }

    public SlackConfig {
        Objects.requireNonNull(mode, "mode");
        require(botToken, ENV_BOT_TOKEN);
        if (mode == Mode.SOCKET) {
            require(appToken, ENV_APP_TOKEN);
        } else {
            require(signingSecret, ENV_SIGNING_SECRET);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        hrChannelId = blankToNull(hrChannelId);
        announcementChannelId = blankToNull(announcementChannelId);
    }

    public static SlackConfig socketMode(String botToken, String appToken, String hrChannelId,
                                         String announcementChannelId) {
        return new SlackConfig(Mode.SOCKET, botToken, appToken, null, 0, hrChannelId, announcementChannelId);
    }

    public static SlackConfig httpMode(String botToken, String signingSecret, int port, String hrChannelId,
                                       String announcementChannelId) {
        return new SlackConfig(Mode.HTTP, botToken, null, signingSecret, port, hrChannelId, announcementChannelId);
    }

    /**
     * Reads the {@code SLACK_*} variables: {@code SLACK_MODE} is {@code socket} (default) or {@code http},
     * {@code SLACK_PORT} defaults to {@value #DEFAULT_PORT}.
     */
    public static SlackConfig fromEnv(Map<String, String> env) {
        String modeName = env.getOrDefault(ENV_MODE, "socket").trim().toUpperCase(Locale.ROOT);
        Mode mode = switch (modeName) {
            case "", "SOCKET", "SOCKET_MODE" -> Mode.SOCKET;
            case "HTTP" -> Mode.HTTP;
            default -> throw new IllegalArgumentException(ENV_MODE + " must be 'socket' or 'http', not " + modeName);
        };
        String portText = env.getOrDefault(ENV_PORT, "").trim();
        int port;
        try {
            port = portText.isEmpty() ? DEFAULT_PORT : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_PORT + " is not a number: " + portText, e);
        }
        return new SlackConfig(mode, env.get(ENV_BOT_TOKEN), env.get(ENV_APP_TOKEN), env.get(ENV_SIGNING_SECRET),
                port, env.get(ENV_HR_CHANNEL), env.get(ENV_ANNOUNCEMENTS_CHANNEL));
    }

    /** Never prints a token or the secret. */
    @Override
    public String toString() {
        return "SlackConfig[mode=" + mode + ", botToken=" + mask(botToken) + ", appToken=" + mask(appToken)
                + ", signingSecret=" + mask(signingSecret) + ", port=" + port + ", hrChannelId=" + hrChannelId
                + ", announcementChannelId=" + announcementChannelId + "]";
    }

    private static void require(String value, String envName) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(envName + " is required for Slack");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "***";
    }
}
