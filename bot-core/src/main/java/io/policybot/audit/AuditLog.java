package io.policybot.audit;

import java.time.Instant;
import java.util.List;

/**
 * The append-only audit log of announcements, content versions, exports, role changes and refused actions.
 * There is no way to change or remove an entry. Thread-safe; each entry is committed before {@link #record} returns.
 */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The latest {@code limit} entries, newest first. */
    List<AuditEntry> recent(int limit);

    /** Entries at or after {@code from}, oldest first. */
    List<AuditEntry> since(Instant from);
}
