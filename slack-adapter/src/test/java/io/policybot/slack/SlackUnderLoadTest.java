package io.policybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.HttpModeFixture;
import io.policybot.slack.testing.SignedRequests;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Field report B6: when answering is saturated, Slack still gets its acknowledgement at once, and the people the bot
 * cannot answer now are told so, instead of waiting in a queue without end (or never hearing back).
 */
class SlackUnderLoadTest {
    private static final Duration T = Duration.ofSeconds(10);

    @Test
    void B6_whenTheAnswerQueueIsFullPeopleAreAckedAndToldToAskAgain() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        // One answering thread, room for two events in all: the first is answered slowly, the second waits.
        try (HttpModeFixture f = new HttpModeFixture(Clock.systemUTC(), o -> o.withAnswering(1, 2).withMeters(meters))) {
            f.engine.answer(in -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(new Reply(Reply.SAME, List.of(new Block.Text("Your answer")), "Your answer"));
            });
            for (int i = 1; i <= 4; i++) {
                String user = "U0PERSON" + i;
                long t0 = System.nanoTime();
                HttpResponse<String> ack = f.slack.event("Ev" + i, SignedRequests.dmMessage(user,
                        FakeSlackApi.dmChannelOf(user), "question " + i, "1700000000.00000" + i), Map.of());
                assertEquals(200, ack.statusCode());
                assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(1)) < 0,
                        "acknowledged at once, not after the answer");
            }
            // Persons 3 and 4 found the queue full: each is told, in their DM, to ask again in a minute.
            String busy = f.api.awaitCalls("chat.postMessage", c -> c.param("text").contains("ask again in a minute"),
                    2, T).stream().map(c -> c.param("channel")).sorted().toList().toString();
            assertEquals(List.of(FakeSlackApi.dmChannelOf("U0PERSON3"), FakeSlackApi.dmChannelOf("U0PERSON4")).toString(), busy);
            assertEquals(2, f.bot.queuedEvents(), "the first is being answered, the second waits");
            release.countDown();
            List<String> answered = f.api.awaitCalls("chat.postMessage", c -> c.param("text").equals("Your answer"), 2, T)
                    .stream().map(c -> c.param("channel")).sorted().toList();
            assertEquals(List.of(FakeSlackApi.dmChannelOf("U0PERSON1"), FakeSlackApi.dmChannelOf("U0PERSON2")), answered,
                    "everyone who got in is answered");
            assertEquals(2.0, meters.get("policybot.chat.events").tags("outcome", "busy").counter().count());
            assertEquals(2.0, meters.get("policybot.chat.events").tags("outcome", "queued").counter().count());
            assertEquals(4, meters.get("policybot.slack.ack").timer().count(), "every acknowledgement timed");
            assertTrue(meters.get("policybot.chat.api.calls").tags("method", "chat.postMessage", "outcome", "ok")
                    .counter().count() >= 2, "Web API calls counted by method and outcome");
        }
    }
}
