package io.policybot.versions.sql;

import io.policybot.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.policybot.versions.SectionFingerprint;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.PolicyVersionStore;

/** {@link PolicyVersionStore} in SQL (tables {@code policy_version} and {@code policy_section_version}). */
public final class SqlPolicyVersionStore implements PolicyVersionStore {
    private static final String SELECT = "SELECT policy_id, version, seq, effective_on, fingerprint, published_at "
            + "FROM policy_version ";
    private final Database db;

    public SqlPolicyVersionStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<PublishedVersion> latest(String policyId) {
        return db.read(c -> one(c, "WHERE policy_id = ? ORDER BY seq DESC LIMIT 1", policyId));
    }

    @Override
    public Optional<PublishedVersion> find(String policyId, String version) {
        return db.read(c -> one(c, "WHERE policy_id = ? AND version = ?", policyId, version));
    }

    @Override
    public Optional<PublishedVersion> previous(String policyId, String version) {
        return db.read(c -> one(c, "WHERE policy_id = ? AND seq < (SELECT seq FROM policy_version WHERE policy_id = ? "
                + "AND version = ?) ORDER BY seq DESC LIMIT 1", policyId, policyId, version));
    }

    @Override
    public Optional<PublishedVersion> append(PublishedVersion v) {
        return db.inTransaction(c -> {
            if (headers(c, "WHERE policy_id = ? AND version = ?", v.policyId(), v.version()).size() > 0) {
                return Optional.empty();
            }
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM policy_version WHERE policy_id = ?")) {
                ps.setString(1, v.policyId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1) + 1;
                }
            }
            Instant at = Instant.ofEpochMilli(v.publishedAt().toEpochMilli());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_version (policy_id, version, seq, "
                    + "effective_on, fingerprint, published_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, v.policyId());
                ps.setString(2, v.version());
                ps.setInt(3, seq);
                ps.setString(4, v.effectiveOn() == null ? null : v.effectiveOn().toString());
                ps.setString(5, v.fingerprint());
                ps.setLong(6, at.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO policy_section_version (policy_id, version, "
                    + "language, section_id, position, title, summary, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, List<SectionFingerprint>> e : v.sections().entrySet()) {
                    for (SectionFingerprint s : e.getValue()) {
                        ps.setString(1, v.policyId());
                        ps.setString(2, v.version());
                        ps.setString(3, e.getKey());
                        ps.setString(4, s.sectionId());
                        ps.setInt(5, s.position());
                        ps.setString(6, s.title());
                        ps.setString(7, s.summary());
                        ps.setString(8, s.hash());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return Optional.of(new PublishedVersion(v.policyId(), v.version(), seq, v.effectiveOn(), v.fingerprint(), at,
                    v.sections()));
        });
    }

    @Override
    public List<PublishedVersion> history(String policyId) {
        return db.read(c -> headers(c, "WHERE policy_id = ? ORDER BY seq", policyId));
    }

    private static Optional<PublishedVersion> one(Connection c, String where, String... args) throws SQLException {
        List<PublishedVersion> found = headers(c, where, args);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublishedVersion h = found.getFirst();
        Map<String, List<SectionFingerprint>> sections = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT language, section_id, position, title, summary, text_hash "
                + "FROM policy_section_version WHERE policy_id = ? AND version = ? ORDER BY language, position")) {
            ps.setString(1, h.policyId());
            ps.setString(2, h.version());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sections.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SectionFingerprint(
                            rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return Optional.of(new PublishedVersion(h.policyId(), h.version(), h.seq(), h.effectiveOn(), h.fingerprint(),
                h.publishedAt(), sections));
    }

    private static List<PublishedVersion> headers(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<PublishedVersion> out = new ArrayList<>();
                while (rs.next()) {
                    String eff = rs.getString("effective_on");
                    out.add(new PublishedVersion(rs.getString("policy_id"), rs.getString("version"), rs.getInt("seq"),
                            eff == null ? null : LocalDate.parse(eff), rs.getString("fingerprint"),
                            Instant.ofEpochMilli(rs.getLong("published_at")), Map.of()));
                }
                return out;
            }
        }
    }
}
