package io.policybot.announcements;

import io.policybot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Announcements as stored (table {@code announcement}). */
public final class AnnouncementStore {
    private static final String SELECT = "SELECT id, policy_id, version, base_version, due_on, status, created_by, "
            + "created_at, confirmed_at FROM announcement ";
    private final Database db;

    public AnnouncementStore(Database db) {
        this.db = db;
    }

    public void createDraft(Announcement a) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO announcement (id, policy_id, version, base_version, "
                    + "due_on, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)")) {
                AnnouncementOutbox.bind(ps, a.id(), a.policyId(), a.version(), a.baseVersion(), a.dueOn().toString(),
                        a.createdBy(), a.createdAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Announcement> find(String id) {
        return db.read(c -> select(c, "WHERE id = ?", id).stream().findFirst());
    }

    /** The confirmed announcement of this policy version, if it was announced. */
    public Optional<Announcement> confirmed(String policyId, String version) {
        return db.read(c -> confirmed(c, policyId, version));
    }

    Optional<Announcement> confirmed(Connection c, String policyId, String version) throws SQLException {
        return select(c, "WHERE policy_id = ? AND version = ? AND status = 'confirmed'", policyId, version).stream()
                .findFirst();
    }

    /** Every confirmed announcement, newest first. */
    public List<Announcement> allConfirmed() {
        return db.read(c -> select(c, "WHERE status = 'confirmed' ORDER BY confirmed_at DESC"));
    }

    /** Draft -> confirmed or cancelled, inside the caller's transaction; false when it was no longer a draft. */
    boolean settle(Connection c, String id, Announcement.Status to, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE announcement SET status = ?, confirmed_at = ? "
                + "WHERE id = ? AND status = 'draft'")) {
            AnnouncementOutbox.bind(ps, to.name().toLowerCase(Locale.ROOT),
                    to == Announcement.Status.CONFIRMED ? now.toEpochMilli() : null, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Announcement> find(Connection c, String id) throws SQLException {
        return select(c, "WHERE id = ?", id).stream().findFirst();
    }

    private static List<Announcement> select(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            AnnouncementOutbox.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Announcement> out = new ArrayList<>();
                while (rs.next()) {
                    long confirmed = rs.getLong("confirmed_at");
                    Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
                    out.add(new Announcement(rs.getString("id"), rs.getString("policy_id"), rs.getString("version"),
                            rs.getString("base_version"), LocalDate.parse(rs.getString("due_on")),
                            Announcement.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                            rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")), confirmedAt));
                }
                return out;
            }
        }
    }
}
