package io.policybot.announcements.sql;

import io.policybot.announcements.Announcement;
import io.policybot.announcements.AnnouncementStore;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link AnnouncementStore} in SQL (table {@code announcement}). */
public final class SqlAnnouncementStore implements AnnouncementStore {
    private static final String SELECT = "SELECT id, policy_id, version, base_version, due_on, status, created_by, "
            + "created_at, confirmed_at FROM announcement ";
    private final Database db;

    public SqlAnnouncementStore(Database db) {
        this.db = db;
    }

    @Override
    public void createDraft(Announcement a) {
        db.inTransaction(c -> Sql.update(c, "INSERT INTO announcement (id, policy_id, version, base_version, due_on, "
                + "status, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)", a.id(), a.policyId(),
                a.version(), a.baseVersion(), a.dueOn(), a.createdBy(), a.createdAt()));
    }

    @Override
    public Optional<Announcement> find(String id) {
        return db.read(c -> Sql.first(c, SELECT + "WHERE id = ?", SqlAnnouncementStore::announcement, id));
    }

    @Override
    public Optional<Announcement> confirmed(String policyId, String version) {
        return db.read(c -> Sql.first(c, SELECT + "WHERE policy_id = ? AND version = ? AND status = 'confirmed'",
                SqlAnnouncementStore::announcement, policyId, version));
    }

    @Override
    public List<Announcement> allConfirmed() {
        return db.read(c -> Sql.list(c, SELECT + "WHERE status = 'confirmed' ORDER BY confirmed_at DESC",
                SqlAnnouncementStore::announcement));
    }

    @Override
    public boolean settle(String id, Announcement.Status to, Instant now) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE announcement SET status = ?, confirmed_at = ? "
                + "WHERE id = ? AND status = 'draft'", to.name().toLowerCase(Locale.ROOT),
                Sql.millis(to == Announcement.Status.CONFIRMED ? now : null), id) == 1);
    }

    private static Announcement announcement(Row r) throws SQLException {
        return new Announcement(r.string("id"), r.string("policy_id"), r.string("version"), r.string("base_version"),
                r.date("due_on"), Announcement.Status.valueOf(r.string("status").toUpperCase(Locale.ROOT)),
                r.string("created_by"), r.instant("created_at"), r.instant("confirmed_at"));
    }
}
