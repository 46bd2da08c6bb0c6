package io.policybot.people.sql;

import io.policybot.people.Person;
import io.policybot.people.PersonalData;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PersonalData} in SQL: every table that holds a person id, a platform user id or a person's key. */
public final class SqlPersonalData implements PersonalData {
    private final Database db;

    public SqlPersonalData(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Export> export(String personId) {
        return db.read(c -> {
            Optional<Person> found = person(c, personId);
            if (found.isEmpty()) {
                return Optional.<Export>empty();
            }
            Person p = found.get();
            String key = p.key();
            Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
            sections.put("person", rows(c, "SELECT p.id, p.platform, p.platform_user_id, p.display_name, p.email, "
                    + "p.team, m.platform || ':' || m.platform_user_id AS manager, p.joined_on, p.first_seen_at, "
                    + "r.role AS roster_role FROM person p LEFT JOIN person m ON m.id = p.manager_id "
                    + "LEFT JOIN person_role r ON r.person_id = p.id WHERE p.id = ?", personId));
            sections.put("training_sessions", rows(c, "SELECT id, module, policy_id, policy_version, language, status, "
                    + "started_at, updated_at, finished_at FROM training_session WHERE person_id = ? "
                    + "ORDER BY started_at, id", personId));
            sections.put("training_answers", rows(c, "SELECT a.session_id, a.item_index, a.item_id, a.choice, "
                    + "a.correct, a.answered_at FROM training_answer a JOIN training_session s ON s.id = a.session_id "
                    + "WHERE s.person_id = ? ORDER BY a.answered_at, a.session_id, a.item_index", personId));
            sections.put("training_completions", rows(c, "SELECT id, session_id, module, policy_id, policy_version, "
                    + "correct, total, passed, completed_at FROM training_completion WHERE person_id = ? "
                    + "ORDER BY completed_at, id", personId));
            sections.put("acknowledgements", rows(c, "SELECT id, policy_id, policy_version, announcement_id, platform, "
                    + "acknowledged_at FROM acknowledgement WHERE person_id = ? ORDER BY acknowledged_at, id", personId));
            sections.put("questions", rows(c, "SELECT id, question, language, answered, policy_id, section_id, "
                    + "confidence, asked_at, escalated_at FROM question_log WHERE person_id = ? ORDER BY asked_at, id",
                    personId));
            sections.put("feedback", rows(c, "SELECT log_id, vote, voted_at FROM answer_feedback WHERE person_id = ? "
                    + "ORDER BY voted_at, log_id", personId));
            sections.put("messages", rows(c, "SELECT idempotency_key, announcement_id, kind, platform, recipient, "
                    + "language, status, attempts, created_at, updated_at FROM outbox_message "
                    + "WHERE person_id = ? OR (platform = ? AND recipient = ?) ORDER BY created_at, idempotency_key",
                    personId, p.platform(), p.platformUserId()));
            // The token's hash stays out: it is a credential, not data about the person.
            sections.put("sign_in_links", rows(c, "SELECT platform, user_id, locale, created_at, expires_at, used_at "
                    + "FROM sign_in_link WHERE platform = ? AND user_id = ? ORDER BY created_at", p.platform(),
                    p.platformUserId()));
            // Console sessions without their id hash or CSRF token (credentials): how and when they signed in.
            sections.put("console_sessions", rows(c, "SELECT platform, user_id, locale, how, created_at, last_seen_at "
                    + "FROM console_session WHERE platform = ? AND user_id = ? ORDER BY created_at", p.platform(),
                    p.platformUserId()));
            String like = "%" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            // LIKE narrows it down; the pattern then drops longer ids that start with this one (slack:U1 vs U12).
            java.util.regex.Pattern whole = java.util.regex.Pattern.compile(
                    java.util.regex.Pattern.quote(key) + "(?![A-Za-z0-9_.-])");
            sections.put("audit", rows(c, "SELECT seq, at, actor, action, target, detail FROM audit_log "
                    + "WHERE actor LIKE ? ESCAPE '!' OR target LIKE ? ESCAPE '!' ORDER BY seq", like, like).stream()
                    .filter(r -> whole.matcher(String.valueOf(r.get("actor"))).find()
                            || whole.matcher(String.valueOf(r.get("target"))).find()).toList());
            return Optional.of(new Export(p, sections));
        });
    }

    @Override
    public Optional<Forgotten> forget(String personId, Instant now) {
        return db.inTransaction(c -> {
            Optional<Person> found = person(c, personId);
            if (found.isEmpty()) {
                return Optional.<Forgotten>empty();
            }
            Person p = found.get();
            String pseudonym = PersonalData.pseudonym(p.id());
            int training = (int) Sql.number(c, "SELECT COUNT(*) FROM training_completion WHERE person_id = ?", personId);
            int acks = (int) Sql.number(c, "SELECT COUNT(*) FROM acknowledgement WHERE person_id = ?", personId);
            int answers = (int) Sql.number(c, "SELECT COUNT(*) FROM training_answer WHERE session_id IN "
                    + "(SELECT id FROM training_session WHERE person_id = ?)", personId);
            if (PersonalData.isPseudonym(p.platformUserId())) {
                return Optional.of(new Forgotten(p.platformUserId(), false, 0, 0, 0, 0, answers, training, acks));
            }
            int feedback = Sql.update(c, "DELETE FROM answer_feedback WHERE person_id = ? OR log_id IN "
                    + "(SELECT id FROM question_log WHERE person_id = ?)", personId, personId);
            int questions = Sql.update(c, "DELETE FROM question_log WHERE person_id = ?", personId);
            int links = Sql.update(c, "DELETE FROM sign_in_link WHERE platform = ? AND user_id = ?", p.platform(),
                    p.platformUserId());
            // Their console sessions end: a forgotten identity cannot stay signed in (counted with the sign-in links).
            links += Sql.update(c, "DELETE FROM console_session WHERE platform = ? AND user_id = ?", p.platform(),
                    p.platformUserId());
            // Nothing more goes to them; what was sent keeps its row (delivery evidence), under the pseudonym.
            int skipped = Sql.update(c, "UPDATE outbox_message SET status = 'skipped', last_error = 'person forgotten', "
                    + "updated_at = ? WHERE status = 'pending' AND (person_id = ? OR (platform = ? AND recipient = ?))",
                    now, personId, p.platform(), p.platformUserId());
            Sql.update(c, "UPDATE outbox_message SET recipient = ? WHERE platform = ? AND recipient = ?", pseudonym,
                    p.platform(), p.platformUserId());
            Sql.update(c, "DELETE FROM person_role WHERE person_id = ?", personId);
            Sql.update(c, "UPDATE person SET manager_id = NULL WHERE manager_id = ?", personId);
            Sql.update(c, "UPDATE person SET platform_user_id = ?, display_name = ?, email = NULL, joined_on = NULL, "
                    + "manager_id = NULL WHERE id = ?", pseudonym, pseudonym, personId);
            return Optional.of(new Forgotten(pseudonym, true, questions, feedback, links, skipped, answers, training, acks));
        });
    }

    private static Optional<Person> person(Connection c, String id) throws SQLException {
        return Sql.first(c, "SELECT id, platform, platform_user_id, display_name, email, team, manager_id, "
                + "first_seen_at, joined_on FROM person WHERE id = ?", SqlPersonRepository::person, id);
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        return Sql.list(c, sql, Row::columns, args);
    }
}
