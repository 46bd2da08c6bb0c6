package io.policybot.training.sql;

import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import io.policybot.training.Acknowledged;
import io.policybot.training.AnswerOutcome;
import io.policybot.training.Completion;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingRepository;
import io.policybot.training.TrainingSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link TrainingRepository} in SQL. */
public final class SqlTrainingRepository implements TrainingRepository {
    private static final String SESSION = "SELECT id, person_id, module, policy_id, policy_version, language, status, "
            + "state, started_at, updated_at FROM training_session ";
    private static final String COMPLETION = "SELECT id, person_id, session_id, module, policy_id, policy_version, "
            + "correct, total, passed, completed_at FROM training_completion ";
    private final Database db;

    public SqlTrainingRepository(Database db) {
        this.db = db;
    }

    @Override
    public boolean create(TrainingSession s) {
        // DO NOTHING on the one-active-session index: a second start, from any thread or process, is a no-op.
        return db.inTransaction(c -> Sql.update(c, "INSERT INTO training_session (id, person_id, module, "
                + "policy_id, policy_version, language, status, state, started_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", s.id(), s.personId(), s.module(),
                s.policyId(), s.policyVersion(), s.language(), s.status().code(), s.state(), s.startedAt(),
                s.updatedAt()) == 1);
    }

    @Override
    public Optional<TrainingSession> find(String sessionId) {
        return db.read(c -> session(c, sessionId));
    }

    @Override
    public Optional<TrainingSession> active(String personId) {
        return db.read(c -> Sql.first(c, SESSION + "WHERE person_id = ? AND status = 'active'",
                SqlTrainingRepository::session, personId));
    }

    @Override
    public List<RecordedAnswer> answers(String sessionId) {
        return db.read(c -> Sql.list(c, "SELECT session_id, item_index, item_id, choice, correct, answered_at "
                + "FROM training_answer WHERE session_id = ? ORDER BY item_index", SqlTrainingRepository::answer,
                sessionId));
    }

    @Override
    public AnswerOutcome recordAnswer(RecordedAnswer a, String state, Completion completion, Instant now) {
        return db.inTransaction(c -> {
            // In the write transaction (BEGIN IMMEDIATE on SQLite, a row lock on PostgreSQL) nothing changes the
            // session between this check and the writes below.
            Optional<TrainingSession> session = Sql.first(c, SESSION + "WHERE id = ?" + db.dialect().forUpdate(),
                    SqlTrainingRepository::session, a.sessionId());
            if (session.isEmpty() || session.get().status() != SessionStatus.ACTIVE) {
                return AnswerOutcome.SESSION_NOT_ACTIVE;
            }
            // The primary key (session, index) is the last word on "answered once", whatever got here first.
            if (Sql.update(c, "INSERT INTO training_answer (session_id, item_index, item_id, choice, correct, "
                    + "answered_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.sessionId(), a.index(),
                    a.itemId(), a.choice(), a.correct(), a.answeredAt()) == 0) {
                return AnswerOutcome.ALREADY_ANSWERED;
            }
            SessionStatus status = completion == null ? SessionStatus.ACTIVE : SessionStatus.FINISHED;
            Object finished = Sql.millis(completion == null ? null : now);
            // A quiz's state (its plan) never changes: send the JSON again only when it did (a role-play step).
            if (Objects.equals(state, session.get().state())) {
                Sql.update(c, "UPDATE training_session SET status = ?, updated_at = ?, finished_at = ? WHERE id = ?",
                        status.code(), now, finished, a.sessionId());
            } else {
                Sql.update(c, "UPDATE training_session SET state = ?, status = ?, updated_at = ?, finished_at = ? "
                        + "WHERE id = ?", state, status.code(), now, finished, a.sessionId());
            }
            if (completion != null) {
                insertCompletion(c, completion);
            }
            return AnswerOutcome.RECORDED;
        });
    }

    private static void insertCompletion(Connection c, Completion k) throws SQLException {
        Sql.update(c, "INSERT INTO training_completion (id, person_id, session_id, module, policy_id, policy_version, "
                + "correct, total, passed, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", k.id(), k.personId(),
                k.sessionId(), k.module(), k.policyId(), k.policyVersion(), k.correct(), k.total(), k.passed(),
                k.completedAt());
    }

    @Override
    public void abandon(String sessionId, Instant now) {
        db.inTransaction(c -> Sql.update(c, "UPDATE training_session SET status = 'abandoned', updated_at = ?, "
                + "finished_at = ? WHERE id = ? AND status = 'active'", now, now, sessionId));
    }

    @Override
    public List<Completion> completions(String personId) {
        return db.read(c -> Sql.list(c, COMPLETION + "WHERE person_id = ? ORDER BY completed_at, id",
                SqlTrainingRepository::completion, personId));
    }

    @Override
    public List<Acknowledged> acknowledgements(String personId) {
        return db.read(c -> Sql.list(c, "SELECT policy_id, policy_version, acknowledged_at FROM acknowledgement "
                + "WHERE person_id = ? ORDER BY acknowledged_at, id",
                r -> new Acknowledged(r.string("policy_id"), r.string("policy_version"), r.instant("acknowledged_at")),
                personId));
    }

    @Override
    public List<Completion> completionsOfPolicy(String policyId) {
        return db.read(c -> Sql.list(c, COMPLETION + "WHERE policy_id = ? ORDER BY completed_at, id",
                SqlTrainingRepository::completion, policyId));
    }

    private static Optional<TrainingSession> session(Connection c, String id) throws SQLException {
        return Sql.first(c, SESSION + "WHERE id = ?", SqlTrainingRepository::session, id);
    }

    private static TrainingSession session(Row r) throws SQLException {
        return new TrainingSession(r.string("id"), r.string("person_id"), r.string("module"), r.string("policy_id"),
                r.string("policy_version"), r.string("language"), SessionStatus.fromCode(r.string("status")),
                r.string("state"), r.instant("started_at"), r.instant("updated_at"));
    }

    private static RecordedAnswer answer(Row r) throws SQLException {
        return new RecordedAnswer(r.string("session_id"), r.integer("item_index"), r.string("item_id"),
                r.integer("choice"), r.bool("correct"), r.instant("answered_at"));
    }

    private static Completion completion(Row r) throws SQLException {
        return new Completion(r.string("id"), r.string("person_id"), r.string("session_id"), r.string("module"),
                r.string("policy_id"), r.string("policy_version"), r.integer("correct"), r.integer("total"),
                r.bool("passed"), r.instant("completed_at"));
    }
}
