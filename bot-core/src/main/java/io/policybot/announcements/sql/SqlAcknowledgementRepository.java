package io.policybot.announcements.sql;

import io.policybot.announcements.Acknowledgement;
import io.policybot.announcements.AcknowledgementRepository;
import io.policybot.store.Database;
import io.policybot.store.Sql;
import java.util.List;
import java.util.Optional;

/** {@link AcknowledgementRepository} in SQL (table {@code acknowledgement}, from V3; V5 added the platform). */
public final class SqlAcknowledgementRepository implements AcknowledgementRepository {
    private final Database db;

    public SqlAcknowledgementRepository(Database db) {
        this.db = db;
    }

    @Override
    public boolean record(Acknowledgement a) {
        return db.inTransaction(c -> Sql.update(c, "INSERT INTO acknowledgement (id, person_id, policy_id, "
                + "policy_version, announcement_id, acknowledged_at, platform) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (person_id, policy_id, policy_version) DO NOTHING", a.id(), a.personId(), a.policyId(),
                a.policyVersion(), a.announcementId(), a.acknowledgedAt(), a.platform()) == 1);
    }

    private static final String COLUMNS = "SELECT id, person_id, policy_id, policy_version, announcement_id, platform, "
            + "acknowledged_at FROM acknowledgement ";

    private static Acknowledgement acknowledgement(io.policybot.store.Row r) throws java.sql.SQLException {
        return new Acknowledgement(r.string(1), r.string(2), r.string(3), r.string(4), r.string(5), r.string(6),
                r.instant(7));
    }

    @Override
    public Optional<Acknowledgement> find(String personId, String policyId, String version) {
        return db.read(c -> Sql.first(c, COLUMNS + "WHERE person_id = ? AND policy_id = ? AND policy_version = ?",
                SqlAcknowledgementRepository::acknowledgement, personId, policyId, version));
    }

    @Override
    public List<Acknowledgement> ofPerson(String personId) {
        // The unique index acknowledgement_once starts with person_id.
        return db.read(c -> Sql.list(c, COLUMNS + "WHERE person_id = ? ORDER BY acknowledged_at DESC, id",
                SqlAcknowledgementRepository::acknowledgement, personId));
    }

    @Override
    public int count(String policyId, String version) {
        return db.read(c -> (int) Sql.number(c, "SELECT COUNT(*) FROM acknowledgement WHERE policy_id = ? "
                + "AND policy_version = ?", policyId, version));
    }
}
