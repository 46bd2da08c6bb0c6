package io.policybot.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where people are kept. Implementations are thread-safe and commit each write before returning. */
public interface PersonRepository {

    /**
     * The person with this platform user id, created (first seen {@code now}) when new. A changed display name
     * is saved; a blank one is ignored.
     */
    Person findOrCreate(String platform, String platformUserId, String displayName, Instant now);

    Optional<Person> find(String id);

    Optional<Person> find(String platform, String platformUserId);

    /** Saves the display name and the directory fields (email, team, manager, joined date) of an existing person. */
    void update(Person person);

    /** Everyone, ordered by platform and platform user id. */
    List<Person> all();

    /** Everyone with this platform user id, on any platform (a bare id typed by HR). */
    default List<Person> withUserId(String platformUserId) {
        return all().stream().filter(p -> p.platformUserId().equalsIgnoreCase(platformUserId)).toList();
    }

    /**
     * Removes a person and everything kept about them (training, questions, acknowledgements, pending messages),
     * in one transaction; people they managed keep their place without a manager. Returns what was removed, or
     * empty when there was no such person.
     */
    Optional<Removed> remove(String id);

    /** What removing one person deleted. */
    record Removed(Person person, int completions, int questions, int acknowledgements) {
    }
}
