package io.policybot.people;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out a person's roles from three sources: the roles configuration (people and platform groups), the
 * roster's role column, and the org chart (anyone with reports is a manager).
 */
public final class RoleResolver {
    private final RolesConfig config;
    private final PersonRepository people;
    private final RosterRepository roster;

    public RoleResolver(RolesConfig config, PersonRepository people, RosterRepository roster) {
        this.config = config;
        this.people = people;
        this.roster = roster;
    }

    /** The roles of the person {@code platform:userId}, without platform groups. */
    public Roles roles(String platform, String userId) {
        return roles(platform, userId, Set.of());
    }

    /**
     * @param groups the platform groups the adapter knows the person is in (Slack user group ids, Discord role ids);
     *               empty when the platform does not say
     */
    public Roles roles(String platform, String userId, Set<String> groups) {
        EnumSet<Role> out = EnumSet.of(Role.EMPLOYEE);
        String key = platform + ":" + userId;
        for (Map.Entry<Role, Set<String>> e : config.users().entrySet()) {
            if (e.getValue().contains(key)) {
                out.add(e.getKey());
            }
        }
        for (Map.Entry<Role, Set<String>> e : config.groups().entrySet()) {
            for (String g : groups) {
                if (e.getValue().contains(platform + ":" + g)) {
                    out.add(e.getKey());
                }
            }
        }
        Optional<Person> person = people.find(platform, userId);
        if (person.isPresent()) {
            roster.rosterRole(person.get().id()).ifPresent(out::add);
            if (roster.hasReports(person.get().id())) {
                out.add(Role.MANAGER);
            }
        }
        return new Roles(out);
    }
}
