package io.policybot.training;

/**
 * Where a role-play stands, stored as the session's state.
 *
 * @param scenario the scenario id
 * @param step     the step waiting for a choice; null once the scenario has ended
 */
public record RolePlayState(String scenario, String step) {
}
