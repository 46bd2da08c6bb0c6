package io.policybot.people.sql;

import io.policybot.Ids;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.policybot.store.StoreException;
import io.policybot.store.Database;
import io.policybot.store.Rows;

/** {@link PersonRepository} in SQL. */
public final class SqlPersonRepository implements PersonRepository {
    private static final String SELECT = "SELECT id, platform, platform_user_id, display_name, email, team, manager_id, "
            + "first_seen_at, joined_on FROM person ";
    private final Database db;

    public SqlPersonRepository(Database db) {
        this.db = db;
    }

    @Override
    public Person findOrCreate(String platform, String platformUserId, String displayName, Instant now) {
        boolean hasName = displayName != null && !displayName.isBlank();
        // Most calls find someone known under the same name: a read, no write lock.
        Optional<Person> known = find(platform, platformUserId);
        if (known.isPresent() && (!hasName || known.get().displayName().equals(displayName))) {
            return known.get();
        }
        return db.inTransaction(c -> {
            Optional<Person> current = selectOne(c, "WHERE platform = ? AND platform_user_id = ?", platform, platformUserId);
            if (current.isEmpty()) {
                Person p = new Person(Ids.next(), platform, platformUserId, displayName, null, null, null,
                        Rows.millis(now), null);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (id, platform, platform_user_id, "
                        + "display_name, first_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                    Rows.bind(ps, p.id(), platform, platformUserId, p.displayName(), p.firstSeen());
                    ps.executeUpdate();
                }
                return p;
            }
            Person p = current.get();
            if (!hasName || p.displayName().equals(displayName)) {
                return p;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE person SET display_name = ? WHERE id = ?")) {
                Rows.bind(ps, displayName, p.id());
                ps.executeUpdate();
            }
            return new Person(p.id(), platform, platformUserId, displayName, p.email(), p.team(), p.managerId(),
                    p.firstSeen(), p.joinedOn());
        });
    }

    @Override
    public Optional<Person> find(String id) {
        return db.read(c -> selectOne(c, "WHERE id = ?", id));
    }

    @Override
    public Optional<Person> find(String platform, String platformUserId) {
        return db.read(c -> selectOne(c, "WHERE platform = ? AND platform_user_id = ?", platform, platformUserId));
    }

    @Override
    public void update(Person person) {
        int updated = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE person SET display_name = ?, email = ?, team = ?, "
                    + "manager_id = ?, joined_on = ? WHERE id = ?")) {
                Rows.bind(ps, person.displayName(), person.email(), person.team(), person.managerId(),
                        person.joinedOn(), person.id());
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new StoreException("no person with id " + person.id());
        }
    }

    @Override
    public List<Person> all() {
        return db.read(c -> select(c, "ORDER BY platform, platform_user_id"));
    }

    @Override
    public List<Person> withUserId(String platformUserId) {
        return db.read(c -> select(c, "WHERE lower(platform_user_id) = lower(?) ORDER BY platform", platformUserId));
    }

    @Override
    public Optional<Removed> remove(String id) {
        return db.inTransaction(c -> {
            Optional<Person> found = selectOne(c, "WHERE id = ?", id);
            if (found.isEmpty()) {
                return Optional.<Removed>empty();
            }
            int completions = count(c, "SELECT COUNT(*) FROM training_completion WHERE person_id = ?", id);
            int questions = count(c, "SELECT COUNT(*) FROM question_log WHERE person_id = ?", id);
            int acks = count(c, "SELECT COUNT(*) FROM acknowledgement WHERE person_id = ?", id);
            // Children first: every table that points at the person (or at their sessions and questions).
            for (String sql : List.of(
                    "DELETE FROM answer_feedback WHERE log_id IN (SELECT id FROM question_log WHERE person_id = ?)",
                    "DELETE FROM answer_feedback WHERE person_id = ?",
                    "DELETE FROM question_log WHERE person_id = ?",
                    "DELETE FROM acknowledgement WHERE person_id = ?",
                    "DELETE FROM training_completion WHERE person_id = ?",
                    "DELETE FROM training_answer WHERE session_id IN (SELECT id FROM training_session WHERE person_id = ?)",
                    "DELETE FROM training_session WHERE person_id = ?",
                    "DELETE FROM person_role WHERE person_id = ?",
                    "DELETE FROM outbox_message WHERE person_id = ? AND status IN ('pending', 'sending')",
                    "UPDATE announcement SET created_by = NULL WHERE created_by = ?",
                    "UPDATE person SET manager_id = NULL WHERE manager_id = ?",
                    "DELETE FROM person WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    Rows.bind(ps, id);
                    ps.executeUpdate();
                }
            }
            return Optional.of(new Removed(found.get(), completions, questions, acks));
        });
    }

    private static int count(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static Optional<Person> selectOne(Connection c, String where, Object... args) throws SQLException {
        return select(c, where, args).stream().findFirst();
    }

    private static List<Person> select(Connection c, String rest, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + rest)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Person> people = new ArrayList<>();
                while (rs.next()) {
                    people.add(new Person(rs.getString("id"), rs.getString("platform"), rs.getString("platform_user_id"),
                            rs.getString("display_name"), rs.getString("email"), rs.getString("team"),
                            rs.getString("manager_id"), Rows.instant(rs, "first_seen_at"), Rows.date(rs, "joined_on")));
                }
                return people;
            }
        }
    }
}
