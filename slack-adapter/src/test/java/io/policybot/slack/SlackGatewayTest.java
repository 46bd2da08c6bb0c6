package io.policybot.slack;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.FakeSlackApi.Scripted;
import io.policybot.slack.testing.RecordingSleeper;
import io.policybot.slack.testing.ScriptedEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox's gateway: one attempt per call, and a result that tells the outbox whether to retry. */
class SlackGatewayTest {
    private static final List<Block> BLOCKS = List.of(new Block.Heading("New policy version"), new Block.Text("Please read it"));

    private final FakeSlackApi api = FakeSlackApi.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final SlackBot bot = bot(api.apiUrl(), "CANN00001");
    private final ChatGateway gateway = bot.gateway();

    private SlackBot bot(String apiUrl, String announcements) {
        return new SlackBot(SlackConfig.socketMode("xoxb-test", "xapp-test", "CHR000001", announcements),
                new ScriptedEngine(), Clock.systemUTC(), SlackBot.Options.defaults().withApiUrl(apiUrl).withSleeper(sleeper));
    }

    @AfterEach
    void stop() {
        bot.stop();
        api.close();
    }

    @Test
    void sendDirectOpensTheDmAndPosts() {
        DeliveryResult result = gateway.sendDirect("U123", BLOCKS, "New policy version");
        String ts = assertInstanceOf(DeliveryResult.Sent.class, result).messageRef();
        FakeSlackApi.Call post = api.calls("chat.postMessage").getFirst();
        assertEquals("D123", post.param("channel"));
        assertEquals("slack", gateway.platform());
        assertTrue(ts.startsWith("1700000000."), ts);
        assertEquals(List.of("conversations.open", "chat.postMessage"), api.methods());
    }

    @Test
    void sendToChannelUsesTheConfiguredIds() {
        assertInstanceOf(DeliveryResult.Sent.class, gateway.sendToChannel(Reply.ChannelRole.ANNOUNCEMENTS, BLOCKS, ""));
        assertInstanceOf(DeliveryResult.Sent.class, gateway.sendToChannel(Reply.ChannelRole.HR, BLOCKS, ""));
        assertEquals(List.of("CANN00001", "CHR000001"),
                api.calls("chat.postMessage").stream().map(c -> c.param("channel")).toList());
    }

    @Test
    void anUnconfiguredChannelFails() {
        try (SlackBot other = bot(api.apiUrl(), null)) {
            DeliveryResult result = other.gateway().sendToChannel(Reply.ChannelRole.ANNOUNCEMENTS, BLOCKS, "");
            assertInstanceOf(DeliveryResult.Failed.class, result);
        }
    }

    @Test
    void aRateLimitBecomesRetryLaterWithRetryAfterAndIsNotRetriedHere() {
        api.enqueue("chat.postMessage", Scripted.rateLimited(12));
        DeliveryResult result = gateway.sendToChannel(Reply.ChannelRole.HR, BLOCKS, "");
        DeliveryResult.RetryLater later = assertInstanceOf(DeliveryResult.RetryLater.class, result);
        assertEquals(Duration.ofSeconds(12), later.after());
        assertEquals(1, api.calls("chat.postMessage").size());
        assertTrue(sleeper.waits().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_not_found", "cannot_dm_bot", "account_inactive", "user_disabled"})
    void aPersonWhoCannotBeReachedFails(String error) {
        api.enqueue("conversations.open", Scripted.error(error));
        DeliveryResult.Failed failed = assertInstanceOf(DeliveryResult.Failed.class, gateway.sendDirect("U404", BLOCKS, ""));
        assertEquals(error, failed.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "is_archived"})
    void aChannelThatCannotBePostedToFails(String error) {
        api.enqueue("chat.postMessage", Scripted.error(error));
        DeliveryResult.Failed failed = assertInstanceOf(DeliveryResult.Failed.class,
                gateway.sendToChannel(Reply.ChannelRole.HR, BLOCKS, ""));
        assertEquals(error, failed.reason());
    }

    @Test
    void aServerErrorIsRetriedLater() {
        api.enqueue("chat.postMessage", Scripted.status(503));
        assertInstanceOf(DeliveryResult.RetryLater.class, gateway.sendToChannel(Reply.ChannelRole.HR, BLOCKS, ""));
        api.enqueue("chat.postMessage", Scripted.error("internal_error"));
        assertInstanceOf(DeliveryResult.RetryLater.class, gateway.sendToChannel(Reply.ChannelRole.HR, BLOCKS, ""));
    }

    @Test
    void aNetworkFailureIsRetriedLater() {
        FakeSlackApi gone = FakeSlackApi.start();
        String url = gone.apiUrl();
        gone.close();
        try (SlackBot offline = bot(url, null)) {
            DeliveryResult result = offline.gateway().sendDirect("U123", BLOCKS, "");
            assertEquals("network", assertInstanceOf(DeliveryResult.RetryLater.class, result).reason());
        }
    }

    @Test
    void attachmentsAreUploadedToTheSameConversation() {
        List<Block> blocks = List.of(new Block.Text("Weekly report"),
                new Block.Attachment("report.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(DeliveryResult.Sent.class, gateway.sendToChannel(Reply.ChannelRole.HR, blocks, ""));
        assertEquals("CHR000001", api.calls("files.completeUploadExternal").getFirst().param("channel_id"));
    }
}
