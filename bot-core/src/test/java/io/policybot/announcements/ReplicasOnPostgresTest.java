package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.ChatGateway;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.store.Database;
import io.policybot.testing.PostgresTestDatabase;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestServices;
import io.policybot.versions.sql.SqlPolicyVersionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the bot on one real PostgreSQL: each with its own connection pool, dispatcher, scheduler and fake
 * Slack. Publishing, confirming, delivering and reminding happen once however the work is split between them.
 */
class ReplicasOnPostgresTest {
    private static final int PEOPLE = 400;
    private final PostgresTestDatabase pg = new PostgresTestDatabase();
    private final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    private final AnnouncementSettings settings = AnnouncementSettings.defaults().withRate("slack", 1000.0);

    @AfterEach
    void close() {
        pg.close();
    }

    private record Replica(Announcements bot, Fixtures.FakeGateway slack) {
    }

    private Replica replica(Database db) {
        Fixtures.FakeGateway slack = new Fixtures.FakeGateway("slack", clock);
        Announcements bot = TestServices.builder(db, Fixtures::v11, clock, 1).announcing(settings)
                .sleeper(Fixtures.sleeper(clock)).platforms(java.util.Set.of("slack")).build().announcements();
        bot.delivery(Map.<String, ChatGateway>of("slack", slack));
        return new Replica(bot, slack);
    }

    private static <T> List<T> together(Collection<Callable<T>> work) throws Exception {
        List<T> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<T> f : pool.invokeAll(work)) {
                out.add(f.get());
            }
        }
        return out;
    }

    private static Map<String, Long> perUser(List<String> delivered) {
        return delivered.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void everyoneGetsOneAnnouncementAndOneReminderADayWhicheverReplicaSendsIt() throws Exception {
        Replica a = replica(pg.database());
        Replica b = replica(pg.replica());
        SqlPersonRepository people = new SqlPersonRepository(pg.database());
        for (int i = 0; i < PEOPLE; i++) {
            people.findOrCreate("slack", String.format("U%04d", i), null, clock.instant());
        }
        // Both replicas start together and publish the same content: one version row each.
        together(List.of(() -> a.bot().publisher().publish(TestContent.bundled()),
                () -> b.bot().publisher().publish(TestContent.bundled())));
        together(List.of(() -> a.bot().publisher().publish(Fixtures.v11()),
                () -> b.bot().publisher().publish(Fixtures.v11())));
        assertEquals(2, new SqlPolicyVersionStore(pg.database()).history("social-media").size());

        var preview = (AnnouncementService.Preview) a.bot().service().prepare(null, null);
        String id = preview.draft().id();
        // HR presses confirm twice, the presses landing on different replicas at once: one announcement goes out.
        List<AnnouncementService.Confirmation> presses = together(List.of(() -> a.bot().service().confirm(id),
                () -> b.bot().service().confirm(id)));
        assertEquals(1, presses.stream().filter(c -> c.outcome() == AnnouncementService.Outcome.SENT).count(),
                presses.toString());

        List<Integer> handled = together(List.of(() -> a.bot().dispatcher().dispatchDue("slack"),
                () -> b.bot().dispatcher().dispatchDue("slack")));
        List<String> dms = new ArrayList<>(a.slack().delivered);
        dms.addAll(b.slack().delivered);
        assertEquals(PEOPLE, dms.size(), "handled " + handled);
        assertTrue(perUser(dms).values().stream().allMatch(n -> n == 1), "nobody gets the DM twice");
        assertEquals(1, a.slack().channelPosts.size() + b.slack().channelPosts.size());

        // A week before the due date both replicas run the reminder tick and deliver: one reminder each.
        clock.advance(Duration.ofDays(23));
        List<Integer> queued = together(List.of(a.bot().reminders()::tick, b.bot().reminders()::tick));
        assertEquals(PEOPLE, queued.get(0) + queued.get(1), queued.toString());
        a.slack().delivered.clear();
        b.slack().delivered.clear();
        together(List.of(() -> a.bot().dispatcher().dispatchDue("slack"),
                () -> b.bot().dispatcher().dispatchDue("slack")));
        List<String> reminders = new ArrayList<>(a.slack().delivered);
        reminders.addAll(b.slack().delivered);
        assertEquals(PEOPLE, reminders.size());
        assertEquals(PEOPLE, perUser(reminders).size());
    }

    @Test
    void aReplicaThatDiesMidSendIsFinishedByTheOtherAfterTheLeaseAndNoOneGetsTwo() throws Exception {
        Replica a = replica(pg.database());
        Replica b = replica(pg.replica());
        SqlPersonRepository people = new SqlPersonRepository(pg.database());
        for (int i = 0; i < 50; i++) {
            people.findOrCreate("slack", String.format("U%04d", i), null, clock.instant());
        }
        a.bot().publisher().publish(TestContent.bundled());
        a.bot().publisher().publish(Fixtures.v11());
        var preview = (AnnouncementService.Preview) a.bot().service().prepare(null, null);
        a.bot().service().confirm(preview.draft().id());
        // Replica A claims a batch and dies before sending any of it (its rows stay 'sending', under its lease).
        List<OutboxMessage> lost = a.bot().outbox().claim("slack", clock.instant(), 20);
        assertEquals(20, lost.size());
        // B restarts its delivery now: A's rows are still leased, so B sends only the others.
        b.bot().dispatcher().resumeInFlight();
        b.bot().dispatcher().dispatchDue("slack");
        assertEquals(50 + 1 - 20, b.slack().delivered.size() + b.slack().channelPosts.size());
        // After the lease B takes A's rows over and sends them, once.
        clock.advance(Duration.ofMinutes(11));
        b.bot().dispatcher().dispatchDue("slack");
        Map<String, Long> got = perUser(b.slack().delivered);
        assertEquals(50, got.size());
        assertTrue(got.values().stream().allMatch(n -> n == 1), got.toString());
        assertEquals(new HashMap<>(), perUser(a.slack().delivered));
    }
}
