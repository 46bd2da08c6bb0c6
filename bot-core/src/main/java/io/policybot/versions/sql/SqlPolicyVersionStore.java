package io.policybot.versions.sql;

import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.SectionFingerprint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    /*
     * Idempotent across processes: replicas that start together all publish the same version, and the primary key
     * (policy, version) lets exactly one insert through (ON CONFLICT DO NOTHING waits for the other's commit on
     * PostgreSQL); the others see no row inserted and return empty, as for a version published long ago. No conflict
     * target: a replica that computed the same next seq before the other's insert was visible collides on
     * (policy, seq) rather than on the key, and that collision must also mean "another replica published it".
     */
    @Override
    public Optional<PublishedVersion> append(PublishedVersion v) {
        return db.inTransaction(c -> {
            if (Sql.exists(c, "SELECT 1 FROM policy_version WHERE policy_id = ? AND version = ?", v.policyId(),
                    v.version())) {
                return Optional.empty();
            }
            int seq = (int) Sql.number(c, "SELECT COALESCE(MAX(seq), 0) FROM policy_version WHERE policy_id = ?",
                    v.policyId()) + 1;
            Instant at = Sql.truncate(v.publishedAt());
            if (Sql.update(c, "INSERT INTO policy_version (policy_id, version, seq, effective_on, fingerprint, "
                    + "published_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    v.policyId(), v.version(), seq, v.effectiveOn(), v.fingerprint(), at) == 0) {
                return Optional.empty();
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Map.Entry<String, List<SectionFingerprint>> e : v.sections().entrySet()) {
                for (SectionFingerprint s : e.getValue()) {
                    rows.add(Sql.args(v.policyId(), v.version(), e.getKey(), s.sectionId(), s.position(), s.title(),
                            s.summary(), s.hash()));
                }
            }
            Sql.batch(c, "INSERT INTO policy_section_version (policy_id, version, language, section_id, position, "
                    + "title, summary, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return Optional.of(new PublishedVersion(v.policyId(), v.version(), seq, v.effectiveOn(), v.fingerprint(), at,
                    v.sections()));
        });
    }

    @Override
    public List<PublishedVersion> history(String policyId) {
        return db.read(c -> Sql.list(c, SELECT + "WHERE policy_id = ? ORDER BY seq", SqlPolicyVersionStore::header,
                policyId));
    }

    private static Optional<PublishedVersion> one(Connection c, String where, Object... args) throws SQLException {
        Optional<PublishedVersion> found = Sql.first(c, SELECT + where, SqlPolicyVersionStore::header, args);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublishedVersion h = found.get();
        Map<String, List<SectionFingerprint>> sections = new TreeMap<>();
        record Section(String language, SectionFingerprint fingerprint) {
        }
        for (Section s : Sql.list(c, "SELECT language, section_id, position, title, summary, text_hash "
                + "FROM policy_section_version WHERE policy_id = ? AND version = ? ORDER BY language, position",
                r -> new Section(r.string(1), new SectionFingerprint(r.string(2), r.integer(3), r.string(4),
                        r.string(5), r.string(6))), h.policyId(), h.version())) {
            sections.computeIfAbsent(s.language(), k -> new ArrayList<>()).add(s.fingerprint());
        }
        return Optional.of(new PublishedVersion(h.policyId(), h.version(), h.seq(), h.effectiveOn(), h.fingerprint(),
                h.publishedAt(), sections));
    }

    private static PublishedVersion header(Row r) throws SQLException {
        return new PublishedVersion(r.string("policy_id"), r.string("version"), r.integer("seq"),
                r.date("effective_on"), r.string("fingerprint"), r.instant("published_at"), Map.of());
    }
}
