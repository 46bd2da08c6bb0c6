package io.policybot.discord;

import io.policybot.conversation.Reply;
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
 */
public record DiscordConfig(String token, String guildId, String hrChannelId, String announcementChannelId) {

    public static final String ENV_TOKEN = "DISCORD_BOT_TOKEN";
    public static final String ENV_GUILD_ID = "DISCORD_GUILD_ID";
    public static final String ENV_HR_CHANNEL_ID = "DISCORD_HR_CHANNEL_ID";
    public static final String ENV_ANNOUNCEMENT_CHANNEL_ID = "DISCORD_ANNOUNCEMENT_CHANNEL_ID";

    public DiscordConfig {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException(ENV_TOKEN + " is empty");
        }
        token = token.strip();
        guildId = snowflake(ENV_GUILD_ID, guildId);
        hrChannelId = snowflake(ENV_HR_CHANNEL_ID, hrChannelId);
        announcementChannelId = snowflake(ENV_ANNOUNCEMENT_CHANNEL_ID, announcementChannelId);
    }

    public DiscordConfig(String token) {
        this(token, null, null, null);
    }

    /** The configuration from environment variables, or empty when {@code DISCORD_BOT_TOKEN} is unset or blank. */
    public static Optional<DiscordConfig> fromEnv(Map<String, String> env) {
        String token = env.get(ENV_TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DiscordConfig(token, env.get(ENV_GUILD_ID), env.get(ENV_HR_CHANNEL_ID),
                env.get(ENV_ANNOUNCEMENT_CHANNEL_ID)));
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
                + ", announcementChannelId=" + announcementChannelId + "]";
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
