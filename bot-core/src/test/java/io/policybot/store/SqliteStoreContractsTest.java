package io.policybot.store;

import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestStore;

/** Every repository contract ({@link StoreContracts}) on SQLite: a real database file per test. */
class SqliteStoreContractsTest extends StoreContracts {
    @Override
    TestStore store() {
        return new TestDatabase();
    }
}
