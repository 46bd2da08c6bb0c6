package io.policybot.app;

import java.util.Map;

/** Which chat platforms are configured, from the environment (tokens are never printed). */
record Platforms(boolean slack, boolean discord) {

    static Platforms fromEnvironment(Map<String, String> env) {
        boolean slack = present(env, "SLACK_BOT_TOKEN") && (present(env, "SLACK_APP_TOKEN") || present(env, "SLACK_SIGNING_SECRET"));
        boolean discord = present(env, "DISCORD_BOT_TOKEN");
        return new Platforms(slack, discord);
    }

    boolean none() {
        return !slack && !discord;
    }

    /** Starts the configured bots and blocks until the process is asked to stop. */
    int runUntilStopped(BotRuntime runtime) throws InterruptedException {
        throw new IllegalStateException("chat platforms are not wired yet");
    }

    private static boolean present(Map<String, String> env, String key) {
        String v = env.get(key);
        return v != null && !v.isBlank();
    }
}
