package io.policybot.discord;

import io.policybot.chat.Reply;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Discord bot needs to run. Only the token is required.
 *
 * @param token                 the bot token ({@code DISCORD_BOT_TOKEN}); never logged, masked in {@link #toString()}
 * @param guildId               a server id ({@code DISCORD_GUILD_ID}): commands are registered there and appear at once;
 *                              null registers them globally (Discord may take up to an hour to show them)
 * @param hrChannelId           channel for {@link Reply.ChannelRole#HR} ({@code DISCORD_HR_CHANNEL_ID}), or null
 * @param announcementChannelId channel for {@link Reply.ChannelRole#ANNOUNCEMENTS}
 *                              ({@code DISCORD_ANNOUNCEMENT_CHANNEL_ID}), or null
 * @param restBaseUrl           Discord's REST API base ({@code DISCORD_API_BASE_URL}), for a proxy or a test double;
 *                              null for {@code https://discord.com/api/v10/}
 * @param gatewayUrl            Discord's gateway ({@code DISCORD_GATEWAY_URL}), for a proxy or a test double; null for
 *                              {@code wss://gateway.discord.gg/}
 */
public record DiscordConfig(String token, String guildId, String hrChannelId, String announcementChannelId,
                            String restBaseUrl, String gatewayUrl) {

    public static final String ENV_TOKEN = "DISCORD_BOT_TOKEN";
    public static final String ENV_GUILD_ID = "DISCORD_GUILD_ID";
    public static final String ENV_HR_CHANNEL_ID = "DISCORD_HR_CHANNEL_ID";
    public static final String ENV_ANNOUNCEMENT_CHANNEL_ID = "DISCORD_ANNOUNCEMENT_CHANNEL_ID";
    public static final String ENV_API_BASE_URL = "DISCORD_API_BASE_URL";
    public static final String ENV_GATEWAY_URL = "DISCORD_GATEWAY_URL";

    public DiscordConfig {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException(ENV_TOKEN + " is empty");
        }
        token = token.strip();
        guildId = snowflake(ENV_GUILD_ID, guildId);
        hrChannelId = snowflake(ENV_HR_CHANNEL_ID, hrChannelId);
        announcementChannelId = snowflake(ENV_ANNOUNCEMENT_CHANNEL_ID, announcementChannelId);
        restBaseUrl = url(ENV_API_BASE_URL, restBaseUrl, "http://", "https://");
        if (restBaseUrl != null && !restBaseUrl.endsWith("/")) {
            restBaseUrl = restBaseUrl + "/"; // JDA appends routes such as "users/@me"
        }
        gatewayUrl = url(ENV_GATEWAY_URL, gatewayUrl, "ws://", "wss://");
    }

    public DiscordConfig(String token, String guildId, String hrChannelId, String announcementChannelId) {
        this(token, guildId, hrChannelId, announcementChannelId, null, null);
    }

    public DiscordConfig(String token) {
        this(token, null, null, null);
    }

    /** The same configuration talking to another REST base and gateway (a proxy, a test double). */
    public DiscordConfig withEndpoints(String restBaseUrl, String gatewayUrl) {
        return new DiscordConfig(token, guildId, hrChannelId, announcementChannelId, restBaseUrl, gatewayUrl);
    }

    /** The configuration from environment variables, or empty when {@code DISCORD_BOT_TOKEN} is unset or blank. */
    public static Optional<DiscordConfig> fromEnv(Map<String, String> env) {
        String token = env.get(ENV_TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DiscordConfig(token, env.get(ENV_GUILD_ID), env.get(ENV_HR_CHANNEL_ID),
                env.get(ENV_ANNOUNCEMENT_CHANNEL_ID), env.get(ENV_API_BASE_URL), env.get(ENV_GATEWAY_URL)));
    }

    /** The configured channel id for a role, if any. */
    public Optional<String> channelFor(Reply.ChannelRole role) {
        return Optional.ofNullable(switch (role) {
            case HR -> hrChannelId;
            case ANNOUNCEMENTS -> announcementChannelId;
        });
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=***, guildId=" + guildId + ", hrChannelId=" + hrChannelId
                + ", announcementChannelId=" + announcementChannelId
                + (restBaseUrl == null ? "" : ", restBaseUrl=" + restBaseUrl)
                + (gatewayUrl == null ? "" : ", gatewayUrl=" + gatewayUrl) + "]";
    }

    private static String url(String name, String value, String... schemes) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://";
            if (!java.util.List.of(schemes).contains(scheme) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException(name + " must be a " + String.join(" or ", schemes)
                        + " URL with a host (and no credentials)");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL", e);
        }
        return url;
    }

    private static String snowflake(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (!id.matches("\\d{1,20}")) {
            throw new IllegalArgumentException(name + " must be a numeric Discord id");
        }
        return id;
    }
}
