package io.policybot.app;

import io.policybot.discord.DiscordConfig;
import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which chat platforms are configured, read once from the environment: each platform's own config (whose
 * {@code toString} masks its tokens), never the environment itself.
 *
 * @param slack        Slack, when its bot token and an app token or signing secret are set
 * @param slackOptions the Slack client's options (API URL, retries, HTTP bind)
 * @param discord      Discord, when its bot token is set
 */
record PlatformConfig(Optional<SlackConfig> slack, SlackBot.Options slackOptions, Optional<DiscordConfig> discord) {

    static PlatformConfig fromEnvironment(Map<String, String> env) {
        boolean slack = present(env, SlackConfig.ENV_BOT_TOKEN)
                && (present(env, SlackConfig.ENV_APP_TOKEN) || present(env, SlackConfig.ENV_SIGNING_SECRET));
        boolean discord = present(env, DiscordConfig.ENV_TOKEN);
        return new PlatformConfig(slack ? Optional.of(SlackConfig.fromEnv(env)) : Optional.empty(),
                slack ? SlackBot.Options.fromEnv(env) : SlackBot.Options.defaults(),
                discord ? DiscordConfig.fromEnv(env) : Optional.empty());
    }

    /** The platform names, as {@link io.policybot.chat.Actor#platform()} has them. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        slack.ifPresent(s -> names.add("slack"));
        discord.ifPresent(d -> names.add("discord"));
        return names;
    }

    boolean none() {
        return slack.isEmpty() && discord.isEmpty();
    }

    private static boolean present(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }
}
