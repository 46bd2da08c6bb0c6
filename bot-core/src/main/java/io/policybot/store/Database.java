package io.policybot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * The database: migrated with Flyway when opened, then used through {@link #read} and {@link #inTransaction}.
 *
 * <p>Writes go through one connection under one in-process lock. SQLite allows a single writer at a time, and
 * queueing writers here (instead of letting them race for the file lock) means no user ever sees SQLITE_BUSY;
 * the busy timeout only covers other processes (a backup, the CLI). Reads use a few connections of their own,
 * which WAL mode lets run beside the writer.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;
    private static final int WRITE_ATTEMPTS = 3;

    private final String name;
    private final DataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final Semaphore readPermits = new Semaphore(READERS);
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final Set<Connection> readers = ConcurrentHashMap.newKeySet();
    private final Runnable afterClose;
    private final boolean sqlite;
    private boolean sqliteTransactionOpen; // guarded by writeLock
    private volatile boolean closed;

    private Database(String name, DataSource dataSource, Runnable afterClose) {
        this.name = name;
        this.dataSource = dataSource;
        this.afterClose = afterClose;
        migrate(dataSource);
        try {
            this.writer = dataSource.getConnection();
            this.sqlite = writer.getMetaData().getDatabaseProductName().equalsIgnoreCase("SQLite");
        } catch (SQLException e) {
            throw new StoreException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }

    /** Opens (creating it and its folder if needed) the SQLite database in {@code file}, and migrates it. */
    public static Database sqlite(Path file) {
        return sqlite(file, () -> { });
    }

    private static Database sqlite(Path file, Runnable afterClose) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed answer survives a power cut, not only a killed process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // IMMEDIATE takes the write lock at BEGIN, so a transaction never fails half-way upgrading a read lock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return new Database(file.toString(), ds, afterClose);
    }

    /** A SQLite database in a new temporary folder, deleted on {@link #close()}: for tests and dry runs. */
    public static Database temporary() {
        try {
            Path dir = Files.createTempDirectory("policybot-db");
            return sqlite(dir.resolve("policybot.db"), () -> deleteTree(dir));
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary database: " + e.getMessage(), e);
        }
    }

    /**
     * A database behind any JDBC data source (PostgreSQL later), migrated with the same scripts.
     * The data source should hand out autocommit connections.
     */
    public static Database of(String name, DataSource dataSource) {
        return new Database(name, dataSource, () -> { });
    }

    private static void migrate(DataSource dataSource) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + e.getMessage(), e);
        }
    }

    /** Runs read-only work; inside a transaction on this thread it sees that transaction's writes. */
    public <T> T read(SqlFunction<T> work) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            return apply(writer, work);
        }
        readPermits.acquireUninterruptibly();
        Connection connection = idleReaders.poll();
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                readers.add(connection);
            }
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                idleReaders.add(connection);
            }
            readPermits.release();
        }
    }

    /**
     * Runs {@code work} in one transaction and commits it before returning: whatever the caller tells the user
     * afterwards is already on disk. Writers queue on one lock. A nested call joins the outer transaction.
     * Any exception rolls the whole transaction back and propagates ({@link SQLException} as {@link StoreException}).
     */
    public <T> T inTransaction(SqlFunction<T> work) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            return apply(writer, work);
        }
        writeLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    begin();
                    T result = work.apply(writer);
                    commit();
                    return result;
                } catch (SQLException e) {
                    rollback(e);
                    if (isBusy(e) && attempt < WRITE_ATTEMPTS) {
                        log.warn("{} stayed locked by another process for {} ms; trying again", name, BUSY_TIMEOUT_MILLIS);
                        continue;
                    }
                    throw new StoreException("database write failed: " + e.getMessage(), e);
                } catch (RuntimeException | Error e) {
                    rollback(e);
                    throw e;
                } finally {
                    endTransaction();
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static <T> T apply(Connection connection, SqlFunction<T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database access failed: " + e.getMessage(), e);
        }
    }

    /*
     * SQLite transactions are begun and ended with plain statements: sqlite-jdbc's commit() runs BEGIN again
     * right after COMMIT, and a busy error from that BEGIN would look like a failed commit of work that is in
     * fact on disk (and the retry would run it twice). Here a busy error comes from BEGIN IMMEDIATE (nothing
     * written yet) or from a COMMIT that did not happen, so a retry is always safe. Other databases use JDBC's calls.
     */
    private void begin() throws SQLException {
        if (sqlite) {
            try (Statement st = writer.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            sqliteTransactionOpen = true;
        } else {
            writer.setAutoCommit(false);
        }
    }

    private void commit() throws SQLException {
        if (sqlite) {
            try (Statement st = writer.createStatement()) {
                st.execute("COMMIT");
            }
            sqliteTransactionOpen = false;
        } else {
            writer.commit();
        }
    }

    private void rollback(Throwable cause) {
        try {
            if (sqlite) {
                if (sqliteTransactionOpen) {
                    sqliteTransactionOpen = false;
                    try (Statement st = writer.createStatement()) {
                        st.execute("ROLLBACK");
                    }
                }
            } else {
                writer.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void endTransaction() {
        if (sqlite) {
            return;
        }
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("could not end a transaction on {}: {}", name, e.getMessage());
        }
    }

    private static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException s) {
            int primary = s.getResultCode().code & 0xff;
            return primary == 5 || primary == 6; // SQLITE_BUSY, SQLITE_LOCKED
        }
        return false;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the database " + name + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            readPermits.acquireUninterruptibly(READERS); // waits for running reads
            for (Connection c : readers) {
                closeQuietly(c);
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
        afterClose.run();
    }

    private void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("could not close a connection to {}: {}", name, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Database[" + name + "]";
    }
}
