package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.Scenario;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Reply;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RolePlayTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final Actor ann = new Actor("slack", "U1", "Ann", null);
    private TrainingService service;
    private TrainingDriver driver;

    @BeforeEach
    void setUp() {
        service = TestServices.training(db.database(), TestClock.at("2026-11-10T09:00:00Z"), 42);
        driver = new TrainingDriver(service, TestContent.bundled());
    }

    private List<Completion> completions() {
        String personId = new SqlPersonRepository(db.database()).find("slack", "U1").orElseThrow().id();
        return new SqlTrainingRepository(db.database()).completions(personId);
    }

    @Test
    void withoutANameTheScenariosAreOfferedAsButtons() {
        List<Reply> replies = service.startRolePlay(ann, new ChannelRef("C1", false), "en", null);
        assertEquals(1, replies.size());
        Reply list = replies.getFirst();
        assertEquals(Reply.PRIVATE, list.placement(), "a list in a channel is for the asker only");
        List<Scenario> scenarios = TestContent.bundled().policy("social-media").orElseThrow().scenarios("en");
        List<Button> buttons = Replies.buttons(list);
        assertEquals(scenarios.stream().map(Scenario::id).toList(), buttons.stream().map(Button::value).toList());
        assertTrue(buttons.stream().allMatch(b -> b.actionId().equals(Actions.ROLEPLAY_START)));
        assertEquals(Button.Style.PRIMARY, buttons.getFirst().style(), "the next scenario not yet passed");
    }

    @Test
    void aMultiStepRolePlayWithBestChoicesPasses() {
        List<Reply> replies = driver.press(ann, new Button(Actions.ROLEPLAY_START, "go", "journalist-dm"), "en");
        assertEquals("Role-play: A journalist's DM about layoffs", replies.getFirst().fallback());
        int steps = 0;
        while (replies.size() == 2 || steps == 0) {
            Reply step = Replies.lastWithButtons(replies);
            assertEquals("Step " + (steps + 1), Replies.blocks(step, Block.Context.class).getFirst().text());
            replies = driver.press(ann, driver.rolePlayButton(step, "en", true), "en");
            steps++;
            Reply feedback = replies.getFirst();
            assertEquals(Reply.REPLACE, feedback.placement());
            assertTrue(Replies.text(feedback).contains("**Good choice.**"));
            assertTrue(Replies.buttons(feedback).isEmpty());
        }
        assertEquals(3, steps, "first-contact, team-chat, holding-statement");
        assertEquals(3, replies.size());
        Reply summary = replies.get(1);
        assertEquals("Role-play finished: A journalist's DM about layoffs",
                Replies.blocks(summary, Block.Heading.class).getFirst().text());
        assertTrue(Replies.text(summary).contains("You made the best choice in 3 of 3 steps. Well done: the best choice at every step!"));
        assertEquals("Related sections", Replies.blocks(summary, Block.Bullets.class).getFirst().label());
        assertEquals("journalist-dm", Replies.button(summary, "Try again").value());
        assertEquals(Reply.HOME, replies.get(2).placement());
        assertTrue(Replies.text(replies.get(2)).contains("Role-plays: 1 of"));

        Completion c = completions().getFirst();
        assertEquals(Modules.rolePlay("journalist-dm"), c.module());
        assertEquals("1.0", c.policyVersion());
        assertEquals(3, c.correct());
        assertEquals(3, c.total());
        assertTrue(c.passed());
        // Passed scenarios are ticked, and the next one is suggested.
        Reply list = service.startRolePlay(ann, TrainingDriver.dm(ann), "en", null).getFirst();
        assertTrue(Replies.text(list).contains("✅ A journalist's DM about layoffs"));
        assertEquals(Button.Style.PRIMARY, Replies.buttons(list).get(1).style());
    }

    @Test
    void poorChoicesInChineseTakeAnotherPathAndFail() {
        List<Reply> replies = service.startRolePlay(ann, TrainingDriver.dm(ann), "zh", "journalist-dm");
        assertTrue(replies.getFirst().fallback().startsWith("情景演练："));
        Reply first = Replies.lastWithButtons(replies);
        replies = driver.press(ann, driver.rolePlayButton(first, "zh", false), "zh");
        assertTrue(Replies.text(replies.getFirst()).contains("**这不是最好的做法。**"));
        while (replies.size() == 2) {
            replies = driver.press(ann, driver.rolePlayButton(Replies.lastWithButtons(replies), "zh", false), "zh");
        }
        Reply summary = replies.get(1);
        assertTrue(Replies.text(summary).startsWith("演练结束："), Replies.text(summary));
        assertTrue(Replies.text(summary).contains("你有 0 步做出了最佳选择。本情景演练已计为完成；可以再练一次"), Replies.text(summary));
        assertEquals("建议重读的章节", Replies.blocks(summary, Block.Bullets.class).getFirst().label());
        Completion c = completions().getFirst();
        assertFalse(c.passed());
        assertEquals(0, c.correct());
        // A step already answered cannot be answered again.
        assertEquals(Reply.PRIVATE, driver.press(ann, Replies.buttons(first).getFirst(), "zh").getFirst().placement());
        assertEquals(1, completions().size());
    }

    @Test
    void aReplayedChoiceCountsOnce() {
        Reply step = Replies.lastWithButtons(service.startRolePlay(ann, TrainingDriver.dm(ann), "en", "journalist-dm"));
        Button best = driver.rolePlayButton(step, "en", true);
        assertEquals(2, driver.press(ann, best, "en").size());
        List<Reply> again = driver.press(ann, best, "en");
        assertEquals(1, again.size());
        assertEquals("You’ve already answered that question; your first answer counts.", again.getFirst().fallback());
    }

    @Test
    void anUnknownScenarioListsTheKnownOnes() {
        Reply list = service.startRolePlay(ann, TrainingDriver.dm(ann), "en", "no-such-thing").getFirst();
        assertEquals(Reply.SAME, list.placement());
        assertTrue(Replies.text(list).contains("I don’t know a role-play called “no-such-thing”."));
        assertFalse(Replies.buttons(list).isEmpty());
    }
}
