package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.RosterEntry;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.store.Database;
import io.policybot.testing.PostgresTestDatabase;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.store.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two bot processes (child JVMs) deliver one announcement from one real PostgreSQL through a fake platform that
 * records every call in a file; one is killed with destroyForcibly part-way. The other goes on with everything the
 * dead one had not claimed, and once the dead one's lease has run out its claimed rows are taken over. Everyone got
 * the DM exactly once, and only what was in flight at the kill was tried again. Meanwhile people on both replicas
 * acknowledge the announcement and answer a quiz question: every one either replica committed is there afterwards,
 * none twice.
 */
class TwoReplicasCrashTest {
    private static final int PEOPLE = 10_000;
    /** People on each replica who acknowledge and answer a quiz question while the announcement goes out. */
    private static final int WORK = 300;
    private final PostgresTestDatabase pg = new PostgresTestDatabase();

    @AfterEach
    void close() {
        pg.close();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killingOneReplicaMidSendLosesNothingAndSendsNothingTwice() throws Exception {
        Path sent = Files.createTempFile("replicas-platform", ".log");
        TestClock clock = TestClock.at(Instant.now().toString());
        Database database = pg.database();
        List<RosterEntry> roster = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            roster.add(new RosterEntry(i + 1, "slack", String.format("U%05d", i), "Person " + i, null, null, null, null,
                    null));
        }
        new SqlRosterRepository(database).upsert(roster, clock.instant());
        Announcements setup = OutboxChildProcess.wire(database, sent, clock, Fixtures.sleeper(clock));
        setup.publisher().publish(TestContent.bundled());
        setup.publisher().publish(Fixtures.v11());
        var preview = (AnnouncementService.Preview) setup.service().prepare(null, null);
        setup.service().confirm(preview.draft().id());

        Path workA = Files.createTempFile("replica-a-work", ".log");
        Path workB = Files.createTempFile("replica-b-work", ".log");
        try (ChildProcesses.Child a = ChildProcesses.start(pg.url(), sent.toString(), workA + ":0:2:" + WORK);
             ChildProcesses.Child b = ChildProcesses.start(pg.url(), sent.toString(), workB + ":1:2:" + WORK)) {
            a.expect("STARTED");
            b.expect("STARTED");
            ChildProcesses.awaitDeliveries(sent, PEOPLE / 3, 120);
            a.kill();
            b.expect("DONE"); // B delivered everything A had not claimed, and its people did their part
            b.process().waitFor();
        }
        // A restarts (or any replica looks) after the lease: A's claimed rows are pending again and go out once.
        // The replicas ran on the system clock, and a loaded machine may have taken minutes to get here: the lease
        // must have run out measured from now, not from the test's start.
        clock.advance(Duration.between(clock.instant(), Instant.now()).plus(Duration.ofMinutes(11)));
        Announcements later = OutboxChildProcess.wire(database, sent, clock, Fixtures.sleeper(clock));
        int inFlight = later.dispatcher().resumeInFlight();
        later.dispatcher().drain();

        Map<String, Long> perRecipient = deliveries(sent).stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertEquals(PEOPLE + 1, perRecipient.size()); // everyone, and the channel post
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "someone got the DM twice");
        long attempts = FileGateway.lines(sent).stream().filter(l -> l.startsWith("attempt ")).count();
        assertTrue(attempts - (PEOPLE + 1) <= inFlight, "retried " + (attempts - PEOPLE - 1) + ", in flight " + inFlight);
        assertTrue(inFlight <= 100, "in flight at the kill (one claimed batch at most): " + inFlight);
        AnnouncementOutbox.Progress progress = later.service().status().getFirst().progress();
        assertEquals(PEOPLE, progress.sent());
        assertEquals(0, progress.pending());

        // Acknowledgements and quiz answers recorded through either replica are all there, each once.
        List<String> acked = database.read(c -> Sql.list(c, "SELECT p.platform_user_id FROM acknowledgement k "
                + "JOIN person p ON p.id = k.person_id", r -> r.string(1)));
        List<String> answered = database.read(c -> Sql.list(c, "SELECT p.platform_user_id FROM training_answer a "
                + "JOIN training_session s ON s.id = a.session_id JOIN person p ON p.id = s.person_id", r -> r.string(1)));
        assertEquals(acked.size(), Set.copyOf(acked).size(), "an acknowledgement recorded twice");
        assertEquals(answered.size(), Set.copyOf(answered).size(), "a quiz answer recorded twice");
        Set<String> ackedB = logged(workB, "ack");
        Set<String> answeredB = logged(workB, "quiz");
        assertEquals(WORK, ackedB.size(), "the surviving replica's people all acknowledged");
        assertEquals(WORK, answeredB.size(), "the surviving replica's people all answered");
        Set<String> ackedA = logged(workA, "ack");
        assertTrue(!ackedA.isEmpty(), "the killed replica recorded some before it died");
        for (Set<String> committed : List.of(ackedA, ackedB)) {
            assertTrue(Set.copyOf(acked).containsAll(committed), "an acknowledgement a replica committed is missing");
        }
        for (Set<String> committed : List.of(logged(workA, "quiz"), answeredB)) {
            assertTrue(Set.copyOf(answered).containsAll(committed), "a quiz answer a replica committed is missing");
        }
        // The killed one may have committed one more than it logged, never anything else.
        assertTrue(acked.size() <= ackedA.size() + ackedB.size() + 1, acked.size() + " acknowledgements");
        assertEquals(answered.size(), Set.copyOf(answered).size());
        Files.deleteIfExists(sent);
        Files.deleteIfExists(workA);
        Files.deleteIfExists(workB);
    }

    /** The people a replica's log says acknowledged ("ack") or answered a quiz question ("quiz"), once committed. */
    private static Set<String> logged(Path work, String what) throws IOException {
        return Files.readAllLines(work).stream().filter(l -> l.startsWith(what + " ")).map(l -> l.substring(what.length() + 1))
                .collect(Collectors.toSet());
    }

    private static List<String> deliveries(Path sent) {
        return ChildProcesses.deliveries(sent);
    }
}
