package io.policybot.training.sql;

import io.policybot.training.Acknowledged;
import io.policybot.training.AnswerOutcome;
import io.policybot.training.Completion;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingRepository;
import io.policybot.training.TrainingSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.policybot.store.Database;
import io.policybot.store.Rows;

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
        return db.inTransaction(c -> {
            // DO NOTHING on the one-active-session index: a second start, from any thread or process, is a no-op.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_session (id, person_id, module, "
                    + "policy_id, policy_version, language, status, state, started_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                Rows.bind(ps, s.id(), s.personId(), s.module(), s.policyId(), s.policyVersion(), s.language(),
                        s.status().code(), s.state(), s.startedAt(), s.updatedAt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<TrainingSession> find(String sessionId) {
        return db.read(c -> sessions(c, "WHERE id = ?", sessionId).stream().findFirst());
    }

    @Override
    public Optional<TrainingSession> active(String personId) {
        return db.read(c -> sessions(c, "WHERE person_id = ? AND status = 'active'", personId).stream().findFirst());
    }

    @Override
    public List<RecordedAnswer> answers(String sessionId) {
        return db.read(c -> answers(c, sessionId));
    }

    @Override
    public AnswerOutcome recordAnswer(RecordedAnswer a, String state, Completion completion, Instant now) {
        return db.inTransaction(c -> {
            // Under the write lock (and BEGIN IMMEDIATE) nothing changes between this check and the writes below.
            Optional<TrainingSession> session = sessions(c, "WHERE id = ?", a.sessionId()).stream().findFirst();
            if (session.isEmpty() || session.get().status() != SessionStatus.ACTIVE) {
                return AnswerOutcome.SESSION_NOT_ACTIVE;
            }
            // The primary key (session, index) is the last word on "answered once", whatever got here first.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_answer (session_id, item_index, "
                    + "item_id, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                Rows.bind(ps, a.sessionId(), a.index(), a.itemId(), a.choice(), a.correct(), a.answeredAt());
                if (ps.executeUpdate() == 0) {
                    return AnswerOutcome.ALREADY_ANSWERED;
                }
            }
            SessionStatus status = completion == null ? SessionStatus.ACTIVE : SessionStatus.FINISHED;
            Instant finished = completion == null ? null : now;
            // A quiz's state (its plan) never changes: send the JSON again only when it did (a role-play step).
            boolean sameState = Objects.equals(state, session.get().state());
            try (PreparedStatement ps = c.prepareStatement("UPDATE training_session SET "
                    + (sameState ? "" : "state = ?, ") + "status = ?, updated_at = ?, finished_at = ? WHERE id = ?")) {
                if (sameState) {
                    Rows.bind(ps, status.code(), now, finished, a.sessionId());
                } else {
                    Rows.bind(ps, state, status.code(), now, finished, a.sessionId());
                }
                ps.executeUpdate();
            }
            if (completion != null) {
                insertCompletion(c, completion);
            }
            return AnswerOutcome.RECORDED;
        });
    }

    private static void insertCompletion(Connection c, Completion k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_completion (id, person_id, session_id, "
                + "module, policy_id, policy_version, correct, total, passed, completed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Rows.bind(ps, k.id(), k.personId(), k.sessionId(), k.module(), k.policyId(), k.policyVersion(),
                    k.correct(), k.total(), k.passed(), k.completedAt());
            ps.executeUpdate();
        }
    }

    @Override
    public void abandon(String sessionId, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE training_session SET status = 'abandoned', "
                    + "updated_at = ?, finished_at = ? WHERE id = ? AND status = 'active'")) {
                Rows.bind(ps, now, now, sessionId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Completion> completions(String personId) {
        return db.read(c -> completions(c, "WHERE person_id = ? ORDER BY completed_at, id", personId));
    }

    @Override
    public List<Acknowledged> acknowledgements(String personId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT policy_id, policy_version, acknowledged_at "
                    + "FROM acknowledgement WHERE person_id = ? ORDER BY acknowledged_at, id")) {
                Rows.bind(ps, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Acknowledged> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Acknowledged(rs.getString(1), rs.getString(2), Rows.instant(rs, "acknowledged_at")));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public List<Completion> completionsOfPolicy(String policyId) {
        return db.read(c -> completions(c, "WHERE policy_id = ? ORDER BY completed_at, id", policyId));
    }

    private static List<TrainingSession> sessions(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SESSION + where)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<TrainingSession> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TrainingSession(rs.getString("id"), rs.getString("person_id"), rs.getString("module"),
                            rs.getString("policy_id"), rs.getString("policy_version"), rs.getString("language"),
                            SessionStatus.fromCode(rs.getString("status")), rs.getString("state"),
                            Rows.instant(rs, "started_at"), Rows.instant(rs, "updated_at")));
                }
                return out;
            }
        }
    }

    private static List<RecordedAnswer> answers(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT session_id, item_index, item_id, choice, correct, "
                + "answered_at FROM training_answer WHERE session_id = ? ORDER BY item_index")) {
            Rows.bind(ps, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                List<RecordedAnswer> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RecordedAnswer(rs.getString("session_id"), rs.getInt("item_index"),
                            rs.getString("item_id"), rs.getInt("choice"), rs.getBoolean("correct"),
                            Rows.instant(rs, "answered_at")));
                }
                return out;
            }
        }
    }

    private static List<Completion> completions(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COMPLETION + where)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Completion> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Completion(rs.getString("id"), rs.getString("person_id"), rs.getString("session_id"),
                            rs.getString("module"), rs.getString("policy_id"), rs.getString("policy_version"),
                            rs.getInt("correct"), rs.getInt("total"), rs.getBoolean("passed"),
                            Rows.instant(rs, "completed_at")));
                }
                return out;
            }
        }
    }
}
