package io.policybot.slack.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;

/**
 * Remembers delivery keys (event_id, trigger_id) for a while, so a retried or duplicated delivery is answered
 * once. Bounded and expiring: Slack retries within minutes, never hours.
 */
public final class Dedupe {
    private final Cache<String, Boolean> seen;

    public Dedupe(Ticker ticker, Duration window, long maxEntries) {
        this.seen = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(window).maximumSize(maxEntries).build();
    }

    /** True the first time a key is seen in the window; a null key (nothing to dedupe by) is always first. */
    public boolean first(String key) {
        return key == null || seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
