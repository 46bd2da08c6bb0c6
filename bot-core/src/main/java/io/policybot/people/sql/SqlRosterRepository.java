package io.policybot.people.sql;

import io.policybot.Ids;
import io.policybot.people.Person;
import io.policybot.people.Role;
import io.policybot.people.RosterEntry;
import io.policybot.people.RosterRepository;
import io.policybot.people.RosterResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.policybot.store.StoreException;
import io.policybot.store.Database;
import io.policybot.store.Sql;

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
            record Stored(String key, String id, String role, List<Object> fields) {
            }
            for (Stored st : Sql.list(c, "SELECT p.platform, p.platform_user_id, p.id, r.role, p.display_name, "
                    + "p.email, p.team, p.joined_on, p.manager_id FROM person p "
                    + "LEFT JOIN person_role r ON r.person_id = p.id", r -> new Stored(r.string(1) + ":" + r.string(2),
                    r.string(3), r.string(4), Sql.args(r.string(5), r.string(6), r.string(7), r.string(8),
                    r.string(9))))) {
                idOfKey.put(st.key(), st.id());
                stored.put(st.id(), st.fields());
                if (st.role() != null) {
                    roleOfId.put(st.id(), st.role());
                }
            }
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            Map<String, String> idOfKeyBefore = new HashMap<>(idOfKey);
            List<RosterResult.RoleChange> changes = new ArrayList<>();
            List<List<Object>> inserts = new ArrayList<>();
            List<List<Object>> updates = new ArrayList<>();
            for (RosterEntry e : entries) {
                String id = idOfKey.get(e.key());
                if (id == null) {
                    id = Ids.next();
                    idOfKey.put(e.key(), id);
                    inserts.add(Sql.args(id, e.platform(), e.platformUserId(), e.name(), e.email(), e.team(), now,
                            e.joinedOn()));
                    created++;
                } else {
                    updates.add(Sql.args(e.name(), e.email(), e.team(), e.joinedOn(), id));
                    String managerId = e.managerKey() == null ? null : idOfKeyBefore.get(e.managerKey());
                    List<Object> given = Sql.args(e.name(), e.email(), e.team(),
                            e.joinedOn() == null ? null : e.joinedOn().toString(), managerId);
                    if (given.equals(stored.get(id)) && (e.managerKey() == null || managerId != null)) {
                        unchanged++;
                    } else {
                        updated++;
                    }
                }
            }
            Sql.batch(c, "INSERT INTO person (id, platform, platform_user_id, display_name, email, team, "
                    + "first_seen_at, joined_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
            Sql.batch(c, "UPDATE person SET display_name = ?, email = ?, team = ?, joined_on = ? WHERE id = ?", updates);
            List<List<Object>> managers = new ArrayList<>();
            List<List<Object>> setRoles = new ArrayList<>();
            List<List<Object>> clearRoles = new ArrayList<>();
            for (RosterEntry e : entries) {
                String id = idOfKey.get(e.key());
                String managerId = e.managerKey() == null ? null : idOfKey.get(e.managerKey());
                if (e.managerKey() != null && managerId == null) {
                    throw new StoreException("row " + e.row() + ": manager " + e.managerKey() + " is not known");
                }
                managers.add(Sql.args(managerId, id));
                String before = roleOfId.get(id);
                String after = e.role() == null ? null : e.role().code();
                if (!Objects.equals(before, after)) {
                    if (after == null) {
                        clearRoles.add(Sql.args(id));
                    } else {
                        setRoles.add(Sql.args(id, after));
                    }
                    changes.add(new RosterResult.RoleChange(e.key(), Role.parse(before).orElse(null), e.role()));
                }
            }
            Sql.batch(c, "UPDATE person SET manager_id = ? WHERE id = ?", managers);
            Sql.batch(c, "INSERT INTO person_role (person_id, role) VALUES (?, ?) "
                    + "ON CONFLICT (person_id) DO UPDATE SET role = excluded.role", setRoles);
            Sql.batch(c, "DELETE FROM person_role WHERE person_id = ?", clearRoles);
            return new RosterResult(created, updated, unchanged, changes);
        });
    }

    @Override
    public Optional<Role> rosterRole(String personId) {
        return db.read(c -> Sql.first(c, "SELECT role FROM person_role WHERE person_id = ?", r -> r.string(1),
                personId)).flatMap(Role::parse);
    }

    @Override
    public boolean hasReports(String personId) {
        return db.read(c -> Sql.exists(c, "SELECT 1 FROM person WHERE manager_id = ? LIMIT 1", personId));
    }

    @Override
    public Optional<Person> findByEmail(String email) {
        return db.read(c -> Sql.first(c, "SELECT id FROM person WHERE email = ? LIMIT 1", r -> r.string(1),
                email.toLowerCase(java.util.Locale.ROOT))).flatMap(people::find);
    }
}
