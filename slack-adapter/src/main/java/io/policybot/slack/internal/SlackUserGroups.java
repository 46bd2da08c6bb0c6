package io.policybot.slack.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Usergroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Slack user groups ({@code S...}) each person is in, for role checks ({@code slack:group:S0HR}). One
 * {@code usergroups.list include_users=true} call answers for the whole workspace and is cached for {@code ttl}, so
 * requests never wait on it once it is warm. When Slack refuses or fails (no {@code usergroups:read} scope, rate
 * limit, network), everyone is in no group until {@code failureTtl} has passed: the request goes on without
 * group-based roles rather than failing.
 */
public final class SlackUserGroups {
    private static final Logger log = LoggerFactory.getLogger(SlackUserGroups.class);
    /** The bot is installed in one workspace (single-team bot token): one cache entry. */
    private static final String WORKSPACE = "workspace";

    private record Membership(Map<String, Set<String>> groupsByUser, boolean complete) {
    }

    private final MethodsClient client;
    private final SlackCalls calls;
    private final LoadingCache<String, Membership> memberships;

    public SlackUserGroups(MethodsClient client, SlackCalls calls, Ticker ticker, Duration ttl, Duration failureTtl) {
        this.client = client;
        this.calls = calls;
        this.memberships = Caffeine.newBuilder().ticker(ticker)
                .expireAfter(Expiry.<String, Membership>creating((key, m) -> m.complete() ? ttl : failureTtl))
                .maximumSize(10)
                .build(key -> fetch());
    }

    /** The ids of the user groups {@code userId} is in; empty when they are in none or Slack did not say. */
    public Set<String> groupsOf(String userId) {
        return memberships.get(WORKSPACE).groupsByUser().getOrDefault(userId, Set.of());
    }

    private Membership fetch() {
        try {
            List<Usergroup> groups = calls.once("usergroups.list",
                    () -> client.usergroupsList(r -> r.includeUsers(true))).getUsergroups();
            Map<String, Set<String>> byUser = new HashMap<>();
            if (groups != null) {
                for (Usergroup g : groups) {
                    if (g.getId() == null || g.getUsers() == null) {
                        continue;
                    }
                    for (String user : g.getUsers()) {
                        byUser.computeIfAbsent(user, u -> new HashSet<>()).add(g.getId());
                    }
                }
            }
            Map<String, Set<String>> frozen = new HashMap<>();
            byUser.forEach((user, ids) -> frozen.put(user, Set.copyOf(ids)));
            return new Membership(Map.copyOf(frozen), true);
        } catch (SlackCallException e) {
            log.warn("usergroups.list failed ({}); Slack user groups give no roles for now", e.error());
            return new Membership(Map.of(), false);
        } catch (RuntimeException e) {
            log.warn("usergroups.list failed ({}); Slack user groups give no roles for now", e.getClass().getName());
            return new Membership(Map.of(), false);
        }
    }
}
