package io.policybot.people;

import java.util.EnumSet;
import java.util.Set;

/** The roles one person has now (always at least {@link Role#EMPLOYEE}). */
public record Roles(Set<Role> set) {
    public Roles {
        EnumSet<Role> copy = EnumSet.of(Role.EMPLOYEE);
        copy.addAll(set);
        set = Set.copyOf(copy);
    }

    public static Roles of(Role... roles) {
        return new Roles(Set.of(roles));
    }

    public boolean has(Role role) {
        return set.contains(role);
    }

    /** HR or admin: may see everyone's records, gaps, and announce. */
    public boolean staff() {
        return has(Role.HR) || has(Role.ADMIN);
    }

    /** The strongest role, for messages and the audit log. */
    public Role highest() {
        return set.stream().max(Enum::compareTo).orElse(Role.EMPLOYEE);
    }
}
