package io.policybot.announcements;

import java.util.Set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pacing, Retry-After, backoff and permanent failures, all in simulated time. */
class OutboxDispatcherTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");

    private Announcements wire(Fixtures.FakeGateway gateway, AnnouncementSettings settings, int people) {
        SqlPersonRepository repo = new SqlPersonRepository(db.database());
        for (int i = 0; i < people; i++) {
            repo.findOrCreate("slack", String.format("U%03d", i), null, clock.instant());
        }
        Announcements a = TestServices.builder(db.database(), Fixtures::v11, clock, 1).announcing(settings)
                .sleeper(Fixtures.sleeper(clock)).platforms(Set.of("slack")).build().announcements();
        a.delivery(Map.<String, ChatGateway>of("slack", gateway));
        a.publisher().publish(TestContent.bundled());
        a.publisher().publish(Fixtures.v11());
        var preview = (AnnouncementService.Preview) a.service().prepare(null, null);
        a.service().confirm(preview.draft().id());
        return a;
    }

    @Test
    void sendsAtThePlatformsPaceInSimulatedTime() throws Exception {
        Fixtures.FakeGateway slack = new Fixtures.FakeGateway("slack", clock);
        Announcements a = wire(slack, AnnouncementSettings.defaults().withRate("slack", 2.0), 40);
        Instant start = clock.instant();
        a.dispatcher().drain();
        assertEquals(40, slack.delivered.size());
        // 41 messages (40 DMs and the channel post) at 2 a second: the first at once, then one every 0.5 s.
        assertEquals(Duration.ofMillis(20_000), Duration.between(start, clock.instant()));
        for (int i = 1; i < slack.times.size(); i++) {
            assertEquals(Duration.ofMillis(500), Duration.between(slack.times.get(i - 1), slack.times.get(i)));
        }
    }

    @Test
    void retryAfterIsHonouredForTheWholePlatformAndTransientErrorsBackOff() throws Exception {
        Fixtures.FakeGateway slack = new Fixtures.FakeGateway("slack", clock)
                .answer("U000", new DeliveryResult.RetryLater(Duration.ofSeconds(30), "ratelimited"))
                .answer("U001", new DeliveryResult.RetryLater(Duration.ZERO, "503"), new DeliveryResult.RetryLater(Duration.ZERO, "503"));
        Announcements a = wire(slack, AnnouncementSettings.defaults(), 3);
        java.util.List<String> attempts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        a.onAttempt((platform, attempt, outcome) -> attempts.add(platform + " " + attempt + " " + outcome));
        Instant start = clock.instant();
        a.dispatcher().drain();
        assertEquals(3, slack.delivered.size());
        // Told of every attempt (the meters): U000 once limited, U001 twice down, then each sent; the channel post.
        assertEquals(java.util.List.of("slack 1 RETRY", "slack 1 RETRY", "slack 2 RETRY"),
                attempts.stream().filter(x -> x.endsWith("RETRY")).sorted().toList());
        assertEquals(java.util.List.of("slack 1 SENT", "slack 1 SENT", "slack 2 SENT", "slack 3 SENT"),
                attempts.stream().filter(x -> x.endsWith("SENT")).sorted().toList());
        // After the 429 nothing went out on the platform for 30 s, then U000 got it.
        Instant limited = slack.times.get(slack.attempts.indexOf("U000"));
        assertTrue(slack.times.stream().noneMatch(t -> t.isAfter(limited) && t.isBefore(limited.plusSeconds(30))),
                slack.times.toString());
        assertTrue(!slack.times.get(slack.attempts.lastIndexOf("U000")).isBefore(limited.plusSeconds(30)));
        // Two 503s: tried again after 2 s, then 4 s (exponential backoff), then sent.
        assertEquals(3, a.outbox().find(key(a, "U001")).orElseThrow().attempts());
        assertEquals(OutboxMessage.Status.SENT, a.outbox().find(key(a, "U000")).orElseThrow().status());
        assertTrue(Duration.between(start, clock.instant()).getSeconds() >= 30);
    }

    @Test
    void permanentFailuresAreRecordedAndRepeatedTransientOnesGiveUp() throws Exception {
        DeliveryResult[] alwaysDown = new DeliveryResult[8];
        java.util.Arrays.fill(alwaysDown, new DeliveryResult.RetryLater(Duration.ZERO, "timeout"));
        Fixtures.FakeGateway slack = new Fixtures.FakeGateway("slack", clock)
                .answer("U000", new DeliveryResult.Failed("user_not_found"))
                .answer("U001", alwaysDown);
        Announcements a = wire(slack, AnnouncementSettings.defaults(), 3);
        a.dispatcher().drain();
        OutboxMessage gone = a.outbox().find(key(a, "U000")).orElseThrow();
        assertEquals(OutboxMessage.Status.FAILED, gone.status());
        assertEquals("user_not_found", gone.lastError());
        assertEquals(1, gone.attempts());
        OutboxMessage down = a.outbox().find(key(a, "U001")).orElseThrow();
        assertEquals(OutboxMessage.Status.FAILED, down.status());
        assertEquals(8, down.attempts());
        assertTrue(down.lastError().startsWith("gave up after 8 attempts"), down.lastError());
        assertEquals(1, slack.delivered.size());
    }

    private static String key(Announcements a, String user) {
        String id = a.service().status().getFirst().announcement().id();
        return id + ":slack:" + user;
    }
}
