package io.policybot.questions.sql;

import io.policybot.Ids;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.Vote;
import io.policybot.questions.VoteResult;
import io.policybot.questions.VoteTally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.policybot.store.Database;
import io.policybot.store.Rows;

/** {@link QuestionLogRepository} in SQL. */
public final class SqlQuestionLogRepository implements QuestionLogRepository {
    private static final String SELECT = "SELECT id, person_id, question, language, answered, policy_id, section_id, "
            + "confidence, asked_at FROM question_log ";
    private final Database db;

    public SqlQuestionLogRepository(Database db) {
        this.db = db;
    }

    @Override
    public LoggedQuestion log(LoggedQuestion q) {
        LoggedQuestion stored = new LoggedQuestion(Ids.next(), q.personId(), q.question(), q.language(), q.answered(),
                q.policyId(), q.sectionId(), q.confidence(), Rows.millis(q.askedAt()));
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO question_log (id, person_id, question, language, "
                    + "answered, policy_id, section_id, confidence, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Rows.bind(ps, stored.id(), stored.personId(), stored.question(), stored.language(), stored.answered(),
                        stored.policyId(), stored.sectionId(), stored.confidence(), stored.askedAt());
                return ps.executeUpdate();
            }
        });
        return stored;
    }

    @Override
    public Optional<LoggedQuestion> find(String logId) {
        return db.read(c -> select(c, "WHERE id = ?", logId).stream().findFirst());
    }

    @Override
    public List<LoggedQuestion> since(Instant from) {
        return db.read(c -> select(c, "WHERE asked_at >= ? ORDER BY asked_at, id", from));
    }

    @Override
    public VoteResult vote(String logId, String personId, Vote vote, Instant at) {
        return db.inTransaction(c -> {
            if (select(c, "WHERE id = ?", logId).isEmpty()) {
                return VoteResult.UNKNOWN_QUESTION;
            }
            String previous = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vote FROM answer_feedback WHERE log_id = ? AND person_id = ?")) {
                Rows.bind(ps, logId, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getString(1);
                    }
                }
            }
            if (vote.code().equals(previous)) {
                return VoteResult.UNCHANGED;
            }
            // The primary key (log, person) keeps one vote per person even if this ran twice at once elsewhere.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer_feedback (log_id, person_id, vote, voted_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (log_id, person_id) DO UPDATE SET vote = excluded.vote, "
                    + "voted_at = excluded.voted_at")) {
                Rows.bind(ps, logId, personId, vote.code(), at);
                ps.executeUpdate();
            }
            return previous == null ? VoteResult.RECORDED : VoteResult.CHANGED;
        });
    }

    @Override
    public VoteTally tally(String logId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT "
                    + "COALESCE(SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END), 0), "
                    + "COALESCE(SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END), 0) "
                    + "FROM answer_feedback WHERE log_id = ?")) {
                Rows.bind(ps, logId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new VoteTally(rs.getInt(1), rs.getInt(2));
                }
            }
        });
    }

    private static List<LoggedQuestion> select(Connection c, String rest, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + rest)) {
            Rows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<LoggedQuestion> out = new ArrayList<>();
                while (rs.next()) {
                    double confidence = rs.getDouble("confidence");
                    out.add(new LoggedQuestion(rs.getString("id"), rs.getString("person_id"), rs.getString("question"),
                            rs.getString("language"), rs.getBoolean("answered"), rs.getString("policy_id"),
                            rs.getString("section_id"), rs.wasNull() ? 0 : confidence, Rows.instant(rs, "asked_at")));
                }
                return out;
            }
        }
    }

    @Override
    public boolean markEscalated(String logId, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE question_log SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")) {
                Rows.bind(ps, at, logId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void clearEscalated(String logId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE question_log SET escalated_at = NULL WHERE id = ?")) {
                Rows.bind(ps, logId);
                return ps.executeUpdate();
            }
        });
    }
}
