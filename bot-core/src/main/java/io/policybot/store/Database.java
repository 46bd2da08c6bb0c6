package io.policybot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
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
 * the busy timeout only covers other processes (a backup, the CLI). Writes that queue up are committed together
 * (group commit, see {@link #inTransaction}). Reads use a few connections of their own,
 * which WAL mode lets run beside the writer.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;
    private static final int WRITE_ATTEMPTS = 3;
    /** At most this many writes share a commit, so one batch never holds the lock for long. */
    private static final int MAX_BATCH = 256;
    private static final String SAVEPOINT = "policybot_write";

    private final String name;
    private final DataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final ConcurrentLinkedQueue<Write<?>> queued = new ConcurrentLinkedQueue<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder commits = new LongAdder();
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
     * afterwards is already on disk. A nested call joins the outer transaction. Any exception undoes everything
     * {@code work} wrote and propagates ({@link SQLException} as {@link StoreException}).
     *
     * <p>Group commit: writers queue, and whoever takes the write lock runs every write queued at that moment in
     * one database transaction, each inside its own savepoint, then commits once. So a burst of writes costs one
     * disk flush instead of one each, and the callers still return only after the commit that holds their write.
     * A write that fails is rolled back to its savepoint and fails only its own caller; the others in its batch
     * commit as usual.
     */
    public <T> T inTransaction(SqlFunction<T> work) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            return apply(writer, work);
        }
        Write<T> write = new Write<>(work);
        queued.add(write);
        boolean interrupted = false;
        while (!write.done) {
            if (writeLock.tryLock()) {
                try {
                    if (!write.done) {
                        writeBatch();
                    }
                } finally {
                    writeLock.unlock();
                }
                wakeNextLeader();
            } else {
                LockSupport.park(this);
                // A write cannot be taken back once queued: wait for it, and keep the interrupt for the caller.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return write.outcome();
    }

    /**
     * After the write lock is released, someone must lead the writes queued meanwhile: wake the oldest waiter.
     * (A writer queued after this check finds the lock free itself.)
     */
    private void wakeNextLeader() {
        Write<?> next = queued.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** Runs the writes queued now in one transaction; under the write lock. */
    private void writeBatch() {
        List<Write<?>> batch = new ArrayList<>();
        for (Write<?> w; batch.size() < MAX_BATCH && (w = queued.poll()) != null; ) {
            batch.add(w);
        }
        if (closed) {
            StoreException failure = new StoreException("the database " + name + " is closed");
            batch.forEach(w -> w.finish(null, failure));
            return;
        }
        try {
            commitTogether(batch);
        } catch (RuntimeException | Error e) { // a bug here must not leave callers waiting or return them nothing
            batch.forEach(w -> w.failOnce(e));
            throw e;
        } finally {
            for (Write<?> w : batch) {
                w.finish();
            }
        }
    }

    private void commitTogether(List<Write<?>> batch) {
        List<Write<?>> todo = batch;
        int attempt = 1;
        while (!todo.isEmpty()) {
            todo.forEach(Write::reset);
            Write<?> running = null;
            try {
                begin();
                boolean savepoints = todo.size() > 1;
                int succeeded = 0;
                for (Write<?> w : todo) {
                    running = w;
                    succeeded += run(w, savepoints) ? 1 : 0;
                }
                running = null;
                if (succeeded == 0) {
                    rollback(null);
                } else {
                    commit();
                    writes.add(succeeded);
                    commits.increment();
                }
                break;
            } catch (SQLException e) {
                rollback(e);
                if (running != null) {
                    // Undoing one write's savepoint failed (SQLite rolls the whole transaction back after some
                    // errors): that write fails alone, and the others run again in a new transaction.
                    running.failOnce(e);
                    Write<?> broken = running;
                    todo = todo.stream().filter(w -> w != broken).toList();
                    continue;
                }
                if (isBusy(e) && attempt++ < WRITE_ATTEMPTS) {
                    log.warn("{} stayed locked by another process for {} ms; trying again", name, BUSY_TIMEOUT_MILLIS);
                    continue;
                }
                todo.forEach(w -> w.failOnce(e));
                break;
            } catch (RuntimeException | Error e) {
                rollback(e);
                todo.forEach(w -> w.failOnce(e));
                break;
            } finally {
                endTransaction();
            }
        }
    }

    /**
     * Runs one write of a batch, inside a savepoint when the batch has others. False when the write failed: its
     * failure is kept for its caller and its changes are undone (all of them, without savepoint: the caller then
     * rolls back). Throws only when the savepoint itself fails.
     */
    private boolean run(Write<?> w, boolean savepoint) throws SQLException {
        Savepoint sp = savepoint ? savepoint() : null;
        try {
            w.run(writer);
        } catch (SQLException | RuntimeException | Error e) {
            w.failOnce(e);
            if (savepoint) {
                rollbackTo(sp);
            }
            return false;
        }
        if (savepoint) {
            release(sp);
        }
        return true;
    }

    /** Writes committed and commits made since opening: writes / commits is the average group size. */
    public WriteStats writeStats() {
        return new WriteStats(writes.sum(), commits.sum());
    }

    /** @param writes successful {@link #inTransaction} calls committed; @param commits transactions committed */
    public record WriteStats(long writes, long commits) {
    }

    /** Writes waiting for the write lock (for tests). */
    int queuedWrites() {
        return queued.size();
    }

    /** One queued {@link #inTransaction} call: its work, its caller (to wake) and, once done, its outcome. */
    private static final class Write<T> {
        private final SqlFunction<T> work;
        private final Thread caller = Thread.currentThread();
        private T result;
        private Throwable failure;
        private volatile boolean done;

        Write(SqlFunction<T> work) {
            this.work = work;
        }

        void reset() {
            result = null;
            failure = null;
        }

        void run(Connection connection) throws SQLException {
            result = work.apply(connection);
        }

        /** Records the failure unless one is recorded already (the write's own is the one to report). */
        void failOnce(Throwable e) {
            if (failure == null) {
                result = null;
                failure = e;
            }
        }

        void finish(T value, Throwable e) {
            result = value;
            failure = e;
            finish();
        }

        /** Publishes the outcome (the volatile write) and wakes the caller. */
        void finish() {
            done = true;
            LockSupport.unpark(caller);
        }

        T outcome() {
            return switch (failure) {
                case null -> result;
                case SQLException e -> throw new StoreException("database write failed: " + e.getMessage(), e);
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new StoreException("database write failed: " + failure, failure);
            };
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

    /** A savepoint; null on SQLite, which uses one fixed name (savepoints of a batch never nest). */
    private Savepoint savepoint() throws SQLException {
        if (sqlite) {
            try (Statement st = writer.createStatement()) {
                st.execute("SAVEPOINT " + SAVEPOINT);
            }
            return null;
        }
        return writer.setSavepoint();
    }

    private void release(Savepoint sp) throws SQLException {
        if (sqlite) {
            try (Statement st = writer.createStatement()) {
                st.execute("RELEASE " + SAVEPOINT);
            }
        } else {
            writer.releaseSavepoint(sp);
        }
    }

    private void rollbackTo(Savepoint sp) throws SQLException {
        if (sqlite) {
            try (Statement st = writer.createStatement()) {
                st.execute("ROLLBACK TO " + SAVEPOINT);
                st.execute("RELEASE " + SAVEPOINT);
            }
        } else {
            writer.rollback(sp);
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
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                log.warn("could not roll back a transaction on {}: {}", name, e.getMessage());
            }
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
        wakeNextLeader(); // writes queued meanwhile fail with "closed"
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
