package io.policybot.questions.sql;

import io.policybot.Ids;
import io.policybot.questions.HandOff;
import io.policybot.questions.HandledGap;
import io.policybot.questions.LoggedQuestion;
import io.policybot.questions.QuestionLogRepository;
import io.policybot.questions.Vote;
import io.policybot.questions.VoteResult;
import io.policybot.questions.VoteTally;
import io.policybot.store.Database;
import io.policybot.store.Row;
import io.policybot.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                q.policyId(), q.sectionId(), q.confidence(), Sql.truncate(q.askedAt()));
        db.inTransaction(c -> Sql.update(c, "INSERT INTO question_log (id, person_id, question, language, answered, "
                + "policy_id, section_id, confidence, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", stored.id(),
                stored.personId(), stored.question(), stored.language(), stored.answered(), stored.policyId(),
                stored.sectionId(), stored.confidence(), stored.askedAt()));
        return stored;
    }

    @Override
    public Optional<LoggedQuestion> find(String logId) {
        return db.read(c -> Sql.first(c, SELECT + "WHERE id = ?", SqlQuestionLogRepository::question, logId));
    }

    @Override
    public List<LoggedQuestion> since(Instant from) {
        return db.read(c -> Sql.list(c, SELECT + "WHERE asked_at >= ? ORDER BY asked_at, id",
                SqlQuestionLogRepository::question, from));
    }

    @Override
    public Map<String, String> lastLanguages() {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            for (String[] pair : Sql.list(c, "SELECT person_id, language FROM question_log ORDER BY asked_at, id",
                    r -> new String[] {r.string(1), r.string(2)})) {
                out.put(pair[0], pair[1]); // the last one wins
            }
            return out;
        });
    }

    @Override
    public VoteResult vote(String logId, String personId, Vote vote, Instant at) {
        return db.inTransaction(c -> {
            if (!Sql.exists(c, "SELECT 1 FROM question_log WHERE id = ?", logId)) {
                return VoteResult.UNKNOWN_QUESTION;
            }
            String previous = Sql.first(c, "SELECT vote FROM answer_feedback WHERE log_id = ? AND person_id = ?",
                    r -> r.string(1), logId, personId).orElse(null);
            if (vote.code().equals(previous)) {
                return VoteResult.UNCHANGED;
            }
            // The primary key (log, person) keeps one vote per person even if this ran twice at once elsewhere.
            Sql.update(c, "INSERT INTO answer_feedback (log_id, person_id, vote, voted_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (log_id, person_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at",
                    logId, personId, vote.code(), at);
            return previous == null ? VoteResult.RECORDED : VoteResult.CHANGED;
        });
    }

    @Override
    public VoteTally tally(String logId) {
        return db.read(c -> Sql.first(c, "SELECT COALESCE(SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END), 0) FROM answer_feedback WHERE log_id = ?",
                r -> new VoteTally(r.integer(1), r.integer(2)), logId).orElseThrow());
    }

    @Override
    public boolean markEscalated(String logId, Instant at) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE question_log SET escalated_at = ? WHERE id = ? "
                + "AND escalated_at IS NULL", at, logId) == 1);
    }

    @Override
    public void clearEscalated(String logId) {
        db.inTransaction(c -> Sql.update(c, "UPDATE question_log SET escalated_at = NULL WHERE id = ?", logId));
    }

    @Override
    public List<HandOff> handOffs(Instant from) {
        return db.read(c -> Sql.list(c, "SELECT q.id, q.person_id, q.question, q.language, q.answered, q.policy_id, "
                + "q.section_id, q.confidence, q.asked_at, q.escalated_at, h.handled_by, h.handled_at FROM question_log q "
                + "LEFT JOIN question_handled h ON h.kind = 'handoff' AND h.subject = q.id "
                + "WHERE q.escalated_at IS NOT NULL AND q.escalated_at >= ? ORDER BY q.escalated_at DESC, q.id",
                r -> new HandOff(question(r), r.instant("escalated_at"), r.string("handled_by"),
                        r.instant("handled_at")), from));
    }

    @Override
    public boolean markHandOffHandled(String logId, String by, Instant at) {
        return db.inTransaction(c -> Sql.exists(c, "SELECT 1 FROM question_log WHERE id = ? AND escalated_at IS NOT NULL",
                logId) && mark(c, "handoff", logId, by, at));
    }

    @Override
    public boolean markGapHandled(String example, String by, Instant at) {
        return db.inTransaction(c -> mark(c, "gap", example, by, at));
    }

    @Override
    public List<HandledGap> handledGaps() {
        return db.read(c -> Sql.list(c, "SELECT subject, handled_by, handled_at FROM question_handled WHERE kind = 'gap' "
                + "ORDER BY handled_at, subject", r -> new HandledGap(r.string(1), r.string(2), r.instant(3))));
    }

    /** The primary key (kind, subject) keeps one mark even when two replicas mark at once. */
    private static boolean mark(java.sql.Connection c, String kind, String subject, String by, Instant at)
            throws SQLException {
        return Sql.update(c, "INSERT INTO question_handled (kind, subject, handled_by, handled_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (kind, subject) DO NOTHING", kind, subject, by, Sql.truncate(at)) == 1;
    }

    private static LoggedQuestion question(Row r) throws SQLException {
        return new LoggedQuestion(r.string("id"), r.string("person_id"), r.string("question"), r.string("language"),
                r.bool("answered"), r.string("policy_id"), r.string("section_id"), r.decimal("confidence", 0),
                r.instant("asked_at"));
    }

    @Override
    public Purge countAskedBefore(Instant cutoff) {
        return db.read(c -> new Purge(
                (int) Sql.number(c, "SELECT COUNT(*) FROM question_log WHERE asked_at < ?", cutoff),
                (int) Sql.number(c, "SELECT COUNT(*) FROM answer_feedback WHERE log_id IN "
                        + "(SELECT id FROM question_log WHERE asked_at < ?)", cutoff)));
    }

    @Override
    public Purge purgeAskedBefore(Instant cutoff) {
        return db.inTransaction(c -> {
            int feedback = Sql.update(c, "DELETE FROM answer_feedback WHERE log_id IN "
                    + "(SELECT id FROM question_log WHERE asked_at < ?)", cutoff);
            int questions = Sql.update(c, "DELETE FROM question_log WHERE asked_at < ?", cutoff);
            return new Purge(questions, feedback);
        });
    }
}
