package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.policybot.people.RosterEntry;
import io.policybot.people.sql.SqlRosterRepository;
import io.policybot.store.Database;
import io.policybot.testing.PostgresTestDatabase;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * the DM exactly once, and only what was in flight at the kill was tried again.
 */
class TwoReplicasCrashTest {
    private static final int PEOPLE = 10_000;
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

        Path errA = Files.createTempFile("replica-a", ".log");
        Path errB = Files.createTempFile("replica-b", ".log");
        Process a = new ProcessBuilder(javaCommand(pg.url(), sent)).redirectError(errA.toFile()).start();
        Process b = new ProcessBuilder(javaCommand(pg.url(), sent)).redirectError(errB.toFile()).start();
        try (BufferedReader outA = reader(a); BufferedReader outB = reader(b)) {
            expect("STARTED", outA, errA);
            expect("STARTED", outB, errB);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (deliveries(sent).size() < PEOPLE / 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            a.destroyForcibly();
            a.waitFor();
            expect("DONE", outB, errB); // B delivered everything A had not claimed
            b.waitFor();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
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
        Files.deleteIfExists(sent);
        Files.deleteIfExists(errA);
        Files.deleteIfExists(errB);
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void expect(String word, BufferedReader out, Path err) throws Exception {
        String line = out.readLine();
        if (!word.equals(line)) {
            fail("replica said '" + line + "'; its stderr:\n" + Files.readString(err));
        }
    }

    private static List<String> deliveries(Path sent) {
        return FileGateway.lines(sent).stream().filter(l -> l.startsWith("deliver ")).map(l -> l.split(" ")[2]).toList();
    }

    private static List<String> javaCommand(String url, Path sent) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"),
                "@" + System.getProperty("policybot.jvm.options"), OutboxChildProcess.class.getName(), url,
                sent.toString());
    }
}
