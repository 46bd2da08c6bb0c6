package io.policybot.people;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do. Everyone is an employee; a manager sees their direct and indirect reports; HR sees
 * everyone and runs announcements and gaps; an admin may do all HR can.
 */
public enum Role {
    EMPLOYEE, MANAGER, HR, ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code code} ("hr", "Manager"...), if it is one. */
    public static Optional<Role> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
