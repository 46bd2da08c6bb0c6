package io.policybot.testing;

import io.policybot.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real, migrated SQLite database in a temporary folder, one per test: never a mock.
 * <pre>{@code
 * @RegisterExtension final TestDatabase db = new TestDatabase();
 * ... new SqlPersonRepository(db.database()) ...
 * }</pre>
 * or {@code try (TestDatabase db = new TestDatabase()) {...}} outside JUnit's lifecycle.
 * {@link #reopen()} closes and opens the same file, as a restart would.
 */
public final class TestDatabase implements AfterEachCallback, TestStore {
    private Path dir;
    private Database database;
    private final java.util.List<Database> replicas = new java.util.ArrayList<>();

    /** The database, created (and migrated) on first use. */
    @Override
    public synchronized Database database() {
        if (database == null) {
            database = Database.sqlite(file());
        }
        return database;
    }

    /** The SQLite file. */
    public synchronized Path file() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("policybot-test-db");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir.resolve("policybot.db");
    }

    /** Closes the database and opens the same file again, as after a restart. */
    @Override
    public synchronized Database reopen() {
        if (database != null) {
            database.close();
            database = null;
        }
        return database();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Another process's view of the same file (SQLite serialises them on the file lock). */
    @Override
    public synchronized Database replica() {
        Database d = Database.sqlite(file());
        replicas.add(d);
        return d;
    }

    @Override
    public synchronized void close() {
        replicas.forEach(Database::close);
        replicas.clear();
        if (database != null) {
            database.close();
            database = null;
        }
        if (dir != null) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = null;
        }
    }
}
