package io.policybot.testing;

import io.policybot.store.Database;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of the repository contract suites ({@code *Contract} classes, abstract): each test gets a fresh, empty,
 * migrated database from {@link #newStore()} and the stores on it from {@link #stores(Database)}. A suite runs once
 * per database ({@code SqliteStoreContractsTest}, {@code PostgresStoreContractsTest}); another implementation of the
 * interfaces only overrides {@link #stores(Database)}.
 */
public abstract class StoreContract {
    private TestStore store;
    private Stores stores;

    /** A new, not yet opened, database for one test. */
    protected abstract TestStore newStore();

    /** The implementations under test, on {@code db}. */
    protected Stores stores(Database db) {
        return Stores.sql(db);
    }

    /** The stores of this test's database. */
    protected final synchronized Stores stores() {
        if (stores == null) {
            stores = stores(store().database());
        }
        return stores;
    }

    /** The same database after a restart: the stores are opened again. */
    protected final synchronized Stores restart() {
        stores = stores(store().reopen());
        return stores;
    }

    /** Stores on a second connection pool to the same database, as a second process (a replica) has. */
    protected final synchronized Stores replica() {
        return stores(replicaDatabase());
    }

    /** A second connection pool to the same database, as a second process (a replica) has. */
    protected final synchronized Database replicaDatabase() {
        return store().replica();
    }

    /** The database itself, for the few checks of the schema (triggers, typed columns). */
    protected final Database database() {
        return store().database();
    }

    private synchronized TestStore store() {
        if (store == null) {
            store = newStore();
        }
        return store;
    }

    @AfterEach
    protected final synchronized void closeStore() {
        if (store != null) {
            store.close();
            store = null;
            stores = null;
        }
    }
}
