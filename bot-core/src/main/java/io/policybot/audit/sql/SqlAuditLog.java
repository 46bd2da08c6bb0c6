package io.policybot.audit.sql;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.policybot.store.Database;
import io.policybot.store.Rows;

/** {@link AuditLog} in SQL: INSERT and SELECT only (the table's triggers refuse UPDATE and DELETE). */
public final class SqlAuditLog implements AuditLog {
    private static final int MAX_TEXT = 4000;
    private final Database db;

    public SqlAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry e) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
                Rows.bind(ps, e.at(), cut(e.actor(), 200), cut(e.action(), 60), cut(e.target(), 400), cut(e.detail(), MAX_TEXT));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        return db.read(c -> select(c, "ORDER BY seq DESC LIMIT ?", Math.max(0, limit)));
    }

    @Override
    public List<AuditEntry> since(Instant from) {
        return db.read(c -> select(c, "WHERE at >= ? ORDER BY seq", from));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static List<AuditEntry> select(Connection c, String rest, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT at, actor, action, target, detail FROM audit_log " + rest)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditEntry(Rows.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                            rs.getString("target"), rs.getString("detail")));
                }
                return out;
            }
        }
    }
}
