package io.policybot.audit.sql;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link AuditLog} in SQL: INSERT and SELECT only (the table's triggers refuse UPDATE and DELETE). */
public final class SqlAuditLog implements AuditLog {
    private static final int MAX_TEXT = 4000;
    private static final String SELECT = "SELECT at, actor, action, target, detail FROM audit_log ";
    private final Database db;

    public SqlAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry e) {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO audit_log (at, actor, action, target, detail) "
                + "VALUES (?, ?, ?, ?, ?)", e.at(), cut(e.actor(), 200), cut(e.action(), 60), cut(e.target(), 400),
                cut(e.detail(), MAX_TEXT)));
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return db.read(c -> Sql.list(c, SELECT + "ORDER BY seq DESC LIMIT ?", SqlAuditLog::entry, Math.max(0, limit)));
    }

    @Override
    public List<AuditEntry> since(Instant from) {
        return db.read(c -> Sql.list(c, SELECT + "WHERE at >= ? ORDER BY seq", SqlAuditLog::entry, from));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditEntry entry(Row r) throws SQLException {
        return new AuditEntry(r.instant("at"), r.string("actor"), r.string("action"), r.string("target"),
                r.string("detail"));
    }
}
