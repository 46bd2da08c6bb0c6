package io.policybot.people;

import java.time.LocalDate;

/**
 * One valid row of a roster file.
 *
 * @param row        the row number in the file (the header is row 1)
 * @param managerKey the manager as {@code platform:userId}, resolved by the importer; null for none
 * @param role       the roster's role, or null for none given
 */
public record RosterEntry(int row, String platform, String platformUserId, String name, String email, String team,
                          String managerKey, LocalDate joinedOn, Role role) {

    public String key() {
        return platform + ":" + platformUserId;
    }
}
