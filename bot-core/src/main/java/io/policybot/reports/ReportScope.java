package io.policybot.reports;

import java.util.Objects;

/** Whose records a report covers. */
public sealed interface ReportScope {

    /** Everyone in the roster or met by the bot. */
    record Everyone() implements ReportScope {
    }

    /** A manager's direct and indirect reports (not the manager). */
    record Org(String managerId) implements ReportScope {
        public Org {
            Objects.requireNonNull(managerId, "managerId");
        }
    }

    /** A team, optionally only the part of it inside a manager's org ({@code managerId} null for all of it). */
    record Team(String team, String managerId) implements ReportScope {
        public Team {
            Objects.requireNonNull(team, "team");
        }
    }

    /** One person. */
    record One(String personId) implements ReportScope {
        public One {
            Objects.requireNonNull(personId, "personId");
        }
    }
}
