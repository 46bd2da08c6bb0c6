package io.policybot.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.store.StoreException;
import io.policybot.testing.StoreContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of every {@link RosterRepository} implementation, on every database. */
public abstract class RosterRepositoryContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    private static RosterEntry entry(int row, String user, String name, String manager, Role role) {
        return new RosterEntry(row, "slack", user, name, user.toLowerCase() + "@acme.example", "Sales",
                manager == null ? null : "slack:" + manager, row == 2 ? LocalDate.parse("2026-10-01") : null, role);
    }

    @Test
    void anImportCreatesThenUpdatesKeepingIdsAndRoles() {
        RosterRepository roster = stores().roster();
        Person known = stores().people().findOrCreate("slack", "U2", "Bo", T0);
        RosterResult first = roster.upsert(List.of(entry(1, "U1", "Ann", null, Role.MANAGER),
                entry(2, "U2", "Bob", "U1", null)), T0);
        assertEquals(1, first.created());
        assertEquals(1, first.updated());
        Person bob = stores().people().find(known.id()).orElseThrow();
        assertEquals("Bob", bob.displayName());
        assertEquals(LocalDate.parse("2026-10-01"), bob.joinedOn());
        Person ann = stores().people().find("slack", "U1").orElseThrow();
        assertEquals(ann.id(), bob.managerId());
        assertTrue(roster.hasReports(ann.id()));
        assertFalse(roster.hasReports(bob.id()));
        assertEquals(Role.MANAGER, roster.rosterRole(ann.id()).orElseThrow());
        assertTrue(roster.rosterRole(bob.id()).isEmpty());
        assertEquals(bob.id(), roster.findByEmail("U2@ACME.example").orElseThrow().id());

        RosterResult again = roster.upsert(List.of(entry(1, "U1", "Ann", null, null), entry(2, "U2", "Bob", "U1", null)),
                T0.plusSeconds(60));
        assertEquals(new RosterResult(0, 0, 2, List.of(new RosterResult.RoleChange("slack:U1", Role.MANAGER, null))),
                again);
        assertTrue(roster.rosterRole(ann.id()).isEmpty());
    }

    @Test
    void anUnknownManagerRefusesTheWholeImport() {
        assertThrows(StoreException.class, () -> stores().roster().upsert(List.of(entry(1, "U1", "Ann", null, null),
                entry(2, "U2", "Bob", "U9", null)), T0));
        assertTrue(stores().people().all().isEmpty(), "all or nothing");
    }
}
