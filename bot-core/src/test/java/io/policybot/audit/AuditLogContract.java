package io.policybot.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policybot.store.StoreException;
import io.policybot.testing.TestClock;
import io.policybot.testing.StoreContract;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;

/** The contract of every {@link AuditLog} implementation, on every database. */
public abstract class AuditLogContract extends StoreContract {
    private final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");

    @Test
    void entriesAreReadNewestFirstOrSinceAnInstant() {
        AuditLog log = stores().audit();
        log.record(new AuditEntry(clock.instant(), "cli", AuditEntry.ROSTER_IMPORT, "roster.csv", "3 rows"));
        clock.advance(Duration.ofMinutes(1));
        log.record(new AuditEntry(clock.instant(), "slack:U1", AuditEntry.REPORT_EXPORT, "everyone", "3 people"));
        clock.advance(Duration.ofMinutes(1));
        log.record(new AuditEntry(clock.instant(), "slack:U2", AuditEntry.REFUSED, "gaps", "role employee"));
        assertEquals(List.of("refused", "report.export"), log.recent(2).stream().map(AuditEntry::action).toList());
        assertEquals(List.of("report.export", "refused"),
                log.since(clock.instant().minus(Duration.ofMinutes(1))).stream().map(AuditEntry::action).toList());
        assertEquals(new AuditEntry(clock.instant(), "slack:U2", "refused", "gaps", "role employee"), log.recent(1).getFirst());
        assertEquals(3, restart().audit().recent(10).size());
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        AuditLog log = stores().audit();
        log.record(new AuditEntry(clock.instant(), "cli", AuditEntry.ROSTER_IMPORT, "roster.csv", "3 rows"));
        for (String sql : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log")) {
            StoreException e = assertThrows(StoreException.class, () -> database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    return ps.executeUpdate();
                }
            }));
            assertEquals(true, e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals("cli", log.recent(1).getFirst().actor());
    }
}
