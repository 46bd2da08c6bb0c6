package io.policybot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * What differs between the databases PolicyBot runs on, so that {@link Database} keeps only connection handling and
 * group commit, and a repository's SQL only asks for the few clauses that differ (like jdbi's vendor plugins).
 */
public sealed interface Dialect permits SqliteDialect, PostgresDialect {
    /** For messages and logs. */
    String name();

    /** Flyway locations: the shared scripts, then this database's own. */
    List<String> migrations();

    /**
     * True when no other process writes the same database while this one runs (SQLite: the file is this process's;
     * the CLI only reads). False when replicas share it, so work left in flight is judged by leases, not by restart.
     */
    boolean singleProcess();

    /** True when connections come from a pool and go back after each use; false to keep them open. */
    boolean pooled();

    /** Appended to a SELECT inside a write: locks the rows read until commit (SQLite locks the whole file anyway). */
    String forUpdate();

    /** Like {@link #forUpdate()}, but rows another transaction holds are skipped, not waited for. */
    String forUpdateSkipLocked();

    void begin(Connection c) throws SQLException;

    /** A savepoint inside the open transaction (savepoints of one batch never nest). */
    Savepoint savepoint(Connection c) throws SQLException;

    void release(Connection c, Savepoint sp) throws SQLException;

    void rollbackTo(Connection c, Savepoint sp) throws SQLException;

    void commit(Connection c) throws SQLException;

    void rollback(Connection c) throws SQLException;

    /** After commit or rollback: back to autocommit for reads. */
    void end(Connection c) throws SQLException;

    /**
     * True when the failure means nothing was written and running the whole batch again is safe: another process
     * held the lock (SQLite) or the transaction lost a deadlock or serialization check (PostgreSQL).
     */
    boolean isTransient(SQLException e);
}
