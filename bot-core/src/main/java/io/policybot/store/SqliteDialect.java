package io.policybot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteException;

/*
 * SQLite transactions are begun and ended with plain statements: sqlite-jdbc's commit() runs BEGIN again right after
 * COMMIT, and a busy error from that BEGIN would look like a failed commit of work that is in fact on disk (and the
 * retry would run it twice). Here a busy error comes from BEGIN IMMEDIATE (nothing written yet) or from a COMMIT that
 * did not happen, so a retry is always safe. Savepoints use one fixed name: those of a batch never nest.
 */
final class SqliteDialect implements Dialect {
    private static final String SAVEPOINT = "policybot_write";

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public List<String> migrations() {
        return List.of("classpath:db/migration", "classpath:db/vendor/sqlite");
    }

    @Override
    public boolean singleProcess() {
        return true;
    }

    @Override
    public boolean pooled() {
        return false;
    }

    @Override
    public String forUpdate() {
        return "";
    }

    @Override
    public String forUpdateSkipLocked() {
        return "";
    }

    @Override
    public void begin(Connection c) throws SQLException {
        run(c, "BEGIN IMMEDIATE");
    }

    @Override
    public Savepoint savepoint(Connection c) throws SQLException {
        run(c, "SAVEPOINT " + SAVEPOINT);
        return null;
    }

    @Override
    public void release(Connection c, Savepoint sp) throws SQLException {
        run(c, "RELEASE " + SAVEPOINT);
    }

    @Override
    public void rollbackTo(Connection c, Savepoint sp) throws SQLException {
        run(c, "ROLLBACK TO " + SAVEPOINT);
        run(c, "RELEASE " + SAVEPOINT);
    }

    @Override
    public void commit(Connection c) throws SQLException {
        run(c, "COMMIT");
    }

    @Override
    public void rollback(Connection c) throws SQLException {
        run(c, "ROLLBACK");
    }

    @Override
    public void end(Connection c) {
        // Plain statements left the connection in autocommit all along.
    }

    @Override
    public boolean isTransient(SQLException e) {
        if (e instanceof SQLiteException s) {
            int primary = s.getResultCode().code & 0xff;
            return primary == 5 || primary == 6; // SQLITE_BUSY, SQLITE_LOCKED
        }
        return false;
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
