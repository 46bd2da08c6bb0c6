package io.policybot.announcements;

import io.policybot.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Acknowledgements (table {@code acknowledgement}, from V3; V5 added the platform): one per person and version. */
public final class AcknowledgementRepository {
    private final Database db;

    public AcknowledgementRepository(Database db) {
        this.db = db;
    }

    /** Records it; false when this person already acknowledged this version (nothing changes then). */
    public boolean record(Acknowledgement a) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (id, person_id, policy_id, "
                    + "policy_version, announcement_id, acknowledged_at, platform) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (person_id, policy_id, policy_version) DO NOTHING")) {
                AnnouncementOutbox.bind(ps, a.id(), a.personId(), a.policyId(), a.policyVersion(), a.announcementId(),
                        a.acknowledgedAt().toEpochMilli(), a.platform());
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<Acknowledgement> find(String personId, String policyId, String version) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, person_id, policy_id, policy_version, "
                    + "announcement_id, platform, acknowledged_at FROM acknowledgement WHERE person_id = ? "
                    + "AND policy_id = ? AND policy_version = ?")) {
                AnnouncementOutbox.bind(ps, personId, policyId, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Acknowledgement(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), java.time.Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
        });
    }

    public int count(String policyId, String version) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM acknowledgement WHERE policy_id = ? "
                    + "AND policy_version = ?")) {
                AnnouncementOutbox.bind(ps, policyId, version);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
