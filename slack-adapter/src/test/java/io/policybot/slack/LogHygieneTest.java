package io.policybot.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.policybot.chat.Block;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.FakeSlackApi.Scripted;
import io.policybot.slack.testing.HttpModeFixture;
import io.policybot.slack.testing.SignedRequests;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever happens (errors, retries, rejected requests, engine failures), no token, secret or user text is logged. */
class LogHygieneTest {
    private static final String QUESTION = "may I post the secret Falcon roadmap";

    @Test
    void noTokensOrUserTextInLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (HttpModeFixture f = new HttpModeFixture()) {
            f.engine.answer(in -> {
                String text = ((Inbound.Message) in).text();
                if (text.contains("fail")) {
                    throw new IllegalStateException("engine choked on: " + text);
                }
                return List.of(new Reply(Reply.SAME, List.of(new Block.Text("You asked " + text)), text));
            });
            f.api.enqueue("chat.postMessage", Scripted.rateLimited(1));
            f.api.enqueue("users.info", Scripted.error("user_not_found"));
            String dm = FakeSlackApi.dmChannelOf("U123");
            f.slack.event("Ev1", SignedRequests.dmMessage("U123", dm, QUESTION, "1.1"), Map.of());
            f.slack.event("Ev1", SignedRequests.dmMessage("U123", dm, QUESTION, "1.1"), Map.of("X-Slack-Retry-Num", "1"));
            f.slack.event("Ev2", SignedRequests.dmMessage("U123", dm, QUESTION + " fail", "1.2"), Map.of());
            f.api.enqueue("chat.postMessage", Scripted.error("channel_not_found"));
            f.slack.event("Ev3", SignedRequests.mention("U123", "C456", "<@UBOT> " + QUESTION, "1.3"), Map.of());
            String body = SignedRequests.eventCallback("Ev4", SignedRequests.dmMessage("U123", dm, QUESTION, "1.4"));
            String stale = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
            f.slack.sendSigned(body, "application/json", stale, f.slack.sign(stale, body), Map.of());
            f.api.awaitCalls("chat.postMessage", c -> true, 3, Duration.ofSeconds(10));
            f.drain();
        } finally {
            root.detachAppender(logs);
        }

        List<String> lines = logs.list.stream().map(LogHygieneTest::render).toList();
        assertTrue(lines.size() >= 3, "the scenario logged something: " + lines);
        for (String line : lines) {
            assertFalse(line.contains(HttpModeFixture.BOT_TOKEN), line);
            assertFalse(line.contains(HttpModeFixture.SIGNING_SECRET), line);
            assertFalse(line.contains("Falcon"), line);
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder s = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            s.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return s.toString();
    }
}
