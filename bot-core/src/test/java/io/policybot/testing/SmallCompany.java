package io.policybot.testing;

import io.policybot.Ids;
import io.policybot.audit.AuditLog;
import io.policybot.people.PersonRepository;
import io.policybot.people.RosterRepository;
import io.policybot.people.RosterImporter;
import io.policybot.store.Database;
import java.sql.PreparedStatement;
import java.time.Clock;

/**
 * The small company the staff tests share (the chat's {@code report} tests and the web console's): Ari Admin, Hana
 * HR (HR by the roster), Mia manages Eli, who manages Eva (so Eva reports to Mia indirectly); Max manages Ed and Flo.
 * Eli, Eva and Flo are in Sales with Mia. Eli joined 2026-12-01, Flo 2026-12-10, everyone else in 2020. Training
 * records are written straight into the tables, on the bundled social media policy's version, at the clock's time.
 */
public final class SmallCompany {
    public static final String ROSTER = """
            platform,platform_user_id,name,email,team,manager_email,joined_on,role
            slack,ADM,Ari Admin,ari@acme.example,Exec,,2020-01-06,
            slack,HR1,Hana HR,hana@acme.example,People,,2020-01-06,hr
            slack,M1,Mia Manager,mia@acme.example,Sales,,2020-01-06,
            slack,E1,Eli Lead,eli@acme.example,Sales,mia@acme.example,2026-12-01,
            slack,E2,Eva Junior,eva@acme.example,Sales,eli@acme.example,2020-01-06,
            slack,M2,Max Manager,max@acme.example,Support,,2020-01-06,
            slack,E3,Ed Support,ed@acme.example,Support,max@acme.example,2020-01-06,
            slack,E4,Flo Field,flo@acme.example,Sales,max@acme.example,2026-12-10,
            """;

    private final Database db;
    private final PersonRepository people;
    private final Clock clock;
    public final String version = TestContent.bundled().policy("social-media").orElseThrow().version();

    private SmallCompany(Database db, PersonRepository people, Clock clock) {
        this.db = db;
        this.people = people;
        this.clock = clock;
    }

    /** Imports the roster (as the CLI does, audited) and returns the company to add training records to. */
    public static SmallCompany hire(Database db, PersonRepository people, RosterRepository roster, AuditLog audit,
                                    Clock clock) {
        new RosterImporter(people, roster, audit, clock).importCsv(ROSTER, "cli", "roster.csv");
        return new SmallCompany(db, people, clock);
    }

    public String id(String userId) {
        return people.find("slack", userId).orElseThrow().id();
    }

    /** A finished quiz with its score. */
    public void completion(String userId, int correct, int total, boolean passed) {
        String session = session(userId, "finished");
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_completion (id, person_id, session_id, "
                    + "module, policy_id, policy_version, correct, total, passed, completed_at) VALUES (?, ?, ?, 'quiz', "
                    + "'social-media', ?, ?, ?, ?, ?)")) {
                ps.setString(1, Ids.next());
                ps.setString(2, id(userId));
                ps.setString(3, session);
                ps.setString(4, version);
                ps.setInt(5, correct);
                ps.setInt(6, total);
                ps.setBoolean(7, passed);
                ps.setLong(8, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    /** A quiz under way. */
    public void activeQuiz(String userId) {
        session(userId, "active");
    }

    /** "I have read it" for the bundled version. */
    public void acknowledge(String userId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO acknowledgement (id, person_id, policy_id, "
                    + "policy_version, acknowledged_at) VALUES (?, ?, 'social-media', ?, ?)")) {
                ps.setString(1, Ids.next());
                ps.setString(2, id(userId));
                ps.setString(3, version);
                ps.setLong(4, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    private String session(String userId, String status) {
        String id = Ids.next();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO training_session (id, person_id, module, policy_id, "
                    + "policy_version, language, status, state, started_at, updated_at) VALUES (?, ?, 'quiz', "
                    + "'social-media', ?, 'en', ?, '{}', ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, id(userId));
                ps.setString(3, version);
                ps.setString(4, status);
                ps.setLong(5, clock.millis());
                ps.setLong(6, clock.millis());
                return ps.executeUpdate();
            }
        });
        return id;
    }
}
