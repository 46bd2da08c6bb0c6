package io.policybot.testing;

import io.policybot.store.Database;

/**
 * One real, migrated, empty database for one test: SQLite ({@link TestDatabase}) or PostgreSQL
 * ({@link PostgresTestDatabase}). The repository contract suites get theirs from here, so a second store
 * implementation only adds one of these.
 */
public interface TestStore extends AutoCloseable {
    /** The database, created and migrated on first use. */
    Database database();

    /** Closes the database and opens the same one again, as after a restart. */
    Database reopen();

    /** Opens one more connection pool on the same database, as a second replica would; closed with this store. */
    Database replica();

    @Override
    void close();
}
