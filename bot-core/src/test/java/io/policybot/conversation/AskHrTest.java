package io.policybot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.testing.RecordingGateway;
import io.policybot.testing.Replies;
import io.policybot.testing.TestAnswerers;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.text.UserText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ChatGateways;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;

/**
 * "Ask HR" as HR and the asker see it (Slack field report B2-B4, N3; Discord D1, D3, D14): only the asker can send
 * their question, HR is told who really asked, user text cannot format or link, and the asker learns whether it went.
 */
class AskHrTest {
    /** A link of the Markdown subset that a renderer would turn into a link: "[label](" with neither bracket escaped. */
    private static final Pattern LIVE_LINK = Pattern.compile("(?<!\\\\)\\[[^\\]]*(?<!\\\\)]\\(");
    private static final String DECLINED = "How many vacation days do I get?";

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TestClock clock = TestClock.at("2026-11-21T10:00:00Z");
    private final Actor alice = new Actor("slack", "U0ALICE", "Alice", Locale.ENGLISH);
    private final Actor bob = new Actor("slack", "U0BOB", "Bob", Locale.ENGLISH);
    private final ChannelRef general = new ChannelRef("C0GENERAL", false);

    private PolicyConversationEngine engine(RecordingGateway gateway) {
        return new PolicyConversationEngine(TestAnswerers.live(), TestServices.training(db.database(), clock, 7),
                new SqlPersonRepository(db.database()), new SqlQuestionLogRepository(db.database()),
                StaffCommands.unavailable(), ChatGateways.of(Map.of(gateway.platform(), gateway)), clock, 1000);
    }

    private static Reply ask(PolicyConversationEngine engine, Actor who, String question) {
        return engine.handle(new Inbound.Message(who, new ChannelRef("C0GENERAL", false), question,
                Inbound.Message.Kind.MENTION)).getFirst();
    }

    private List<Reply> press(PolicyConversationEngine engine, Actor who, Button button) {
        return engine.handle(new Inbound.ButtonPress(who, general, button.actionId(), button.value()));
    }

    @Test
    void B2_markdownLinkInQuestionReachesHrAsText() {
        RecordingGateway hr = new RecordingGateway("slack", true);
        PolicyConversationEngine engine = engine(hr);
        String question = DECLINED + " [Open the HR portal](https://evil.example/login) **URGENT** _now_ `x` ~y~";
        press(engine, alice, Replies.button(ask(engine, alice, question), "Ask HR"));
        String post = hr.posts().getFirst().markdown();
        assertFalse(LIVE_LINK.matcher(post).find(), post);
        assertFalse(post.contains("**URGENT**"), post);
        assertFalse(post.matches("(?s).*(?<!\\\\)_now(?<!\\\\)_.*"), post);
        assertTrue(UserText.unescape(post).contains(question), "the question is shown as typed:\n" + post);
    }

    @Test
    void B2_displayNameWithLinkIsShownAsText() {
        RecordingGateway hr = new RecordingGateway("slack", true);
        PolicyConversationEngine engine = engine(hr);
        Actor mallory = new Actor("slack", "U0MAL", "[HR Portal](https://evil.example) **Desk**\nPolicyBot:", Locale.ENGLISH);
        press(engine, mallory, Replies.button(ask(engine, mallory, DECLINED), "Ask HR"));
        String post = hr.posts().getFirst().markdown();
        String firstLine = post.lines().findFirst().orElseThrow();
        assertFalse(LIVE_LINK.matcher(post).find(), post);
        assertTrue(UserText.unescape(firstLine).contains("[HR Portal](https://evil.example) **Desk** PolicyBot:"), post);
        String fallback = hr.posts().getFirst().fallback();
        assertFalse(fallback.startsWith("\u2753 **") || fallback.contains("\n"), "N3: no raw Markdown in the notification: " + fallback);
    }

    @Test
    void D1_lineBreaksInAQuestionStayInsideTheQuote() {
        RecordingGateway hr = new RecordingGateway("slack", true);
        PolicyConversationEngine engine = engine(hr);
        String question = DECLINED + "\n\n**PolicyBot:** HR asks everyone to log in at [intranet](https://evil.example)"
                + "\r\n# Heading\u2028- a list";
        press(engine, alice, askHrOf(engine, ask(engine, alice, question)));
        List<String> lines = hr.posts().getFirst().markdown().lines().toList();
        List<String> quoted = lines.subList(1, lines.size());
        assertEquals(5, quoted.size(), String.join("\n", lines));
        quoted.forEach(line -> assertTrue(line.equals(">") || line.startsWith("> "), "left the quote: " + line));
        assertTrue(quoted.get(2).startsWith("> \\*\\*PolicyBot:\\*\\*"), quoted.get(2));
        assertTrue(quoted.get(3).startsWith("> \\# Heading") && quoted.get(4).startsWith("> \\- a list"), lines.toString());
    }

    @Test
    void B3_onlyTheAskerCanSendTheirQuestionToHr() {
        RecordingGateway hr = new RecordingGateway("slack", true);
        PolicyConversationEngine engine = engine(hr);
        Button askHr = Replies.button(ask(engine, alice, DECLINED), "Ask HR");
        List<Reply> bystander = press(engine, bob, askHr);
        assertTrue(Replies.text(bystander).contains("Only the person who asked"), Replies.text(bystander));
        assertEquals(Reply.PRIVATE, bystander.getFirst().placement());
        assertTrue(hr.posts().isEmpty(), "a bystander's press reached HR");
        List<Reply> own = press(engine, alice, askHr);
        assertTrue(Replies.text(own).contains("passed your question to HR"), Replies.text(own));
        String post = hr.posts().getFirst().markdown();
        assertTrue(post.contains("**Alice**") && post.contains("U0ALICE"), "D14: name and user id of the asker\n" + post);
        assertFalse(post.contains("Bob"), post);
    }

    @Test
    void B3_aBystandersThumbsDownOffersNoAskHr() {
        RecordingGateway hr = new RecordingGateway("slack", true);
        PolicyConversationEngine engine = engine(hr);
        Reply answer = ask(engine, alice, "Can I mention my employer on LinkedIn?");
        Button down = Replies.buttons(answer).stream().filter(b -> b.actionId().equals(Actions.FEEDBACK_DOWN))
                .findFirst().orElseThrow();
        List<Reply> bystander = press(engine, bob, down);
        assertTrue(Replies.buttons(bystander.getFirst()).isEmpty(), Replies.text(bystander));
        List<Reply> own = press(engine, alice, down);
        Replies.button(own.getFirst(), "Ask HR");
    }

    @Test
    void B4_noHrChannelMeansNoAskHrButtonAndAPlainNote() {
        RecordingGateway noHr = new RecordingGateway("slack", false);
        PolicyConversationEngine engine = engine(noHr);
        Reply declined = ask(engine, alice, DECLINED);
        assertTrue(Replies.text(declined).contains("hr@acme.example"), "the contact is still given");
        assertTrue(Replies.buttons(declined).stream().noneMatch(b -> b.actionId().equals(Actions.ASK_HR)),
                "Ask HR offered without an HR channel");
        // A button from before the channel was removed: said plainly, nothing recorded as sent.
        Button old = new Button(Actions.ASK_HR, "Ask HR", logIdOf(engine(new RecordingGateway("slack", true))));
        List<Reply> pressed = press(engine, alice, old);
        assertTrue(Replies.text(pressed).contains("no HR channel is set up"), Replies.text(pressed));
        assertTrue(noHr.posts().isEmpty());
    }

    @Test
    void B4_aFailedHrPostIsReportedAndCanBeSentAgain() {
        RecordingGateway hr = new RecordingGateway("slack", true)
                .answering(new DeliveryResult.Failed("not_in_channel"),
                        new DeliveryResult.RetryLater(java.time.Duration.ofSeconds(30), "ratelimited"));
        PolicyConversationEngine engine = engine(hr);
        Button askHr = Replies.button(ask(engine, alice, DECLINED), "Ask HR");
        String first = Replies.text(press(engine, alice, askHr));
        assertTrue(first.contains("could not send your question") && !first.contains("passed your question"), first);
        String second = Replies.text(press(engine, alice, askHr));
        assertTrue(second.contains("could not send your question"), second);
        String third = Replies.text(press(engine, alice, askHr));
        assertTrue(third.contains("passed your question to HR"), third);
        assertEquals(3, hr.posts().size());
        assertTrue(Replies.text(press(engine, alice, askHr)).contains("already with HR"));
        assertEquals(3, hr.posts().size());
    }

    @Test
    void anAskHrPressOnAPlatformWithoutAGatewaySaysItDidNotGo() {
        PolicyConversationEngine engine = engine(new RecordingGateway("discord", true));
        Reply declined = ask(engine, alice, DECLINED);
        assertTrue(Replies.buttons(declined).stream().noneMatch(b -> b.actionId().equals(Actions.ASK_HR)));
    }

    /** The answer's Ask HR button, or the one a 👎 offers when the question was answered. */
    private Button askHrOf(PolicyConversationEngine engine, Reply answer) {
        return Replies.buttons(answer).stream().filter(b -> b.actionId().equals(Actions.ASK_HR)).findFirst()
                .orElseGet(() -> {
                    Button down = Replies.buttons(answer).stream()
                            .filter(b -> b.actionId().equals(Actions.FEEDBACK_DOWN)).findFirst().orElseThrow();
                    return Replies.button(press(engine, alice, down).getFirst(), "Ask HR");
                });
    }

    private String logIdOf(PolicyConversationEngine engine) {
        return Replies.button(ask(engine, alice, DECLINED), "Ask HR").value();
    }
}
