package io.policybot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.FakeSlackApi.Call;
import io.policybot.slack.testing.FakeSlackApi.Scripted;
import io.policybot.slack.testing.HttpModeFixture;
import io.policybot.slack.testing.SignedRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slack field report's protocol findings (B1, B5, B7-B10, N4), each against the real Bolt app in HTTP mode with
 * signed requests and the fake Web API; the engine is scripted, since these are about the adapter.
 */
class SlackFieldReportTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String USER = "U123";
    private static final String DM = FakeSlackApi.dmChannelOf(USER);

    private HttpModeFixture f;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() {
        logs.start();
        root.addAppender(logs);
        f = new HttpModeFixture();
    }

    @AfterEach
    void stop() {
        f.close();
        root.detachAppender(logs);
    }

    private static List<Reply> text(String text) {
        return List.of(new Reply(Reply.SAME, List.of(new Block.Text(text)), text));
    }

    private HttpResponse<String> dm(String eventId, String text, String ts) {
        return f.slack.event(eventId, SignedRequests.dmMessage(USER, DM, text, ts), Map.of());
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void B1_aFailedAuthTestAfterStartDoesNotLockRequestsOut() {
        f.engine.answer(in -> text("Answer"));
        f.api.enqueue("auth.test", Scripted.error("internal_error"));
        f.api.enqueue("auth.test", Scripted.status(500));
        HttpResponse<String> first = dm("Ev1", "question", "1700000001.000100");
        HttpResponse<String> second = dm("Ev2", "another", "1700000002.000100");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        f.api.awaitCalls("chat.postMessage", c -> true, 2, T);
    }

    @Test
    void B5_rateLimitsAndServerErrorsHaveSeparateBudgetsAndTheAnswerArrives() {
        for (int i = 0; i < 3; i++) {
            f.api.enqueue("chat.postMessage", Scripted.rateLimited(2));
        }
        f.api.enqueue("chat.postMessage", Scripted.status(500));
        f.api.enqueue("chat.postMessage", Scripted.status(500));
        f.engine.answer(in -> text("Answer"));
        dm("Ev1", "question", "1700000001.000100");
        List<Call> posts = f.api.awaitCalls("chat.postMessage", c -> true, 6, T);
        assertEquals(posts.getFirst().param("blocks"), posts.getLast().param("blocks"));
        f.drain();
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(250), Duration.ofMillis(500)), f.sleeper.waits());
        assertEquals(0, f.bot.undeliveredReplies());
    }

    @Test
    void B5_anAnswerThatCannotBeDeliveredIsLoggedCountedAndThePersonIsTold() {
        for (int i = 0; i < 3; i++) {
            f.api.enqueue("chat.postMessage", Scripted.rateLimited(2));
        }
        f.api.enqueue("chat.postMessage", Scripted.status(500));
        f.api.enqueue("chat.postMessage", Scripted.status(500));
        f.api.enqueue("chat.postMessage", Scripted.error("channel_not_found"));
        f.engine.answer(in -> text("The answer"));
        dm("Ev1", "question", "1700000001.000100");
        Call apology = f.api.await("chat.postMessage", c -> c.param("text").contains("could not send"), T);
        assertEquals(DM, apology.param("channel"));
        f.drain();
        assertEquals(1, f.bot.undeliveredReplies());
        assertTrue(warnings().stream().anyMatch(w -> w.contains("not delivered") && w.contains("channel_not_found")),
                warnings().toString());
    }

    @Test
    void B5_retriesStopAtTheTotalWaitLimit() {
        for (int i = 0; i < 5; i++) {
            f.api.enqueue("chat.postMessage", Scripted.rateLimited(30));
        }
        f.engine.answer(in -> text("Answer"));
        dm("Ev1", "question", "1700000001.000100");
        f.api.await("chat.postMessage", c -> c.param("text").contains("could not send"), T);
        f.drain();
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), f.sleeper.waits());
        assertEquals(1, f.bot.undeliveredReplies());
    }

    @Test
    void B7_aButtonWithoutAValueIsSentWithoutTheField() {
        f.engine.answer(in -> in instanceof Inbound.ButtonPress
                ? text("Pick a scenario")
                : List.of(new Reply(Reply.SAME, List.of(new Block.Buttons(List.of(
                        new Button("roleplay.start", "Try a role-play", ""),
                        new Button("quiz.start", "Quiz", "social-media")))), "")));
        dm("Ev1", "status", "1700000001.000100");
        JsonNode elements = f.api.await("chat.postMessage", T).json("blocks").get(0).get("elements");
        assertFalse(elements.get(0).has("value"), elements.toString());
        assertEquals("social-media", elements.get(1).get("value").asText());

        ObjectNode press = SignedRequests.buttonPress(USER, DM, "1700000000.000001", false, "roleplay.start#0", "",
                "trig-1", f.api.responseUrl("trig-1"));
        ((ObjectNode) press.get("actions").get(0)).remove("value");
        f.slack.blockActions(press);
        f.api.awaitCalls("chat.postMessage", c -> true, 2, T);
        Inbound.ButtonPress in = assertInstanceOf(Inbound.ButtonPress.class, f.engine.inbounds().get(1));
        assertEquals("roleplay.start", in.actionId());
        assertEquals("", in.value());
    }

    @Test
    void B8_theSameMessageUnderANewEventIdIsAnsweredOnce() {
        f.engine.answer(in -> text("Answer"));
        dm("Ev1", "question", "1700000001.000100");
        dm("Ev2", "question", "1700000001.000100");
        f.api.await("chat.postMessage", T);
        f.drain();
        assertEquals(1, f.engine.inbounds().size());
        assertEquals(1, f.api.calls("chat.postMessage").size());
    }

    @Test
    void B9_aDmWithAFileAttachedIsAnsweredFromItsText() {
        f.engine.answer(in -> text("Answer"));
        ObjectNode event = SignedRequests.dmMessage(USER, DM, "can I post this screenshot?", "1700000001.000100")
                .put("subtype", "file_share");
        event.putArray("files").addObject().put("id", "F0SCREEN1").put("name", "screenshot.png")
                .put("mimetype", "image/png");
        f.slack.event("Ev1", event, Map.of());
        assertEquals(DM, f.api.await("chat.postMessage", T).param("channel"));
        Inbound.Message in = assertInstanceOf(Inbound.Message.class, f.engine.inbounds().getFirst());
        assertEquals("can I post this screenshot?", in.text());
    }

    @Test
    void B10_aRateLimitedUsersInfoDoesNotHoldTheAnswer() {
        for (int i = 0; i < 5; i++) {
            f.api.enqueue("users.info", Scripted.rateLimited(3));
        }
        f.engine.answer(in -> text("Answer"));
        dm("Ev1", "question", "1700000001.000100");
        dm("Ev2", "another", "1700000002.000100");
        f.api.awaitCalls("chat.postMessage", c -> true, 2, T);
        f.drain();
        assertEquals(List.of(), f.sleeper.waits(), "waited for users.info");
        assertEquals(1, f.api.calls("users.info").size(), "the failure is remembered for a while");
        assertNull(f.engine.inbounds().getFirst().actor().locale());
    }

    @Test
    void N4_aCommandAnsweredThroughResponseUrlOpensNoDm() {
        f.api.enqueue("chat.postMessage", Scripted.error("not_in_channel"));
        f.engine.answer(in -> text("Answer"));
        f.slack.command(USER, "C999", "random", "ask can I?", "trig-1", f.api.responseUrl("r1"));
        f.api.await("response_url", T);
        f.drain();
        assertTrue(f.api.calls("conversations.open").isEmpty(), f.api.methods().toString());
        assertEquals(0, f.bot.undeliveredReplies());
    }
}
