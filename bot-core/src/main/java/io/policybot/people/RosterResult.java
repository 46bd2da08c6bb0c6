package io.policybot.people;

import java.util.List;

/** What an import did. */
public record RosterResult(int created, int updated, int unchanged, List<RoleChange> roleChanges) {
    public RosterResult {
        roleChanges = List.copyOf(roleChanges);
    }

    public RosterResult(int created, int updated, List<RoleChange> roleChanges) {
        this(created, updated, 0, roleChanges);
    }

    /** A roster role that changed: {@code from} or {@code to} is null when there was or is none. */
    public record RoleChange(String personKey, Role from, Role to) {
    }
}
