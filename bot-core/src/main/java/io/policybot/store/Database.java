package io.policybot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: migrated with Flyway when opened, then used through {@link #read} and {@link #inTransaction}.
 * What differs between SQLite and PostgreSQL is in its {@link Dialect}; this class keeps connection handling and
 * group commit.
 *
 * <p>Writes go through one connection at a time under one in-process lock. SQLite allows a single writer at a time,
 * and queueing writers here (instead of letting them race for the file lock) means no user ever sees SQLITE_BUSY;
 * the busy timeout only covers other processes (a backup, the CLI). Writes that queue up are committed together
 * (group commit, see {@link #inTransaction}). Reads use a few connections of their own, which WAL mode lets run
 * beside the writer. On a pooled database (PostgreSQL) each batch and each read borrows a connection from the pool
 * and gives it back, so the pool can replace a broken one.
 */
public final class Database implements AutoCloseable, Transactions {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int READERS = 4;
    private static final int WRITE_ATTEMPTS = 3;
    /** At most this many writes share a commit, so one batch never holds the lock for long. */
    private static final int MAX_BATCH = 256;

    private final String name;
    private final DataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Dialect dialect;
    private Connection writer; // guarded by writeLock; on a pooled database only while a batch runs
    private final ConcurrentLinkedQueue<Write<?>> queued = new ConcurrentLinkedQueue<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final Semaphore readPermits = new Semaphore(READERS);
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final Set<Connection> readers = ConcurrentHashMap.newKeySet();
    private final Runnable afterClose;
    private boolean transactionOpen; // guarded by writeLock
    private volatile CommitListener commitListener = (writes, nanos) -> { };
    private volatile boolean closed;

    private Database(String name, DataSource dataSource, Dialect dialect, Runnable afterClose) {
        this.name = name;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.afterClose = afterClose;
        try {
            migrate(dataSource, dialect);
            if (!dialect.pooled()) {
                this.writer = dataSource.getConnection();
            }
        } catch (SQLException | RuntimeException e) {
            afterClose.run();
            String unreachable = unreachable(e);
            if (unreachable != null) {
                // Said as a database problem (not a network one about some other server): no cause to misread.
                throw new StoreException("cannot reach the database " + name + " (" + unreachable + "): check "
                        + "DATABASE_URL and that the server is running");
            }
            throw e instanceof StoreException s ? s : new StoreException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }

    /** The reason when connecting failed (SQL state class 08), else null. */
    private static String unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && q.getSQLState() != null && q.getSQLState().startsWith("08")) {
                Throwable root = q;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return root.getMessage() == null ? q.getMessage() : root.getMessage();
            }
        }
        return null;
    }

    /**
     * Opens the database a JDBC URL names: {@code jdbc:postgresql://host/db?user=...} (through a HikariCP pool),
     * or {@code jdbc:sqlite:FILE}; a plain path is a SQLite file.
     */
    public static Database open(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return postgres(url, null, null);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(url.substring("jdbc:sqlite:".length())));
        }
        if (url.startsWith("jdbc:")) {
            throw new StoreException("unsupported database URL (PolicyBot runs on jdbc:sqlite: and jdbc:postgresql:): "
                    + url.substring(0, url.indexOf(':', 5) + 1));
        }
        return sqlite(Path.of(url));
    }

    /** A PostgreSQL database through a HikariCP pool; user and password may also be in the URL. */
    public static Database postgres(String url, String user, String password) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("policybot");
        config.setMaximumPoolSize(READERS + 2); // the readers, a write batch, and Flyway or a spare
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1); // a clear message from the first use below, not the pool's
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        String shown = url.replaceAll("(?i)(password=)[^&]*", "$1***");
        return new Database(shown, pool, new PostgresDialect(), pool::close);
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
        return new Database(file.toString(), ds, new SqliteDialect(), afterClose);
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
     * A database behind any JDBC data source of SQLite or PostgreSQL (the dialect is read from the driver), migrated
     * with the same scripts. The data source should hand out autocommit connections.
     */
    public static Database of(String name, DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("cannot open " + name + ": " + e.getMessage(), e);
        }
        Dialect dialect = switch (product.toLowerCase(java.util.Locale.ROOT)) {
            case "sqlite" -> new SqliteDialect();
            case "postgresql" -> new PostgresDialect();
            default -> throw new StoreException(name + " is " + product + "; PolicyBot runs on SQLite and PostgreSQL");
        };
        return new Database(name, dataSource, dialect, () -> { });
    }

    private static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            Flyway.configure().dataSource(dataSource).locations(dialect.migrations().toArray(String[]::new))
                    .failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + e.getMessage(), e);
        }
    }

    /** What differs on this database (the few SQL clauses a repository may need). */
    public Dialect dialect() {
        return dialect;
    }

    /** {@link #inTransaction} for work that goes through repositories, not a connection. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return inTransaction(c -> work.get());
    }

    /** Runs read-only work; inside a transaction on this thread it sees that transaction's writes. */
    public <T> T read(SqlFunction<T> work) {
        ensureOpen();
        if (writeLock.isHeldByCurrentThread()) {
            return apply(writer, work);
        }
        if (dialect.pooled()) {
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            } catch (SQLException e) {
                throw new StoreException("database read failed: " + e.getMessage(), e);
            }
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
            if (dialect.pooled()) {
                writer = dataSource.getConnection();
            }
            commitTogether(batch);
        } catch (SQLException e) {
            batch.forEach(w -> w.failOnce(e));
        } catch (RuntimeException | Error e) { // a bug here must not leave callers waiting or return them nothing
            batch.forEach(w -> w.failOnce(e));
            throw e;
        } finally {
            if (dialect.pooled() && writer != null) {
                closeQuietly(writer);
                writer = null;
            }
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
                long started = System.nanoTime();
                begin();
                // Shared by other processes (PostgreSQL), a write may lose a deadlock to one of them: in its own
                // savepoint it can run again without undoing the rest of the batch.
                boolean savepoints = todo.size() > 1 || !dialect.singleProcess();
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
                    commitListener.committed(succeeded, System.nanoTime() - started);
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
                if (dialect.isTransient(e) && attempt++ < WRITE_ATTEMPTS) {
                    log.warn("a write on {} collided with another process ({}); trying again", name, e.getMessage());
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
        for (int attempt = 1; ; attempt++) {
            Savepoint sp = savepoint ? savepoint() : null;
            try {
                w.run(writer);
            } catch (SQLException | RuntimeException | Error e) {
                if (savepoint && attempt < WRITE_ATTEMPTS && transientCause(e) != null) {
                    // Lost a deadlock or serialization check to another process: nothing of it stays; again.
                    rollbackTo(sp);
                    w.reset();
                    log.info("a write on {} collided with another process ({}); running it again", name,
                            transientCause(e).getSQLState());
                    continue;
                }
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
    }

    /** The SQL failure in the chain that the dialect says is safe to run again (nested calls wrap it), or null. */
    private SQLException transientCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && dialect.isTransient(q)) {
                return q;
            }
        }
        return null;
    }

    /** Told of every commit (the meters of {@code serve}); replaces the one before. */
    public void onCommit(CommitListener listener) {
        this.commitListener = java.util.Objects.requireNonNull(listener);
    }

    /** What a commit did: how many writes shared it, and how long its transaction took from begin to commit. */
    @FunctionalInterface
    public interface CommitListener {
        void committed(int writes, long nanos);
    }

    /**
     * Writes a consistent copy of the database to {@code target} while it stays in use (SQLite's {@code VACUUM
     * INTO}, on a reader connection: writers go on meanwhile, the copy is the database as of its start). The target
     * must not exist. A shared PostgreSQL database is copied with its own tools ({@code pg_dump}), not from here.
     */
    public void backupTo(Path target) {
        ensureOpen();
        if (dialect.pooled()) {
            throw new StoreException("a PostgreSQL database is backed up with pg_dump (see docs/operations.md), "
                    + "not by PolicyBot");
        }
        read(c -> {
            try (var ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
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

    private void begin() throws SQLException {
        dialect.begin(writer);
        transactionOpen = true;
    }

    private Savepoint savepoint() throws SQLException {
        return dialect.savepoint(writer);
    }

    private void release(Savepoint sp) throws SQLException {
        dialect.release(writer, sp);
    }

    private void rollbackTo(Savepoint sp) throws SQLException {
        dialect.rollbackTo(writer, sp);
    }

    private void commit() throws SQLException {
        dialect.commit(writer);
        transactionOpen = false;
    }

    private void rollback(Throwable cause) {
        if (!transactionOpen) {
            return;
        }
        transactionOpen = false;
        try {
            dialect.rollback(writer);
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                log.warn("could not roll back a transaction on {}: {}", name, e.getMessage());
            }
        }
    }

    private void endTransaction() {
        try {
            dialect.end(writer);
        } catch (SQLException e) {
            log.warn("could not end a transaction on {}: {}", name, e.getMessage());
        }
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
            if (writer != null) {
                closeQuietly(writer);
            }
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
