package io.policybot.slack.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import io.policybot.conversation.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Who a Slack user is (display name, locale from users.info include_locale=true), cached, and which user groups
 * they are in ({@link SlackUserGroups}), for role checks.
 */
public final class SlackUsers {
    public static final String PLATFORM = "slack";
    private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

    private record Profile(String displayName, Locale locale) {
    }

    private final MethodsClient client;
    private final SlackCalls calls;
    private final Cache<String, Profile> profiles;
    private final SlackUserGroups groups;

    /** Without user groups: every actor is in none. */
    public SlackUsers(MethodsClient client, SlackCalls calls, Ticker ticker, Duration ttl) {
        this(client, calls, ticker, ttl, null);
    }

    public SlackUsers(MethodsClient client, SlackCalls calls, Ticker ticker, Duration ttl, SlackUserGroups groups) {
        this.client = client;
        this.calls = calls;
        this.groups = groups;
        this.profiles = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(50_000).build();
    }

    /**
     * The person as the engine knows them; without a locale when Slack does not answer (not cached then), without
     * groups when usergroups.list does not.
     */
    public Actor actor(String userId) {
        Profile profile = profiles.get(userId, this::fetch);
        Set<String> in = groups == null ? Set.of() : groups.groupsOf(userId);
        return profile == null
                ? new Actor(PLATFORM, userId, null, null, in)
                : new Actor(PLATFORM, userId, profile.displayName(), profile.locale(), in);
    }

    private Profile fetch(String userId) {
        try {
            User user = calls.withRetries("users.info",
                    () -> client.usersInfo(r -> r.user(userId).includeLocale(true))).getUser();
            return new Profile(displayName(user), locale(user.getLocale()));
        } catch (SlackCallException e) {
            log.warn("users.info failed ({}); answering without the user's locale", e.error());
            return null;
        }
    }

    private static String displayName(User user) {
        User.Profile p = user.getProfile();
        if (p != null && p.getDisplayName() != null && !p.getDisplayName().isBlank()) {
            return p.getDisplayName();
        }
        if (p != null && p.getRealName() != null && !p.getRealName().isBlank()) {
            return p.getRealName();
        }
        return user.getRealName() != null && !user.getRealName().isBlank() ? user.getRealName() : user.getName();
    }

    static Locale locale(String slackLocale) {
        if (slackLocale == null || slackLocale.isBlank()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(slackLocale.replace('_', '-'));
        return locale.getLanguage().isEmpty() ? null : locale;
    }
}
