package io.policybot.people.sql;

import io.policybot.Ids;
import io.policybot.people.Person;
import io.policybot.people.Role;
import io.policybot.people.RosterEntry;
import io.policybot.people.RosterRepository;
import io.policybot.people.RosterResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.policybot.store.StoreException;
import io.policybot.store.Database;
import io.policybot.store.Rows;

/** {@link RosterRepository} in SQL: the person table plus the roster's roles ({@code person_role}). */
public final class SqlRosterRepository implements RosterRepository {
    private final Database db;
    private final SqlPersonRepository people;

    public SqlRosterRepository(Database db) {
        this.db = db;
        this.people = new SqlPersonRepository(db);
    }

    @Override
    public RosterResult upsert(List<RosterEntry> entries, Instant now) {
        return db.inTransaction(c -> {
            Map<String, String> idOfKey = new HashMap<>();
            Map<String, String> roleOfId = new HashMap<>();
            // What each known person has now, to tell an update from a row that changes nothing.
            Map<String, List<Object>> stored = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.platform, p.platform_user_id, p.id, r.role, "
                    + "p.display_name, p.email, p.team, p.joined_on, p.manager_id "
                    + "FROM person p LEFT JOIN person_role r ON r.person_id = p.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idOfKey.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
                    stored.put(rs.getString(3), java.util.Arrays.asList(rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                    if (rs.getString(4) != null) {
                        roleOfId.put(rs.getString(3), rs.getString(4));
                    }
                }
            }
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            Map<String, String> idOfKeyBefore = new HashMap<>(idOfKey);
            List<RosterResult.RoleChange> changes = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO person (id, platform, platform_user_id, "
                    + "display_name, email, team, first_seen_at, joined_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE person SET display_name = ?, email = ?, team = ?, "
                         + "joined_on = ? WHERE id = ?")) {
                for (RosterEntry e : entries) {
                    String id = idOfKey.get(e.key());
                    if (id == null) {
                        id = Ids.next();
                        idOfKey.put(e.key(), id);
                        Rows.bind(insert, id, e.platform(), e.platformUserId(), e.name(), e.email(), e.team(), now,
                                e.joinedOn());
                        insert.addBatch();
                        created++;
                    } else {
                        Rows.bind(update, e.name(), e.email(), e.team(), e.joinedOn(), id);
                        update.addBatch();
                        String managerId = e.managerKey() == null ? null : idOfKeyBefore.get(e.managerKey());
                        List<Object> given = java.util.Arrays.asList(e.name(), e.email(), e.team(),
                                e.joinedOn() == null ? null : e.joinedOn().toString(), managerId);
                        if (given.equals(stored.get(id)) && (e.managerKey() == null || managerId != null)) {
                            unchanged++;
                        } else {
                            updated++;
                        }
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            try (PreparedStatement manager = c.prepareStatement("UPDATE person SET manager_id = ? WHERE id = ?");
                 PreparedStatement setRole = c.prepareStatement("INSERT INTO person_role (person_id, role) VALUES (?, ?) "
                         + "ON CONFLICT (person_id) DO UPDATE SET role = excluded.role");
                 PreparedStatement clearRole = c.prepareStatement("DELETE FROM person_role WHERE person_id = ?")) {
                for (RosterEntry e : entries) {
                    String id = idOfKey.get(e.key());
                    String managerId = e.managerKey() == null ? null : idOfKey.get(e.managerKey());
                    if (e.managerKey() != null && managerId == null) {
                        throw new StoreException("row " + e.row() + ": manager " + e.managerKey() + " is not known");
                    }
                    Rows.bind(manager, managerId, id);
                    manager.addBatch();
                    String before = roleOfId.get(id);
                    String after = e.role() == null ? null : e.role().code();
                    if (!Objects.equals(before, after)) {
                        if (after == null) {
                            Rows.bind(clearRole, id);
                            clearRole.addBatch();
                        } else {
                            Rows.bind(setRole, id, after);
                            setRole.addBatch();
                        }
                        changes.add(new RosterResult.RoleChange(e.key(), Role.parse(before).orElse(null), e.role()));
                    }
                }
                manager.executeBatch();
                setRole.executeBatch();
                clearRole.executeBatch();
            }
            return new RosterResult(created, updated, unchanged, changes);
        });
    }

    @Override
    public Optional<Role> rosterRole(String personId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT role FROM person_role WHERE person_id = ?")) {
                Rows.bind(ps, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Role.parse(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean hasReports(String personId) {
        return db.read(c -> exists(c, "SELECT 1 FROM person WHERE manager_id = ? LIMIT 1", personId));
    }

    @Override
    public Optional<Person> findByEmail(String email) {
        String id = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE email = ? LIMIT 1")) {
                Rows.bind(ps, email.toLowerCase(java.util.Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return id == null ? Optional.empty() : people.find(id);
    }

    private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
