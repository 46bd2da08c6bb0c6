package io.policybot.training;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What a policy update asks of someone already trained on an earlier version: a short quiz on the sections that
 * changed since, by a due date. Kept behind this port so training does not depend on how versions are stored.
 */
public interface UpdateRequirements {

    /**
     * @param coveredVersion the version the person's latest passed training covers
     * @param currentVersion the version in force
     * @return the sections to retrain and the due date; empty when the history of these versions is unknown (then
     *         the full training is due, as for a new joiner)
     */
    Optional<Update> since(String policyId, String coveredVersion, String currentVersion);

    /** @param sectionIds sections added or changed since the covered version (may be empty: nothing to retrain) */
    record Update(Set<String> sectionIds, LocalDate dueOn) {
        public Update {
            sectionIds = Set.copyOf(sectionIds);
        }
    }

    /** No version history: every new version needs the full training. */
    static UpdateRequirements none() {
        return (policyId, covered, current) -> Optional.empty();
    }
}
