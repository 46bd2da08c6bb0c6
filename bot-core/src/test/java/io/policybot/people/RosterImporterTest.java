package io.policybot.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.sql.SqlAuditLog;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RosterImporterTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");

    private static final String HEADER = "platform,platform_user_id,name,email,team,manager_email,joined_on,role\n";
    private static final String GOOD = HEADER
            + "slack,U1,Ada Boss,ada@acme.example,Exec,,2020-01-06,hr\n"
            + "slack,U2,Bo Lead,bo@acme.example,Sales,ada@acme.example,2021-03-01,\n"
            + "slack,U3,\"Cy, Junior\",cy@acme.example,Sales,bo@acme.example,2026-10-01,\n"
            + "discord,42,Di Remote,di@acme.example,Sales,bo@acme.example,2026-11-01,employee\n";

    private RosterImporter importer() {
        return new RosterImporter(new SqlPersonRepository(db.database()), new SqlRosterRepository(db.database()),
                new SqlAuditLog(db.database()), clock);
    }

    private List<String> problems(String csv) {
        RosterException e = assertThrows(RosterException.class, () -> importer().importCsv(csv, "cli", "roster.csv"));
        return e.problems().stream().map(RosterException.Problem::toString).toList();
    }

    @Test
    void aGoodFileCreatesPeopleWithTheirManagersAndRoles() {
        RosterResult result = importer().importCsv(GOOD, "cli", "roster.csv");
        assertEquals(4, result.created());
        var people = new SqlPersonRepository(db.database());
        Person ada = people.find("slack", "U1").orElseThrow();
        Person bo = people.find("slack", "U2").orElseThrow();
        Person cy = people.find("slack", "U3").orElseThrow();
        Person di = people.find("discord", "42").orElseThrow();
        assertNull(ada.managerId());
        assertEquals(ada.id(), bo.managerId());
        assertEquals(bo.id(), cy.managerId());
        assertEquals(bo.id(), di.managerId());
        assertEquals("Cy, Junior", cy.displayName());
        assertEquals(LocalDate.parse("2026-10-01"), cy.joinedOn());
        var roster = new SqlRosterRepository(db.database());
        assertEquals(Role.HR, roster.rosterRole(ada.id()).orElseThrow());
        assertTrue(roster.hasReports(bo.id()));
        var audit = new SqlAuditLog(db.database()).since(clock.instant());
        assertEquals(AuditEntry.ROSTER_IMPORT, audit.getFirst().action());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals(AuditEntry.ROLE_CHANGE)
                && e.target().equals("slack:U1") && e.detail().startsWith("none -> hr")), audit.toString());
    }

    @Test
    void reimportingUpdatesInPlaceAndKeepsIds() {
        var people = new SqlPersonRepository(db.database());
        Person seen = people.findOrCreate("slack", "U3", "cy", clock.instant()); // met the bot before the roster
        importer().importCsv(GOOD, "cli", "roster.csv");
        String adaId = people.find("slack", "U1").orElseThrow().id();
        assertEquals(seen.id(), people.find("slack", "U3").orElseThrow().id());
        assertEquals(seen.firstSeen(), people.find("slack", "U3").orElseThrow().firstSeen());

        String moved = GOOD.replace("slack,U3,\"Cy, Junior\",cy@acme.example,Sales,bo@acme.example",
                "slack,U3,Cy Senior,cy@acme.example,Exec,ada@acme.example").replace("2020-01-06,hr", "2020-01-06,admin");
        RosterResult again = importer().importCsv(moved, "cli", "roster2.csv");
        assertEquals(0, again.created());
        assertEquals(1, again.updated()); // Cy moved; the others' rows are as before (Ada's role change is listed)
        assertEquals(3, again.unchanged());
        assertEquals(List.of(new RosterResult.RoleChange("slack:U1", Role.HR, Role.ADMIN)), again.roleChanges());
        Person cy = people.find("slack", "U3").orElseThrow();
        assertEquals(seen.id(), cy.id());
        assertEquals(adaId, people.find("slack", "U1").orElseThrow().id());
        assertEquals(adaId, cy.managerId());
        assertEquals("Exec", cy.team());
        assertEquals(4, people.all().size());
    }

    @Test
    void everyBadRowIsReportedWithItsNumberAndNothingIsImported() {
        String csv = HEADER
                + "slack,U1,Ada,ada@acme.example,Exec,,2020-01-06,\n"           // row 2 fine
                + "slack,,No Id,noid@acme.example,Exec,,2020-01-06,\n"          // row 3 missing id
                + "slack,U4,Bad Date,bd@acme.example,Exec,,2020-13-45,\n"       // row 4 bad date
                + "slack,U5,Lost,lost@acme.example,Exec,ghost@acme.example,,\n" // row 5 unknown manager
                + "slack,U1,Twin,twin@acme.example,Exec,,,\n"                   // row 6 duplicate id
                + "slack,U7,Short,short@acme.example\n"                         // row 7 missing columns
                + "slack,U8,Role,role@acme.example,Exec,,,boss\n";              // row 8 bad role
        assertEquals(List.of("row 3: missing platform_user_id",
                "row 4: joined_on '2020-13-45' is not a date (YYYY-MM-DD)",
                "row 5: unknown manager 'ghost@acme.example'",
                "row 6: duplicate id slack:U1 (already on row 2)",
                "row 7: expected 8 columns, found 4",
                "row 8: role 'boss' is not employee, manager, hr or admin"), problems(csv));
        assertEquals(0, new SqlPersonRepository(db.database()).all().size());
    }

    @Test
    void managerCyclesAreRefused() {
        String csv = HEADER
                + "slack,U1,A,a@acme.example,X,c@acme.example,,\n"
                + "slack,U2,B,b@acme.example,X,a@acme.example,,\n"
                + "slack,U3,C,c@acme.example,X,b@acme.example,,\n"
                + "slack,U4,Self,self@acme.example,X,self@acme.example,,\n";
        List<String> problems = problems(csv);
        assertEquals(4, problems.size(), problems.toString());
        assertEquals("row 2: manager cycle: slack:U1 -> slack:U3 -> slack:U2 -> slack:U1", problems.get(0));
        assertEquals("row 5: manager cycle: slack:U4 -> slack:U4", problems.get(3));
    }

    @Test
    void aManagerCanBeNamedByPlatformIdOrBeSomeoneAlreadyKnown() {
        importer().importCsv(GOOD, "cli", "roster.csv");
        String csv = "platform,platform_user_id,name,manager\nslack,U9,New Hire,U2\ndiscord,77,Other,slack:U1\n";
        importer().importCsv(csv, "cli", "more.csv");
        var people = new SqlPersonRepository(db.database());
        assertEquals(people.find("slack", "U2").orElseThrow().id(), people.find("slack", "U9").orElseThrow().managerId());
        assertEquals(people.find("slack", "U1").orElseThrow().id(), people.find("discord", "77").orElseThrow().managerId());
    }

    @Test
    void headerProblemsAreRowOne() {
        assertEquals(List.of("row 1: unknown column 'shoe_size' (expected platform, platform_user_id, name, email, team, "
                        + "manager_email, manager, joined_on, role)", "row 1: missing column 'name'"),
                problems("platform,platform_user_id,shoe_size\nslack,U1,42\n"));
        assertEquals(List.of("row 1: the file is empty: expected a header row"), problems(""));
    }
}
