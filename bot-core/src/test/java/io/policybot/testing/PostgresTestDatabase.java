package io.policybot.testing;

import io.policybot.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, migrated, empty PostgreSQL database for one test, on the JVM's {@link EmbeddedPostgres}: a copy of a
 * template migrated once per JVM (CREATE DATABASE ... TEMPLATE takes milliseconds), dropped on {@link #close()}.
 */
public final class PostgresTestDatabase implements TestStore {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Object TEMPLATE_LOCK = new Object();
    private static boolean templateReady; // test support: guarded by TEMPLATE_LOCK
    private static final String TEMPLATE = "policybot_template";

    private final String name = "policybot_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    private Database database;
    private final List<Database> replicas = new ArrayList<>();
    private boolean created;

    /** The JDBC URL of this test's database. */
    public String url() {
        return EmbeddedPostgres.get().url(name);
    }

    @Override
    public synchronized Database database() {
        if (database == null) {
            database = Database.open(create());
        }
        return database;
    }

    @Override
    public synchronized Database reopen() {
        if (database != null) {
            database.close();
            database = null;
        }
        return database();
    }

    @Override
    public synchronized Database replica() {
        Database d = Database.open(create());
        replicas.add(d);
        return d;
    }

    private String create() {
        if (!created) {
            EmbeddedPostgres pg = EmbeddedPostgres.get();
            synchronized (TEMPLATE_LOCK) {
                if (!templateReady) {
                    pg.admin("DROP DATABASE IF EXISTS " + TEMPLATE, "CREATE DATABASE " + TEMPLATE);
                    Database.open(pg.url(TEMPLATE)).close(); // migrates it
                    templateReady = true;
                }
                // One copy at a time: PostgreSQL refuses to copy a template somebody is connected to.
                pg.admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
            }
            created = true;
        }
        return url();
    }

    @Override
    public synchronized void close() {
        for (Database d : replicas) {
            d.close();
        }
        replicas.clear();
        if (database != null) {
            database.close();
            database = null;
        }
        if (created) {
            EmbeddedPostgres.get().admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            created = false;
        }
    }
}
