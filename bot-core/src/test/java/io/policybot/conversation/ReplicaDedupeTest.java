package io.policybot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policybot.chat.Actor;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ChatGateways;
import io.policybot.chat.Inbound;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.store.Database;
import io.policybot.testing.PostgresTestDatabase;
import io.policybot.testing.TestAnswerers;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestServices;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A platform retry that lands on another replica (a load balancer in front of two) is answered once. */
class ReplicaDedupeTest {
    private final PostgresTestDatabase pg = new PostgresTestDatabase();
    private final TestClock clock = TestClock.at("2026-11-21T10:00:00Z");

    @AfterEach
    void close() {
        pg.close();
    }

    private PolicyConversationEngine engine(Database db) {
        return TestServices.builder(db, io.policybot.testing.TestContent::bundled, clock, 7).build()
                .engine(TestAnswerers.live(), StaffCommands.unavailable(), ChatGateways.none(), 1000);
    }

    @Test
    void aRetryOnTheOtherReplicaGetsNoSecondAnswer() {
        PolicyConversationEngine first = engine(pg.database());
        PolicyConversationEngine second = engine(pg.replica());
        Actor alice = new Actor("slack", "U1", "Alice", Locale.ENGLISH);
        Inbound.Message m = new Inbound.Message(alice, new ChannelRef("D1", true), "Can I post photos of coworkers?",
                Inbound.Message.Kind.DIRECT_MESSAGE, "Ev123");
        assertEquals(1, first.handle(m).size());
        assertEquals(List.of(), second.handle(m));
        Inbound.Message sameIdOnDiscord = new Inbound.Message(new Actor("discord", "U1", "Alice", Locale.ENGLISH),
                new ChannelRef("D1", true), "Can I post photos of coworkers?", Inbound.Message.Kind.DIRECT_MESSAGE,
                "Ev123");
        assertEquals(1, second.handle(sameIdOnDiscord).size(), "another platform's id is another delivery");
        assertEquals(2, new SqlQuestionLogRepository(pg.database()).since(clock.instant().minusSeconds(60)).size());
    }
}
