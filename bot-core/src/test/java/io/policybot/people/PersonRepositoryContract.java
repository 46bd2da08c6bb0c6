package io.policybot.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policybot.people.Person;
import io.policybot.testing.StoreContract;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import io.policybot.store.StoreException;

/** The contract of every {@link PersonRepository} implementation, on every database. */
public abstract class PersonRepositoryContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");


    @Test
    void findOrCreateCreatesOnceAndKeepsTheFirstSeenTime() {
        PersonRepository people = stores().people();
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        Person again = people.findOrCreate("slack", "U1", "Ann", T0.plusSeconds(3600));
        assertEquals(ann, again);
        assertEquals(T0, again.firstSeen());
        assertEquals(1, people.all().size());
        // Same user id on another platform is another person.
        Person other = people.findOrCreate("discord", "U1", "Ann D", T0);
        assertEquals(2, people.all().size());
        assertEquals("discord", other.platform());
    }

    @Test
    void aNewDisplayNameIsSavedABlankOneIgnored() {
        PersonRepository people = stores().people();
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        assertEquals("Ann Lee", people.findOrCreate("slack", "U1", "Ann Lee", T0).displayName());
        assertEquals("Ann Lee", people.findOrCreate("slack", "U1", null, T0).displayName());
        assertEquals("Ann Lee", people.find(ann.id()).orElseThrow().displayName());
        assertEquals("U2", people.findOrCreate("slack", "U2", " ", T0).displayName());
    }

    @Test
    void directoryFieldsAreSaved() {
        PersonRepository people = stores().people();
        Person boss = people.findOrCreate("slack", "U0", "Boss", T0);
        Person ann = people.findOrCreate("slack", "U1", "Ann", T0);
        people.update(ann.withDirectory("ann@acme.example", "Sales", boss.id(), LocalDate.parse("2026-10-01")));
        Person saved = people.find("slack", "U1").orElseThrow();
        assertEquals("ann@acme.example", saved.email());
        assertEquals("Sales", saved.team());
        assertEquals(boss.id(), saved.managerId());
        assertEquals(LocalDate.parse("2026-10-01"), saved.joinedOn());
        assertEquals(LocalDate.parse("2026-10-01"), saved.startDate(java.time.ZoneOffset.UTC));
        assertNull(boss.joinedOn());
        assertEquals(LocalDate.parse("2026-11-10"), boss.startDate(java.time.ZoneOffset.UTC));
        assertThrows(StoreException.class, () -> people.update(ann.withDirectory(null, null, "no-such-person", null)));
    }

    @Test
    void concurrentFirstMessagesCreateOnePerson() throws Exception {
        PersonRepository people = stores().people();
        List<Callable<Person>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> people.findOrCreate("slack", "U9", "Zed", T0));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<String> ids = new ArrayList<>();
            for (Future<Person> f : pool.invokeAll(calls)) {
                ids.add(f.get().id());
            }
            assertEquals(1, ids.stream().distinct().count());
        }
        assertEquals(1, people.all().size());
    }
}
