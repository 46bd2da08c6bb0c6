package io.policybot.store;

import io.policybot.testing.PostgresTestDatabase;
import io.policybot.testing.TestStore;

/**
 * Every repository contract ({@link StoreContracts}) on a real PostgreSQL 17 (embedded, started once per JVM): a
 * fresh database per test.
 */
class PostgresStoreContractsTest extends StoreContracts {
    @Override
    TestStore store() {
        return new PostgresTestDatabase();
    }
}
