package io.policybot.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The HR roster in the store: imports, and the roster's view of roles and reporting lines. */
public interface RosterRepository {

    /**
     * Upserts every entry in one transaction (all or nothing): a known person (same platform and user id) keeps
     * their id and first-seen time and gets the roster's name, email, team, manager and joining date; a new one is
     * created. Managers are matched by {@link RosterEntry#managerKey()}, which must name an entry or a known person.
     * People not in the roster are left as they are.
     */
    RosterResult upsert(List<RosterEntry> entries, Instant now);

    /** The role the roster gives this person, if any. */
    Optional<Role> rosterRole(String personId);

    /** Whether anyone has this person as their manager. */
    boolean hasReports(String personId);

    Optional<Person> findByEmail(String email);
}
