package io.policybot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/** PostgreSQL through JDBC's own transaction calls, with connections from a pool (HikariCP). */
final class PostgresDialect implements Dialect {
    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public List<String> migrations() {
        return List.of("classpath:db/migration", "classpath:db/vendor/postgresql");
    }

    @Override
    public boolean singleProcess() {
        return false;
    }

    @Override
    public boolean pooled() {
        return true;
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public String forUpdateSkipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
    }

    @Override
    public Savepoint savepoint(Connection c) throws SQLException {
        return c.setSavepoint();
    }

    @Override
    public void release(Connection c, Savepoint sp) throws SQLException {
        c.releaseSavepoint(sp);
    }

    @Override
    public void rollbackTo(Connection c, Savepoint sp) throws SQLException {
        c.rollback(sp);
    }

    @Override
    public void commit(Connection c) throws SQLException {
        c.commit();
    }

    @Override
    public void rollback(Connection c) throws SQLException {
        c.rollback();
    }

    @Override
    public void end(Connection c) throws SQLException {
        c.setAutoCommit(true);
    }

    @Override
    public boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state); // serialization_failure, deadlock_detected
    }
}
