package io.policybot.dedupe;

import java.time.Instant;

/**
 * Scheduled work that must run once per period across every replica sharing the database (the daily retention
 * purge): each replica asks before it runs, and only the first ask for a job and period is told yes.
 */
@FunctionalInterface
public interface RunOnce {
    /**
     * True for the first caller (of any process on the database) to claim {@code period} of {@code job}; false for
     * everyone after. Called inside the work's own transaction, the claim is undone with it when the work fails.
     */
    boolean claim(String job, String period, Instant now);
}
