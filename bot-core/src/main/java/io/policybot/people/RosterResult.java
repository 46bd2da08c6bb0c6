package io.policybot.people;

import java.util.List;

/** What an import did. */
public record RosterResult(int created, int updated, List<RoleChange> roleChanges) {
    public RosterResult {
        roleChanges = List.copyOf(roleChanges);
    }

    /** A roster role that changed: {@code from} or {@code to} is null when there was or is none. */
    public record RoleChange(String personKey, Role from, Role to) {
    }
}
