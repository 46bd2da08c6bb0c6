package io.policybot.slack;

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

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Bolt app in HTTP mode on a free port, fed signed Slack requests, talking to a fake Web API;
 * the engine is scripted, so what is tested is the translation both ways.
 */
class SlackHttpModeTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String USER = "U123";
    private static final String DM = FakeSlackApi.dmChannelOf(USER);
    private static final String CHANNEL = "C456";

    private HttpModeFixture f;

    @BeforeEach
    void start() {
        f = new HttpModeFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static List<Reply> reply(Reply.Placement placement, Block... blocks) {
        return List.of(new Reply(placement, List.of(blocks), "fallback text"));
    }

    private HttpResponse<String> dm(String eventId, String text) {
        // One ts per event id: the same message under two event ids is answered once (B8).
        String ts = "17000000" + String.format("%02d", Math.floorMod(eventId.hashCode(), 100)) + ".000100";
        return f.slack.event(eventId, SignedRequests.dmMessage(USER, DM, text, ts), Map.of());
    }

    private HttpResponse<String> mention(String eventId, String text, String ts) {
        return f.slack.event(eventId, SignedRequests.mention(USER, CHANNEL, text, ts), Map.of());
    }

    private HttpResponse<String> press(String channel, String messageTs, boolean ephemeral, String actionId,
                                       String value, String trigger) {
        return f.slack.blockActions(SignedRequests.buttonPress(USER, channel, messageTs, ephemeral, actionId, value,
                trigger, f.api.responseUrl(trigger)));
    }

    @Test
    void slashCommandIsAcknowledgedBeforeTheEngineAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        f.engine.answer(in -> {
            await(release);
            return reply(Reply.SAME, new Block.Text("Yes, with care."));
        });
        f.api.setLocale(USER, "zh-CN");

        long started = System.nanoTime();
        HttpResponse<String> response = f.slack.command(USER, CHANNEL, "general", "ask can I post?", "trig-1",
                f.api.responseUrl("r1"));
        long ackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(200, response.statusCode());
        assertTrue(ackMillis < 3000, "acknowledged in " + ackMillis + " ms");
        assertTrue(f.api.calls("chat.postMessage").isEmpty(), "nothing is posted before the engine answers");
        release.countDown();

        Call post = f.api.await("chat.postMessage", T);
        assertEquals(CHANNEL, post.param("channel"));
        Inbound.Message in = assertInstanceOf(Inbound.Message.class, f.engine.inbounds().getFirst());
        assertEquals(Inbound.Message.Kind.COMMAND, in.kind());
        assertEquals("ask can I post?", in.text());
        assertEquals("trig-1", in.deliveryId());
        assertEquals(CHANNEL, in.channel().id());
        assertFalse(in.channel().direct());
        assertEquals("slack", in.actor().platform());
        assertEquals(USER, in.actor().userId());
        assertEquals("Alice", in.actor().displayName());
        assertEquals(Locale.forLanguageTag("zh-CN"), in.actor().locale());
        assertEquals("1", f.api.calls("users.info").getFirst().param("include_locale"));
    }

    @Test
    void userLocaleIsFetchedOnceAndCached() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("ok")));
        dm("Ev1", "first");
        dm("Ev2", "second");
        f.api.awaitCalls("chat.postMessage", c -> true, 2, T);
        assertEquals(1, f.api.calls("users.info").size());
    }

    @Test
    void directMessageIsAnsweredInTheDmWithoutAThread() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        assertEquals(200, dm("Ev1", "<@UBOT> can I post about my work?").statusCode());

        Call post = f.api.await("chat.postMessage", T);
        assertEquals(DM, post.param("channel"));
        assertNull(post.param("thread_ts"));
        Inbound.Message in = assertInstanceOf(Inbound.Message.class, f.engine.inbounds().getFirst());
        assertEquals(Inbound.Message.Kind.DIRECT_MESSAGE, in.kind());
        assertEquals("can I post about my work?", in.text());
        assertTrue(in.channel().direct());
        assertEquals("Ev1", in.deliveryId());
    }

    @Test
    void mentionIsAnsweredInItsThread() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        mention("Ev1", "<@UBOT> can I share a screenshot?", "1700000100.000200");

        Call post = f.api.await("chat.postMessage", T);
        assertEquals(CHANNEL, post.param("channel"));
        assertEquals("1700000100.000200", post.param("thread_ts"));
        Inbound.Message in = assertInstanceOf(Inbound.Message.class, f.engine.inbounds().getFirst());
        assertEquals(Inbound.Message.Kind.MENTION, in.kind());
        assertEquals("can I share a screenshot?", in.text());
        assertFalse(in.channel().direct());
    }

    @Test
    void mentionInsideAThreadStaysInThatThread() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        ObjectNode event = SignedRequests.mention(USER, CHANNEL, "<@UBOT> and this?", "1700000200.000300")
                .put("thread_ts", "1700000100.000200");
        f.slack.event("Ev1", event, Map.of());
        assertEquals("1700000100.000200", f.api.await("chat.postMessage", T).param("thread_ts"));
    }

    @Test
    void privateReplyInAChannelIsEphemeral() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("Only you see this")));
        mention("Ev1", "<@UBOT> my status", "1700000100.000200");

        Call eph = f.api.await("chat.postEphemeral", T);
        assertEquals(CHANNEL, eph.param("channel"));
        assertEquals(USER, eph.param("user"));
        assertEquals("1700000100.000200", eph.param("thread_ts"));
        f.drain();
        assertTrue(f.api.calls("chat.postMessage").isEmpty());
    }

    @Test
    void privateReplyInTheDmIsANormalMessage() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("Your status")));
        dm("Ev1", "status");
        assertEquals(DM, f.api.await("chat.postMessage", T).param("channel"));
        f.drain();
        assertTrue(f.api.calls("chat.postEphemeral").isEmpty());
    }

    @Test
    void dmPlacementOpensTheConversationThenPosts() {
        f.engine.answer(in -> reply(Reply.DM, new Block.Text("Let's train in private")));
        mention("Ev1", "<@UBOT> quiz", "1700000100.000200");

        Call post = f.api.await("chat.postMessage", T);
        assertEquals(DM, post.param("channel"));
        assertNull(post.param("thread_ts"));
        assertEquals(USER, f.api.calls("conversations.open").getFirst().param("users"));
        List<String> methods = f.api.methods();
        assertTrue(methods.indexOf("conversations.open") < methods.indexOf("chat.postMessage"), methods.toString());
    }

    @Test
    void aDuplicatedEventIdIsAnsweredOnce() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        assertEquals(200, dm("Ev-dup", "hello").statusCode());
        assertEquals(200, dm("Ev-dup", "hello").statusCode());
        f.api.await("chat.postMessage", T);
        f.drain();
        assertEquals(1, f.engine.inbounds().size());
        assertEquals(1, f.api.calls("chat.postMessage").size());
    }

    @Test
    void aRetriedDeliveryIsAnsweredOnce() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        ObjectNode event = SignedRequests.dmMessage(USER, DM, "hello", "1700000050.000100");
        assertEquals(200, f.slack.event("Ev-retry", event, Map.of()).statusCode());
        Map<String, String> retry = Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");
        assertEquals(200, f.slack.event("Ev-retry", event, retry).statusCode());
        Map<String, String> retry2 = Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout");
        assertEquals(200, f.slack.event("Ev-retry", event, retry2).statusCode());
        f.drain();
        assertEquals(1, f.engine.inbounds().size());
        assertEquals(1, f.api.calls("chat.postMessage").size());
    }

    @Test
    void aBadOrStaleSignatureIsRejectedWith401AndNothingRuns() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        int authTestsBefore = f.api.calls("auth.test").size();
        String body = SignedRequests.eventCallback("Ev1", SignedRequests.dmMessage(USER, DM, "hi", "1.2"));
        String now = String.valueOf(Instant.now().getEpochSecond());
        String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());

        HttpResponse<String> forged = f.slack.sendSigned(body, "application/json", now, "v0=" + "0".repeat(64), Map.of());
        HttpResponse<String> wrongSecret = f.slack.sendSigned(body, "application/json", now,
                new SignedRequests("another-secret", 1).sign(now, body), Map.of());
        HttpResponse<String> old = f.slack.sendSigned(body, "application/json", stale, f.slack.sign(stale, body), Map.of());
        HttpResponse<String> tampered = f.slack.sendSigned(body.replace("hi", "hey"), "application/json", now,
                f.slack.sign(now, body), Map.of());

        for (HttpResponse<String> r : List.of(forged, wrongSecret, old, tampered)) {
            assertEquals(401, r.statusCode());
        }
        f.drain();
        assertTrue(f.engine.inbounds().isEmpty());
        assertEquals(List.of(), f.api.methods());
        assertEquals(authTestsBefore, f.api.calls("auth.test").size(), "Bolt never ran");
    }

    @Test
    void userTextIsEscapedInEverythingSent() {
        f.engine.answer(in -> {
            String echoed = ((Inbound.Message) in).text();
            String text = "You asked: " + echoed + " <!here> <@U999> <!channel> a&b";
            return List.of(new Reply(Reply.SAME, List.of(new Block.Heading(text), new Block.Text(text),
                    new Block.Bullets(text, List.of(text)), new Block.Context(text)), text));
        });
        // Slack escapes what a person types: a literal "<!channel>" arrives as &lt;!channel&gt;
        dm("Ev1", "ping &lt;!channel&gt; <!here> <@U999>");

        Call post = f.api.await("chat.postMessage", T);
        Inbound.Message in = (Inbound.Message) f.engine.inbounds().getFirst();
        // A person mentioned reaches the engine in the neutral form (chat.Mentions), not as Slack markup.
        assertEquals("ping <!channel> @here @slack:U999", in.text());
        String sent = post.param("blocks") + "\n" + post.param("text");
        for (String ping : List.of("<!channel>", "<!here>", "<@U999>", "<!everyone>")) {
            assertFalse(sent.contains(ping), "sent " + ping + ": " + sent);
        }
        assertTrue(post.param("text").contains("&lt;!channel&gt;"), post.param("text"));
        assertTrue(post.param("text").contains("a&amp;b"), post.param("text"));
        assertFalse(post.param("text").contains("@here"), "a bare @here is neutralised too");
    }

    @Test
    void engineLinksBecomeSlackLinksAfterEscaping() {
        f.engine.answer(in -> reply(Reply.SAME,
                new Block.Text("See [section 4 <draft>](https://policies.example.com/social?v=3&s=4).")));
        dm("Ev1", "links");
        JsonNode blocks = f.api.await("chat.postMessage", T).json("blocks");
        assertEquals("See <https://policies.example.com/social?v=3&amp;s=4|section 4 &lt;draft&gt;>.",
                blocks.get(0).get("text").get("text").asText());
    }

    @Test
    void buttonsGetUniqueActionIdsAndPressesRouteBack() {
        f.engine.answer(in -> in instanceof Inbound.ButtonPress
                ? reply(Reply.REPLACE, new Block.Text("Correct!"))
                : reply(Reply.SAME, new Block.Text("Question 1"), new Block.Buttons(List.of(
                        new Button("quiz.answer", "A", "q1:a"),
                        new Button("quiz.answer", "B", "q1:b", Button.Style.PRIMARY),
                        new Button("feedback.up", "👍", "a1")))));
        dm("Ev1", "quiz");
        Call post = f.api.await("chat.postMessage", T);
        JsonNode actions = post.json("blocks").get(1);
        assertEquals("actions", actions.get("type").asText());
        List<String> ids = actions.get("elements").valueStream().map(e -> e.get("action_id").asText()).toList();
        assertEquals(List.of("quiz.answer#0", "quiz.answer#1", "feedback.up#2"), ids);
        assertEquals("primary", actions.get("elements").get(1).get("style").asText());
        assertEquals("q1:b", actions.get("elements").get(1).get("value").asText());

        press(DM, "1700000000.000001", false, "quiz.answer#1", "q1:b", "trig-b");
        f.api.await("chat.update", T);
        Inbound.ButtonPress in = assertInstanceOf(Inbound.ButtonPress.class, f.engine.inbounds().get(1));
        assertEquals("quiz.answer", in.actionId());
        assertEquals("q1:b", in.value());
        assertEquals(DM, in.channel().id());
        assertTrue(in.channel().direct());
        assertEquals(USER, in.actor().userId());
    }

    @Test
    void replaceUpdatesTheMessageWhoseButtonWasPressed() {
        f.engine.answer(in -> reply(Reply.REPLACE, new Block.Text("✅ Correct: answer B.")));
        press(DM, "1700000000.000777", false, "quiz.answer#1", "q1:b", "trig-1");

        Call update = f.api.await("chat.update", T);
        assertEquals(DM, update.param("channel"));
        assertEquals("1700000000.000777", update.param("ts"));
        assertTrue(update.param("blocks").contains("Correct: answer B."));
        f.drain();
        assertTrue(f.api.calls("chat.postMessage").isEmpty());
        assertTrue(f.api.calls("response_url").isEmpty(), "training does not go through response_url");
    }

    @Test
    void replaceOfAnEphemeralMessageUsesItsResponseUrl() {
        f.engine.answer(in -> reply(Reply.REPLACE, new Block.Text("Thanks for the feedback")));
        press(CHANNEL, "1700000000.000888", true, "feedback.up#0", "a1", "trig-1");

        Call respond = f.api.await("response_url", T);
        JsonNode body = respond.bodyJson();
        assertTrue(body.get("replace_original").asBoolean());
        assertEquals("ephemeral", body.get("response_type").asText());
        f.drain();
        assertTrue(f.api.calls("chat.update").isEmpty());
    }

    @Test
    void aStaleButtonGetsAPoliteEphemeralReply() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("That quiz has ended; start a new one with /policy quiz.")));
        press(CHANNEL, "1690000000.000001", false, "quiz.answer#0", "old-session:q3:a", "trig-old");

        Call eph = f.api.await("chat.postEphemeral", T);
        assertEquals(CHANNEL, eph.param("channel"));
        assertEquals(USER, eph.param("user"));
        assertTrue(eph.param("blocks").contains("That quiz has ended"));
        f.drain();
        assertTrue(f.api.calls("chat.postMessage").isEmpty());
        assertTrue(f.api.calls("chat.update").isEmpty());
    }

    @Test
    void aStaleButtonInTheDmIsAlsoEphemeral() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("That quiz has ended.")));
        press(DM, "1690000000.000001", false, "quiz.answer#0", "old:q3:a", "trig-old");
        assertEquals(DM, f.api.await("chat.postEphemeral", T).param("channel"));
    }

    @Test
    void aRateLimitedCallWaitsForRetryAfterAndNothingIsLost() {
        f.api.enqueue("chat.postMessage", Scripted.rateLimited(7));
        f.api.enqueue("chat.postMessage", Scripted.rateLimited(2));
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        dm("Ev1", "question");

        List<Call> posts = f.api.awaitCalls("chat.postMessage", c -> true, 3, T);
        assertEquals(posts.get(0).param("blocks"), posts.get(2).param("blocks"));
        f.drain();
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(2)), f.sleeper.waits());
        assertEquals(3, f.api.calls("chat.postMessage").size());
    }

    @Test
    void aServerErrorIsRetriedWithBackOff() {
        f.api.enqueue("chat.postMessage", Scripted.status(503));
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        dm("Ev1", "question");
        f.api.awaitCalls("chat.postMessage", c -> true, 2, T);
        f.drain();
        assertEquals(1, f.sleeper.waits().size());
    }

    @Test
    void appHomeOpenedPublishesTheEnginesHome() {
        f.api.setLocale(USER, "zh-CN");
        f.engine.home(actor -> List.of(new Block.Heading("Your training"), new Block.Text("2 of 3 modules done"),
                new Block.Buttons(List.of(new Button("quiz.start", "Start quiz", "social-media")))));
        f.slack.event("EvHome", SignedRequests.homeOpened(USER), Map.of());

        Call publish = f.api.await("views.publish", T);
        assertEquals(USER, publish.param("user_id"));
        JsonNode view = publish.json("view");
        assertEquals("home", view.get("type").asText());
        assertEquals("header", view.get("blocks").get(0).get("type").asText());
        assertEquals("quiz.start#0", view.get("blocks").get(2).get("elements").get(0).get("action_id").asText());
        assertEquals(Locale.forLanguageTag("zh-CN"), f.engine.homes().getFirst().locale());
    }

    @Test
    void aHomeButtonAnswersInTheDm() {
        f.engine.answer(in -> List.of(
                new Reply(Reply.SAME, List.of(new Block.Text("Question 1")), ""),
                new Reply(Reply.HOME, List.of(new Block.Heading("Quiz in progress")), "")));
        ObjectNode press = SignedRequests.buttonPress(USER, CHANNEL, "1", false, "quiz.start#0", "social-media",
                "trig-home", f.api.responseUrl("trig-home"));
        press.remove("channel");
        press.remove("message");
        press.putObject("container").put("type", "view").put("view_id", "V123");
        f.slack.blockActions(press);

        assertEquals(DM, f.api.await("chat.postMessage", T).param("channel"));
        f.api.await("views.publish", T);
        Inbound.ButtonPress in = assertInstanceOf(Inbound.ButtonPress.class, f.engine.inbounds().getFirst());
        assertEquals(DM, in.channel().id());
        assertTrue(in.channel().direct());
    }

    @Test
    void namedChannelsGoToTheConfiguredIds() {
        f.engine.answer(in -> List.of(
                new Reply(new Reply.Placement.NamedChannel(Reply.ChannelRole.HR), List.of(new Block.Text("Question for HR")), ""),
                new Reply(new Reply.Placement.NamedChannel(Reply.ChannelRole.ANNOUNCEMENTS), List.of(new Block.Text("News")), "")));
        dm("Ev1", "ask hr");
        List<Call> posts = f.api.awaitCalls("chat.postMessage", c -> true, 2, T);
        assertEquals(List.of(HttpModeFixture.HR_CHANNEL, HttpModeFixture.ANNOUNCEMENTS_CHANNEL),
                posts.stream().map(c -> c.param("channel")).toList());
    }

    @Test
    void anAttachmentIsUploadedToTheConversation() {
        byte[] csv = "user,done\nU1,yes\n".getBytes(StandardCharsets.UTF_8);
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Here is the report"),
                new Block.Attachment("report.csv", "text/csv", csv)));
        dm("Ev1", "report");

        Call complete = f.api.await("files.completeUploadExternal", T);
        assertEquals(DM, complete.param("channel_id"));
        Call url = f.api.calls("files.getUploadURLExternal").getFirst();
        assertEquals("report.csv", url.param("filename"));
        assertEquals(String.valueOf(csv.length), url.param("length"));
        assertEquals("user,done\nU1,yes\n", f.api.calls("upload").getFirst().body());
        List<String> methods = f.api.methods();
        assertTrue(methods.indexOf("chat.postMessage") < methods.indexOf("files.getUploadURLExternal"), methods.toString());
    }

    @Test
    void aPrivateAttachmentInAChannelGoesToTheDm() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("Report sent to your DM"),
                new Block.Attachment("report.csv", "text/csv", new byte[] {1, 2, 3})));
        f.slack.command(USER, CHANNEL, "general", "report", "trig-1", f.api.responseUrl("r1"));
        assertEquals(DM, f.api.await("files.completeUploadExternal", T).param("channel_id"));
        assertEquals(CHANNEL, f.api.calls("chat.postEphemeral").getFirst().param("channel"));
    }

    @Test
    void aCommandWhereTheBotIsNotAMemberFallsBackToResponseUrl() {
        f.api.enqueue("chat.postMessage", Scripted.error("not_in_channel"));
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        f.slack.command(USER, "C999", "random", "ask can I?", "trig-1", f.api.responseUrl("r1"));

        Call respond = f.api.await("response_url", T);
        assertEquals("ephemeral", respond.bodyJson().get("response_type").asText());
        assertFalse(respond.bodyJson().get("replace_original").asBoolean());
        assertTrue(respond.body().contains("Answer"));
    }

    @Test
    void aCommandInTheBotsDmIsDirect() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("Your status")));
        f.slack.command(USER, DM, "directmessage", "status", "trig-1", f.api.responseUrl("r1"));
        assertEquals(DM, f.api.await("chat.postMessage", T).param("channel"));
        assertTrue(f.engine.inbounds().getFirst().channel().direct());
    }

    @Test
    void aCommandInSomeoneElsesDmIsNotDirect() {
        f.engine.answer(in -> reply(Reply.PRIVATE, new Block.Text("Your status")));
        f.slack.command(USER, "D999OTHER", "directmessage", "status", "trig-1", f.api.responseUrl("r1"));
        f.api.await("chat.postEphemeral", T);
        assertFalse(f.engine.inbounds().getFirst().channel().direct());
    }

    @Test
    void anEngineFailureBecomesAPoliteReplyInTheUsersLanguage() {
        f.api.setLocale(USER, "zh-CN");
        f.engine.answer(in -> {
            throw new IllegalStateException("boom with user text");
        });
        mention("Ev1", "<@UBOT> hello", "1700000100.000200");
        Call eph = f.api.await("chat.postEphemeral", T);
        assertTrue(eph.param("text").contains("抱歉"), eph.param("text"));
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        String body = "{\"token\":\"t\",\"challenge\":\"challenge-xyz\",\"type\":\"url_verification\"}";
        HttpResponse<String> r = f.slack.send(body, "application/json", Map.of());
        assertEquals(200, r.statusCode());
        assertEquals("challenge-xyz", r.body());
    }

    @Test
    void messagesFromBotsAndEditsAreIgnored() {
        f.engine.answer(in -> reply(Reply.SAME, new Block.Text("Answer")));
        f.slack.event("Ev1", SignedRequests.dmMessage("U777", "D777", "from a bot", "1.1").put("bot_id", "B777"), Map.of());
        f.slack.event("Ev2", SignedRequests.dmMessage(USER, DM, "edited", "1.2").put("subtype", "message_changed"), Map.of());
        f.slack.event("Ev3", SignedRequests.dmMessage(USER, "C456", "channel message", "1.3").put("channel_type", "channel"), Map.of());
        f.drain();
        assertTrue(f.engine.inbounds().isEmpty());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
