package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 in the middle of sending an announcement: a child JVM drains the outbox through a platform that records
 * every call in a file, is killed with destroyForcibly part-way, and a restarted dispatcher on the same database
 * finishes. Every recipient received the DM exactly once, and only messages in flight at the kill were tried again.
 */
class OutboxCrashTest {
    private static final int PEOPLE = 1500;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledDispatcherResumesAndNobodyGetsTheDmTwice() throws Exception {
        Path sent = Files.createTempFile("outbox-platform", ".log");
        TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
        Database database = db.database();
        SqlPersonRepository people = new SqlPersonRepository(database);
        for (int i = 0; i < PEOPLE; i++) {
            people.findOrCreate("slack", String.format("U%05d", i), null, clock.instant());
        }
        Announcements setup = OutboxChildProcess.wire(database, sent, clock, Fixtures.sleeper(clock));
        setup.publisher().publish(TestContent.bundled());
        setup.publisher().publish(Fixtures.v11());
        var preview = (AnnouncementService.Preview) setup.service().prepare(null, null);
        setup.service().confirm(preview.draft().id());
        database.close(); // the parent lets go of the file

        try (ChildProcesses.Child child = ChildProcesses.start(db.file().toString(), sent.toString())) {
            child.expect("STARTED");
            ChildProcesses.awaitDeliveries(sent, PEOPLE / 3, 60);
            child.kill();
        }
        int before = deliveries(sent).size();
        assertTrue(before >= PEOPLE / 3 && before < PEOPLE, "delivered before the kill: " + before);

        // The restart: same database file, same platform record.
        Database restarted = db.reopen();
        Announcements again = OutboxChildProcess.wire(restarted, sent, clock, Fixtures.sleeper(clock));
        int inFlight = again.dispatcher().resumeInFlight();
        again.dispatcher().drain();

        Map<String, Long> perRecipient = deliveries(sent).stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertEquals(PEOPLE + 1, perRecipient.size()); // everyone, and the channel post
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), "someone got the DM twice");
        long attempts = FileGateway.lines(sent).stream().filter(l -> l.startsWith("attempt ")).count();
        assertTrue(attempts - (PEOPLE + 1) <= inFlight, "retried " + (attempts - PEOPLE - 1) + ", in flight " + inFlight);
        assertTrue(inFlight <= 100, "in flight at the kill: " + inFlight);
        AnnouncementOutbox.Progress progress = again.service().status().getFirst().progress();
        assertEquals(PEOPLE, progress.sent());
        assertEquals(0, progress.pending());
        Files.deleteIfExists(sent);
    }

    private static List<String> deliveries(Path sent) {
        return ChildProcesses.deliveries(sent);
    }
}
