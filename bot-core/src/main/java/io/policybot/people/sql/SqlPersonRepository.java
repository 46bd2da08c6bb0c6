package io.policybot.people.sql;

import io.policybot.Ids;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.policybot.store.StoreException;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;

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
                        Sql.truncate(now), null);
                Sql.update(c, "INSERT INTO person (id, platform, platform_user_id, display_name, first_seen_at) "
                        + "VALUES (?, ?, ?, ?, ?)", p.id(), platform, platformUserId, p.displayName(), p.firstSeen());
                return p;
            }
            Person p = current.get();
            if (!hasName || p.displayName().equals(displayName)) {
                return p;
            }
            Sql.update(c, "UPDATE person SET display_name = ? WHERE id = ?", displayName, p.id());
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
        int updated = db.inTransaction(c -> Sql.update(c, "UPDATE person SET display_name = ?, email = ?, "
                + "team = ?, manager_id = ?, joined_on = ? WHERE id = ?", person.displayName(), person.email(),
                person.team(), person.managerId(), person.joinedOn(), person.id()));
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
            int completions = (int) Sql.number(c, "SELECT COUNT(*) FROM training_completion WHERE person_id = ?", id);
            int questions = (int) Sql.number(c, "SELECT COUNT(*) FROM question_log WHERE person_id = ?", id);
            int acks = (int) Sql.number(c, "SELECT COUNT(*) FROM acknowledgement WHERE person_id = ?", id);
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
                Sql.update(c, sql, id);
            }
            return Optional.of(new Removed(found.get(), completions, questions, acks));
        });
    }

    private static Optional<Person> selectOne(Connection c, String where, Object... args) throws SQLException {
        return Sql.first(c, SELECT + where, SqlPersonRepository::person, args);
    }

    private static List<Person> select(Connection c, String rest, Object... args) throws SQLException {
        return Sql.list(c, SELECT + rest, SqlPersonRepository::person, args);
    }

    /** A person from the columns of {@link #SELECT} (also what reports read). */
    public static Person person(Row r) throws SQLException {
        return new Person(r.string("id"), r.string("platform"), r.string("platform_user_id"), r.string("display_name"),
                r.string("email"), r.string("team"), r.string("manager_id"), r.instant("first_seen_at"),
                r.date("joined_on"));
    }
}
