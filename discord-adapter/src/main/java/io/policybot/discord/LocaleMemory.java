package io.policybot.discord;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.interactions.DiscordLocale;

/**
 * Interactions carry the user's Discord language; plain messages (DMs, mentions) do not. The language last seen
 * from a user's interaction is remembered (bounded, least recently used first out) and used for their messages.
 */
final class LocaleMemory {
    private final Map<String, Locale> byUser;

    LocaleMemory(int capacity) {
        this.byUser = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Locale> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The locale of this interaction (null when Discord sent none), remembered for the user's later messages. */
    synchronized Locale learn(String userId, DiscordLocale discordLocale) {
        if (discordLocale == null || discordLocale == DiscordLocale.UNKNOWN) {
            return byUser.get(userId);
        }
        Locale locale = discordLocale.toLocale();
        byUser.put(userId, locale);
        return locale;
    }

    /** The last locale seen for the user, or null. */
    synchronized Locale recall(String userId) {
        return byUser.get(userId);
    }
}
