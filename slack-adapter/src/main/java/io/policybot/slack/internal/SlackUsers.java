package io.policybot.slack.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import io.policybot.chat.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who a Slack user is (display name, locale from users.info include_locale=true), cached, and which user groups
 * they are in ({@link SlackUserGroups}), for role checks. The look-up only adds the locale and the name, so it never
 * holds an answer up: one attempt with a short time limit, and a failure is remembered briefly so the person's next
 * messages do not wait for it again (Slack field report B10).
 */
public final class SlackUsers {
    public static final String PLATFORM = "slack";
    /** How long an answer waits for users.info before it goes out without the locale. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);
    /** After a failed users.info (rate limit, outage), how long the person is answered without asking again. */
    public static final Duration FAILURE_TTL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

    private record Profile(String displayName, Locale locale) {
    }

    private final MethodsClient client;
    private final SlackCalls calls;
    private final Cache<String, Profile> profiles;
    private final Cache<String, Boolean> failedRecently;
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
        this.failedRecently = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(FAILURE_TTL).maximumSize(50_000).build();
    }

    /**
     * The person as the engine knows them; without a locale and name when Slack does not answer in time, without
     * groups when usergroups.list does not.
     */
    public Actor actor(String userId) {
        Profile profile = profiles.getIfPresent(userId);
        if (profile == null && failedRecently.getIfPresent(userId) == null) {
            profile = fetch(userId);
        }
        Set<String> in = groups == null ? Set.of() : groups.groupsOf(userId);
        return profile == null
                ? new Actor(PLATFORM, userId, null, null, in)
                : new Actor(PLATFORM, userId, profile.displayName(), profile.locale(), in);
    }

    /** The person's language when their profile is already cached (no Web API call), else null. */
    public String knownLanguage(String userId) {
        Profile profile = userId == null ? null : profiles.getIfPresent(userId);
        return profile == null || profile.locale() == null ? null : profile.locale().toLanguageTag();
    }

    private Profile fetch(String userId) {
        CompletableFuture<Profile> lookup = CompletableFuture.supplyAsync(() -> lookUp(userId),
                task -> Thread.ofVirtual().name("slack-users-info").start(task));
        try {
            return lookup.get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("users.info took over {} ms; answering without the user's locale", LOOKUP_TIMEOUT.toMillis());
            failedRecently.put(userId, Boolean.TRUE);
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One users.info call; the profile is cached when it comes, even after the answer went out without it. */
    private Profile lookUp(String userId) {
        try {
            User user = calls.once("users.info",
                    () -> client.usersInfo(r -> r.user(userId).includeLocale(true))).getUser();
            Profile profile = new Profile(displayName(user), locale(user.getLocale()));
            profiles.put(userId, profile);
            failedRecently.invalidate(userId);
            return profile;
        } catch (SlackCallException e) {
            log.warn("users.info failed ({}); answering without the user's locale for a minute", e.error());
            failedRecently.put(userId, Boolean.TRUE);
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
