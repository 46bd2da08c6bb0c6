package io.policybot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.questions.VoteTally;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.testing.RecordingGateway;
import io.policybot.testing.Replies;
import io.policybot.testing.TestAnswerers;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ChatGateways;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;

/** The engine as every platform sees it: messages and button presses in, platform-neutral replies out. */
class PolicyConversationEngineTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TestClock clock = TestClock.at("2026-11-21T10:00:00Z");
    private final Actor alice = new Actor("slack", "U1", "Alice", Locale.ENGLISH);
    private final ChannelRef dm = new ChannelRef("D1", true);

    private final RecordingGateway slack = new RecordingGateway("slack", true);

    private PolicyConversationEngine engine() {
        return new PolicyConversationEngine(TestAnswerers.live(), TestServices.training(db.database(), clock, 7),
                new SqlPersonRepository(db.database()), new SqlQuestionLogRepository(db.database()),
                StaffCommands.unavailable(), ChatGateways.of(java.util.Map.of("slack", slack)), clock, 1000);
    }

    private static Inbound.Message say(Actor who, ChannelRef where, String text) {
        return new Inbound.Message(who, where, text, Inbound.Message.Kind.DIRECT_MESSAGE);
    }

    @Test
    void aQuestionGetsTheShortAnswerRulesCitationAndButtons() {
        List<Reply> replies = engine().handle(say(alice, dm, "Can I mention my employer on LinkedIn?"));
        assertEquals(1, replies.size());
        Reply r = replies.getFirst();
        assertEquals(Reply.SAME, r.placement());
        Block.Citation c = Replies.blocks(r, Block.Citation.class).getFirst();
        assertEquals("identifying-yourself", c.sectionId());
        assertEquals("1.0", c.version());
        assertFalse(Replies.blocks(r, Block.Bullets.class).getFirst().items().isEmpty());
        List<String> actions = Replies.buttons(r).stream().map(Button::actionId).toList();
        assertEquals(List.of(Actions.SHOW_SECTION, Actions.FEEDBACK_UP, Actions.FEEDBACK_DOWN), actions);
    }

    @Test
    void thanksGetsAFriendlyReplyPointingToHelpAndTopicsNotASection() {
        Reply r = engine().handle(say(alice, dm, "thanks!")).getFirst();
        assertTrue(Replies.blocks(r, Block.Citation.class).isEmpty(), Replies.text(r));
        assertTrue(Replies.text(r).contains("topics") && Replies.text(r).contains("help"), Replies.text(r));
        assertTrue(Replies.buttons(r).stream().noneMatch(b -> b.actionId().equals(Actions.ASK_HR)), "small talk is not a gap");
    }

    @Test
    void topicsListsEveryPolicysSections() {
        for (String command : List.of("topics", "table of contents", "目录")) {
            String text = Replies.text(engine().handle(say(alice, dm, command)).getFirst());
            assertTrue(text.contains("Account security") || text.contains("账号安全"), command + ": " + text);
        }
    }

    @Test
    void anUnknownTopicIsDeclinedWithTheContactAndAnAskHrButtonThatPostsOnce() {
        PolicyConversationEngine engine = engine();
        Reply r = engine.handle(say(alice, dm, "How many vacation days do I get?")).getFirst();
        String text = Replies.text(r);
        assertTrue(text.contains("I don't know"), text);
        assertTrue(text.contains("hr@acme.example"), text);
        Button askHr = Replies.button(r, "Ask HR");
        List<Reply> escalation = engine.handle(new Inbound.ButtonPress(alice, dm, askHr.actionId(), askHr.value()));
        assertTrue(Replies.text(escalation).contains("passed your question to HR"), Replies.text(escalation));
        assertEquals(1, slack.posts().size());
        assertTrue(slack.posts().getFirst().markdown().contains("How many vacation days do I get?"));
        assertTrue(slack.posts().getFirst().markdown().contains("Alice"));
        List<Reply> again = engine.handle(new Inbound.ButtonPress(alice, dm, askHr.actionId(), askHr.value()));
        assertTrue(Replies.text(again).contains("already with HR"), Replies.text(again));
        engine().handle(new Inbound.ButtonPress(alice, dm, askHr.actionId(), askHr.value()));
        assertEquals(1, slack.posts().size(), "posted to HR again after a press or a restart");
    }

    @Test
    void votesAreRecordedOncePerPersonAndCanBeChanged() {
        PolicyConversationEngine engine = engine();
        Reply r = engine.handle(say(alice, dm, "Can I use social media during work hours?")).getFirst();
        Button up = Replies.buttons(r).stream().filter(b -> b.actionId().equals(Actions.FEEDBACK_UP)).findFirst().orElseThrow();
        Button down = Replies.buttons(r).stream().filter(b -> b.actionId().equals(Actions.FEEDBACK_DOWN)).findFirst().orElseThrow();
        assertTrue(Replies.text(engine.handle(new Inbound.ButtonPress(alice, dm, up.actionId(), up.value()))).contains("Thanks"));
        assertTrue(Replies.text(engine.handle(new Inbound.ButtonPress(alice, dm, up.actionId(), up.value()))).contains("already"));
        List<Reply> changed = engine.handle(new Inbound.ButtonPress(alice, dm, down.actionId(), down.value()));
        assertTrue(Replies.text(changed).contains("changed"));
        VoteTally tally = new SqlQuestionLogRepository(db.database()).tally(up.value());
        assertEquals(new VoteTally(0, 1), tally);
    }

    @Test
    void theFullSectionIsShownPrivately() {
        PolicyConversationEngine engine = engine();
        Reply r = engine.handle(say(alice, dm, "Can I mention my employer on LinkedIn?")).getFirst();
        Button full = Replies.button(r, "Read the full section");
        Reply section = engine.handle(new Inbound.ButtonPress(alice, dm, full.actionId(), full.value())).getFirst();
        assertEquals(Reply.PRIVATE, section.placement());
        assertEquals("Identifying yourself", Replies.blocks(section, Block.Heading.class).getFirst().text());
        assertTrue(Replies.blocks(section, Block.Bullets.class).size() >= 2, "Do and Don't lists");
    }

    @Test
    void aReplayedDeliveryIsAnsweredOnce() {
        PolicyConversationEngine engine = engine();
        Inbound.Message m = new Inbound.Message(alice, dm, "Can I post photos of coworkers?", Inbound.Message.Kind.DIRECT_MESSAGE, "Ev123");
        assertEquals(1, engine.handle(m).size());
        assertEquals(List.of(), engine.handle(m));
        assertEquals(1, new SqlQuestionLogRepository(db.database()).since(clock.instant().minusSeconds(60)).size());
    }

    @Test
    void staleAndForgedButtonsGetAPoliteReply() {
        PolicyConversationEngine engine = engine();
        for (String[] b : new String[][] {{Actions.FEEDBACK_UP, "999999"}, {Actions.SHOW_SECTION, "nope/none/en"},
                {"made.up", "x"}, {Actions.QUIZ_ANSWER, "garbage"}}) {
            List<Reply> replies = engine.handle(new Inbound.ButtonPress(alice, dm, b[0], b[1]));
            assertEquals(1, replies.size(), String.join(" ", b));
            assertEquals(Reply.PRIVATE, replies.getFirst().placement(), String.join(" ", b));
        }
        // An action no capability registered gets the stale-button reply itself (not an error, not training's).
        assertEquals("That button no longer works. Please ask again or type _help_.", Replies.text(
                engine.handle(new Inbound.ButtonPress(alice, dm, "made.up", "x"))));
    }

    @Test
    void helpInTheUsersLanguage() {
        Actor li = new Actor("discord", "42", "Li", Locale.SIMPLIFIED_CHINESE);
        String help = Replies.text(engine().handle(say(li, dm, "help")));
        assertTrue(help.contains("测验"), help);
        assertTrue(Replies.text(engine().handle(say(alice, dm, "help"))).contains("quiz"));
    }

    @Test
    void commandsStartTraining() {
        PolicyConversationEngine engine = engine();
        List<Reply> quiz = engine.handle(new Inbound.Message(alice, dm, "quiz", Inbound.Message.Kind.COMMAND));
        assertTrue(quiz.stream().anyMatch(r -> Replies.buttons(r).stream().anyMatch(b -> b.actionId().equals(Actions.QUIZ_ANSWER))));
        List<Reply> status = engine.handle(new Inbound.Message(alice, dm, "status", Inbound.Message.Kind.COMMAND));
        assertFalse(Replies.text(status).isBlank());
    }

    @Test
    void aQuestionStartingWithACommandWordIsStillAQuestion() {
        Reply r = engine().handle(say(alice, dm, "help me, my Instagram account was hacked")).getFirst();
        assertTrue(Replies.blocks(r, Block.Citation.class).stream().anyMatch(c -> c.sectionId().equals("account-security")
                || c.sectionId().equals("crisis-response")), Replies.text(r));
    }

    @Test
    void staffCommandsAreRefusedClearlyUntilConfigured() {
        List<Reply> r = engine().handle(new Inbound.Message(alice, dm, "report", Inbound.Message.Kind.COMMAND));
        assertEquals(Reply.PRIVATE, r.getFirst().placement());
        assertTrue(Replies.text(r).contains("not available"));
    }
}
