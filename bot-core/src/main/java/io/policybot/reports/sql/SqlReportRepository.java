package io.policybot.reports.sql;

import io.policybot.people.Person;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.reports.ReportRepository;
import io.policybot.reports.ReportScope;
import io.policybot.training.Acknowledged;
import io.policybot.training.Completion;
import io.policybot.training.Modules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.policybot.store.Database;
import io.policybot.store.Sql;

/**
 * {@link ReportRepository} in SQL. Each read starts with a {@code scope(id)} common table expression: an org is a
 * recursive walk down {@code person.manager_id} (indexed), so a report never lists ids in Java and never runs one
 * query per person. {@code UNION} (not {@code UNION ALL}) keeps the walk finite even on a cyclic org chart.
 */
public final class SqlReportRepository implements ReportRepository {
    private static final String ORG = "org(id) AS (SELECT id FROM person WHERE manager_id = ? "
            + "UNION SELECT p.id FROM person p JOIN org ON p.manager_id = org.id)";
    private final Database db;

    public SqlReportRepository(Database db) {
        this.db = db;
    }

    private record Scoped(String with, List<Object> args) {
    }

    private static Scoped scoped(ReportScope scope) {
        return switch (scope) {
            case ReportScope.Everyone e -> new Scoped("WITH scope(id) AS (SELECT id FROM person) ", List.of());
            case ReportScope.Org o -> new Scoped("WITH RECURSIVE " + ORG + ", scope(id) AS (SELECT id FROM org) ",
                    List.of(o.managerId()));
            case ReportScope.Team t when t.managerId() == null ->
                    new Scoped("WITH scope(id) AS (SELECT id FROM person WHERE lower(team) = lower(?)) ", List.of(t.team()));
            case ReportScope.Team t -> new Scoped("WITH RECURSIVE " + ORG + ", scope(id) AS (SELECT p.id FROM org "
                    + "JOIN person p ON p.id = org.id WHERE lower(p.team) = lower(?)) ", List.of(t.managerId(), t.team()));
            case ReportScope.One one -> new Scoped("WITH scope(id) AS (SELECT id FROM person WHERE id = ?) ",
                    List.of(one.personId()));
        };
    }

    /** The query with the scope's common table expression in front, and its arguments before {@code more}. */
    private static <T> List<T> list(Connection c, ReportScope scope, String select, Sql.RowMapper<T> mapper,
                                    Object... more) throws SQLException {
        Scoped s = scoped(scope);
        List<Object> args = new ArrayList<>(s.args());
        args.addAll(List.of(more));
        return Sql.list(c, s.with() + select, mapper, args.toArray());
    }

    @Override
    public List<Person> people(ReportScope scope) {
        return db.read(c -> list(c, scope, "SELECT p.id, p.platform, p.platform_user_id, p.display_name, p.email, "
                + "p.team, p.manager_id, p.first_seen_at, p.joined_on FROM scope JOIN person p ON p.id = scope.id "
                + "ORDER BY p.display_name, p.platform, p.platform_user_id", SqlPersonRepository::person));
    }

    /*
     * CROSS JOIN makes SQLite walk the scope first and search the index training_completion_history for each person:
     * as a plain join it may build a Bloom filter over the whole completion table first, a full scan of a million
     * rows for a 2,000-person org.
     */
    @Override
    public Map<String, List<Completion>> completions(ReportScope scope, String policyId) {
        // Only columns of the covering index training_completion_history (V10): no table look-ups. The ids of
        // the completion and its session are not needed by the rule, and left null.
        List<Completion> rows = db.read(c -> list(c, scope, "SELECT t.person_id, t.module, t.policy_version, "
                + "t.correct, t.total, t.passed, t.completed_at FROM scope CROSS JOIN training_completion t "
                + "WHERE t.person_id = scope.id AND t.policy_id = ? ORDER BY t.person_id, t.completed_at",
                r -> new Completion(null, r.string(1), null, r.string(2), policyId, r.string(3), r.integer(4),
                        r.integer(5), r.bool(6), r.instant(7)), policyId));
        Map<String, List<Completion>> out = new HashMap<>();
        for (Completion done : rows) {
            out.computeIfAbsent(done.personId(), k -> new ArrayList<>()).add(done);
        }
        return out;
    }

    @Override
    public Set<String> activeQuizzes(ReportScope scope, String policyId) {
        return ids(scope, "SELECT scope.id FROM scope WHERE EXISTS (SELECT 1 FROM training_session s "
                + "WHERE s.person_id = scope.id AND s.status = 'active' AND s.policy_id = ? AND s.module IN (?, ?))",
                policyId, Modules.QUIZ, Modules.UPDATE);
    }

    @Override
    public Map<String, List<Acknowledged>> acknowledgements(ReportScope scope, String policyId) {
        // The unique index acknowledgement_once (person_id, policy_id, policy_version) finds each person's rows.
        record Read(String personId, Acknowledged read) {
        }
        List<Read> rows = db.read(c -> list(c, scope, "SELECT a.person_id, a.policy_version, a.acknowledged_at "
                + "FROM scope CROSS JOIN acknowledgement a WHERE a.person_id = scope.id AND a.policy_id = ? "
                + "ORDER BY a.person_id, a.acknowledged_at",
                r -> new Read(r.string(1), new Acknowledged(policyId, r.string(2), r.instant(3))), policyId));
        Map<String, List<Acknowledged>> out = new HashMap<>();
        for (Read row : rows) {
            out.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(row.read());
        }
        return out;
    }

    @Override
    public Set<String> acknowledged(ReportScope scope, String policyId, String version) {
        return ids(scope, "SELECT scope.id FROM scope WHERE EXISTS (SELECT 1 FROM acknowledgement a "
                + "WHERE a.person_id = scope.id AND a.policy_id = ? AND a.policy_version = ?)", policyId, version);
    }

    /*
     * Each person's first passing completion of the version (one row per person, from the covering index
     * training_completion_history) and their acknowledgement (one per person by acknowledgement_once), counted per
     * day in SQL: integer division of epoch milliseconds, shifted by the offset, is the epoch day on both databases.
     */
    @Override
    public List<DayCount> firstDoneByDay(ReportScope scope, String policyId, String version,
                                         java.time.ZoneOffset offset) {
        long shift = offset.getTotalSeconds() * 1000L;
        return db.read(c -> list(c, scope, "SELECT (f.at + ?) / 86400000 AS day, SUM(f.passed), SUM(f.acked) FROM ("
                + "SELECT MIN(t.completed_at) AS at, 1 AS passed, 0 AS acked FROM scope CROSS JOIN training_completion t "
                + "WHERE t.person_id = scope.id AND t.policy_id = ? AND t.policy_version = ? AND t.passed = ? "
                + "GROUP BY t.person_id "
                + "UNION ALL SELECT a.acknowledged_at, 0, 1 FROM scope CROSS JOIN acknowledgement a "
                + "WHERE a.person_id = scope.id AND a.policy_id = ? AND a.policy_version = ?"
                + ") f GROUP BY 1 ORDER BY 1",
                r -> new DayCount(java.time.LocalDate.ofEpochDay(r.longValue(1)), r.integer(2), r.integer(3)),
                shift, policyId, version, true, policyId, version));
    }

    private Set<String> ids(ReportScope scope, String select, Object... args) {
        return new HashSet<>(db.read(c -> list(c, scope, select, r -> r.string(1), args)));
    }

    /** The row of {@code report_stamp} (V16), moved on by triggers in the writers' own transactions. */
    @Override
    public java.util.OptionalLong changeStamp() {
        return java.util.OptionalLong.of(db.read(c -> Sql.number(c, "SELECT stamp FROM report_stamp WHERE id = 1")));
    }

    @Override
    public boolean inOrg(String managerId, String personId) {
        return db.read(c -> Sql.exists(c, "WITH RECURSIVE up(id) AS (SELECT manager_id FROM person WHERE id = ? "
                + "UNION SELECT p.manager_id FROM person p JOIN up ON p.id = up.id) SELECT 1 FROM up WHERE id = ? "
                + "LIMIT 1", personId, managerId));
    }

    @Override
    public java.util.Optional<String> team(String name) {
        return db.read(c -> Sql.first(c, "SELECT team FROM person WHERE lower(team) = lower(?) GROUP BY team "
                + "ORDER BY COUNT(*) DESC, team LIMIT 1", r -> r.string(1), name.strip()));
    }

    @Override
    public List<GapQuestion> gapQuestions(Instant from) {
        List<GapQuestion> all = db.read(c -> Sql.list(c, "SELECT q.question, q.language, q.answered, "
                + "(SELECT COUNT(*) FROM answer_feedback f WHERE f.log_id = q.id AND f.vote = 'down') AS downs, "
                + "q.policy_id, q.section_id, q.asked_at FROM question_log q WHERE q.asked_at >= ? "
                + "ORDER BY q.asked_at, q.id", r -> new GapQuestion(r.string(1), r.string(2), !r.bool(3),
                r.integer(4), r.string(5), r.string(6), r.instant(7)), from));
        return all.stream().filter(q -> q.declined() || q.downVotes() > 0).toList();
    }
}
