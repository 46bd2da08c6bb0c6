package io.policybot.dedupe.sql;

import io.policybot.dedupe.RunOnce;
import io.policybot.store.Database;
import io.policybot.store.Sql;
import java.time.Instant;

/** {@link RunOnce} in SQL (table {@code scheduled_run}, V14): the primary key lets one process's insert through. */
public final class SqlRunOnce implements RunOnce {
    private final Database db;

    public SqlRunOnce(Database db) {
        this.db = db;
    }

    @Override
    public boolean claim(String job, String period, Instant now) {
        return db.inTransaction(c -> Sql.update(c, "INSERT INTO scheduled_run (job, period, claimed_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (job, period) DO NOTHING", job, period, now) == 1);
    }
}
