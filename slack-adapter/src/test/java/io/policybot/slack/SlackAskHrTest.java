package io.policybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.policybot.slack.testing.EngineFixture;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.FakeSlackApi.Call;
import io.policybot.slack.testing.FakeSlackApi.Scripted;
import io.policybot.slack.testing.SignedRequests;
import io.policybot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Ask HR" end to end in Slack (field report B2, B3, B4, N3): the real engine and Bolt, signed requests, the fake
 * Web API. What HR's channel gets and what the asker is told.
 */
class SlackAskHrTest {
    private static final Duration T = Duration.ofSeconds(20);
    private static final String HR = "CHR000001";
    private static final String GENERAL = "C0GENERAL1";
    private static final String ASKER = "U0ASKER0A1";
    private static final String BYSTANDER = "U0BYSTND77";
    private static final String DECLINED = "How many vacation days do I get?";
    /** Any Slack link whose label hides its address: {@code <url|label>}. */
    private static final Pattern DISGUISED_LINK = Pattern.compile("<https?://[^>|]*\\|");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private EngineFixture f;
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private String next() {
        return String.valueOf(ids.incrementAndGet());
    }

    /** DMs the bot and returns the answer it posted in the DM. */
    private Call askInDm(String user, String text) {
        String dm = FakeSlackApi.dmChannelOf(user);
        int before = posts(dm);
        String ts = "17000001" + next() + ".000100";
        f.slack.event("Ev" + next(), SignedRequests.dmMessage(user, dm, text, ts), Map.of());
        return f.api.awaitCalls("chat.postMessage", c -> dm.equals(c.param("channel")), before + 1, T).get(before);
    }

    private int posts(String channel) {
        return (int) f.api.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).count();
    }

    private static Optional<JsonNode> button(Call post, String actionPrefix) {
        for (JsonNode block : post.json("blocks")) {
            if (block.has("elements")) {
                for (JsonNode e : block.get("elements")) {
                    if (e.has("action_id") && e.get("action_id").asText().startsWith(actionPrefix + "#")) {
                        return Optional.of(e);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void press(String user, String channel, Call message, JsonNode button) {
        String trigger = "trig-" + next();
        f.slack.blockActions(SignedRequests.buttonPress(user, channel, message.param("ts") == null ? "1.1" : "1700000000.1",
                false, button.get("action_id").asText(), button.path("value").asText(""), trigger,
                f.api.responseUrl(trigger)));
    }

    /** The next ephemeral note the user gets in the conversation of the press. */
    private String noteTo(String user, String channel, int before) {
        return f.api.awaitCalls("chat.postEphemeral", c -> channel.equals(c.param("channel"))
                && user.equals(c.param("user")), before + 1, T).get(before).param("blocks");
    }

    private int notes(String user, String channel) {
        return (int) f.api.calls("chat.postEphemeral").stream()
                .filter(c -> channel.equals(c.param("channel")) && user.equals(c.param("user"))).count();
    }

    /** Every text Slack would show of a post: the blocks' texts and the notification text. */
    private static String shown(Call post) {
        StringBuilder out = new StringBuilder();
        post.json("blocks").findValues("text").forEach(t -> out.append(t.isTextual() ? t.asText() : t.path("text").asText())
                .append('\n'));
        return out.append(post.param("text")).toString();
    }

    private String hrPost() {
        return shown(f.api.await("chat.postMessage", c -> HR.equals(c.param("channel")), T));
    }

    @Test
    void B2_markdownLinkInQuestionReachesHrAsText() {
        f = new EngineFixture(db.database(), HR);
        String dm = FakeSlackApi.dmChannelOf(ASKER);
        Call answer = askInDm(ASKER, DECLINED + " [Open the HR portal](https://evil.example/login) **URGENT**");
        int before = notes(ASKER, dm);
        press(ASKER, dm, answer, button(answer, "ask.hr").orElseThrow());
        String hr = hrPost();
        assertFalse(DISGUISED_LINK.matcher(hr).find(), hr);
        assertFalse(hr.contains("*URGENT*"), "user text in bold: " + hr);
        assertTrue(hr.contains("[Open the HR portal](<https://evil.example/login>)"), "shown as typed: " + hr);
        assertTrue(noteTo(ASKER, dm, before).contains("passed your question to HR"));
    }

    @Test
    void B2_displayNameWithLinkIsShownAsTextInTheHrChannel() {
        f = new EngineFixture(db.database(), HR);
        f.api.setDisplayName(ASKER, "[HR Portal](https://evil.example) <!channel> @here");
        String dm = FakeSlackApi.dmChannelOf(ASKER);
        Call answer = askInDm(ASKER, DECLINED);
        press(ASKER, dm, answer, button(answer, "ask.hr").orElseThrow());
        Call post = f.api.await("chat.postMessage", c -> HR.equals(c.param("channel")), T);
        String hr = shown(post);
        assertFalse(DISGUISED_LINK.matcher(hr).find(), hr);
        assertFalse(hr.contains("<!channel>") || hr.contains("@here"), "a ping: " + hr);
        assertTrue(hr.contains(ASKER), "HR can find the asker: " + hr);
        assertFalse(post.param("text").contains("**"), "N3: the notification text has no Markdown: " + post.param("text"));
    }

    @Test
    void B3_someoneElsesAskHrIsRefusedAndTheAskerCanStillSendIt() {
        f = new EngineFixture(db.database(), HR);
        f.api.setDisplayName(BYSTANDER, "Bystander");
        f.api.setDisplayName(ASKER, "Asker");
        f.slack.event("Ev" + next(), SignedRequests.mention(ASKER, GENERAL, "<@UBOT> " + DECLINED, "1700000300.000100"),
                Map.of());
        Call answer = f.api.await("chat.postMessage", c -> GENERAL.equals(c.param("channel")), T);
        JsonNode askHr = button(answer, "ask.hr").orElseThrow();

        press(BYSTANDER, GENERAL, answer, askHr);
        assertTrue(noteTo(BYSTANDER, GENERAL, 0).contains("Only the person who asked"));
        press(ASKER, GENERAL, answer, askHr);
        assertTrue(noteTo(ASKER, GENERAL, 0).contains("passed your question to HR"));
        String hr = hrPost();
        assertTrue(hr.contains("Asker") && hr.contains(ASKER), hr);
        assertFalse(hr.contains("Bystander"), hr);
        f.drain();
        assertEquals(1, posts(HR));
    }

    @Test
    void B4_withoutAnHrChannelTheButtonIsNotOfferedAndStartUpSaysSo() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            f = new EngineFixture(db.database(), null);
        } finally {
            root.detachAppender(logs);
        }
        assertTrue(logs.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("Ask HR is off on Slack: SLACK_HR_CHANNEL is not set")),
                "no start-up warning about the HR channel");
        Call answer = askInDm(ASKER, DECLINED);
        assertTrue(button(answer, "ask.hr").isEmpty(), "Ask HR offered without an HR channel: " + answer.param("blocks"));
        assertTrue(answer.param("blocks").contains("hr@acme.example"), "the contact is still given");
    }

    @Test
    void B4_whenTheBotIsNotInTheHrChannelThePersonIsToldAndCanSendItAgain() {
        f = new EngineFixture(db.database(), HR);
        String dm = FakeSlackApi.dmChannelOf(ASKER);
        Call answer = askInDm(ASKER, DECLINED);
        JsonNode askHr = button(answer, "ask.hr").orElseThrow();
        f.api.enqueue("chat.postMessage", Scripted.error("not_in_channel"));
        int before = notes(ASKER, dm);
        press(ASKER, dm, answer, askHr);
        String failed = noteTo(ASKER, dm, before);
        assertTrue(failed.contains("could not send your question to HR"), failed);
        assertFalse(failed.contains("passed your question"), failed);

        press(ASKER, dm, answer, askHr); // once the bot is invited
        assertTrue(noteTo(ASKER, dm, before + 1).contains("passed your question to HR"));
        assertEquals(2, f.api.awaitCalls("chat.postMessage", c -> HR.equals(c.param("channel")), 2, T).size());
    }

    @Test
    void N1_helpAndABarePolicyCommandInAChannelAreOnlyForThePerson() {
        f = new EngineFixture(db.database(), HR);
        f.slack.command(ASKER, GENERAL, "general", "help", "trig-h1", f.api.responseUrl("h1"));
        f.slack.command(ASKER, GENERAL, "general", "", "trig-h2", f.api.responseUrl("h2"));
        List<Call> notes = f.api.awaitCalls("chat.postEphemeral", c -> ASKER.equals(c.param("user")), 2, T);
        notes.forEach(n -> assertEquals(GENERAL, n.param("channel")));
        f.drain();
        assertEquals(0, posts(GENERAL), "help was posted for the whole channel");
    }
}
