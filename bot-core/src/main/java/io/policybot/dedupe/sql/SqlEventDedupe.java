package io.policybot.dedupe.sql;

import io.policybot.dedupe.EventDedupe;
import io.policybot.store.Database;
import io.policybot.store.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link EventDedupe} in SQL (table {@code seen_event}, V12): the primary key lets exactly one process's insert of a
 * key through. Keys older than the window are deleted now and then (at most once per tenth of the window).
 */
public final class SqlEventDedupe implements EventDedupe {
    private static final int MAX_KEY = 300;
    private final Database db;
    private final Duration window;
    private final AtomicLong nextPurge = new AtomicLong(Long.MIN_VALUE);

    public SqlEventDedupe(Database db, Duration window) {
        this.db = db;
        this.window = window;
    }

    @Override
    public boolean firstTime(String key, Instant now) {
        String k = key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
        Instant horizon = now.minus(window);
        long purgeAt = nextPurge.get();
        boolean purge = now.toEpochMilli() >= purgeAt
                && nextPurge.compareAndSet(purgeAt, now.plus(window.dividedBy(10)).toEpochMilli());
        return db.inTransaction(c -> {
            if (purge) {
                Sql.update(c, "DELETE FROM seen_event WHERE seen_at < ?", horizon);
            }
            // A key seen before the window is new again (as in memory): refresh it instead of refusing.
            return Sql.update(c, "INSERT INTO seen_event (event_key, seen_at) VALUES (?, ?) ON CONFLICT (event_key) "
                    + "DO UPDATE SET seen_at = excluded.seen_at WHERE seen_event.seen_at < ?", k, now, horizon) == 1;
        });
    }
}
