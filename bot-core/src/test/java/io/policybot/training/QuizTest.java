package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Reply;
import io.policybot.people.Person;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A whole quiz through the service, on a real database and the bundled content. */
class QuizTest {
    private static final Instant T0 = Instant.parse("2026-11-10T09:00:00Z");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    private final TestClock clock = TestClock.at(T0.toString());

    private final Actor ann = new Actor("slack", "U1", "Ann", Locale.ENGLISH);

    private TrainingService service() {
        return TestServices.training(db.database(), clock, 42);
    }

    private Person person(Actor a) {
        return new SqlPersonRepository(db.database()).find(a.platform(), a.userId()).orElseThrow();
    }

    private List<Completion> completions(Actor a) {
        return new SqlTrainingRepository(db.database()).completions(person(a).id());
    }

    @Test
    void aFullQuizInEnglishAnsweredRightPassesAndIsRecordedWithThePolicyVersion() {
        TrainingService service = service();
        TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
        List<Reply> replies = service.startQuiz(ann, TrainingDriver.dm(ann), "en", null);
        assertEquals(2, replies.size());
        assertTrue(replies.stream().allMatch(r -> r.placement().equals(Reply.SAME)), "a DM answers in place");
        assertTrue(Replies.text(replies.get(0)).contains("10 questions; you pass with 80% right"));

        for (int i = 0; i < 10; i++) {
            Reply question = Replies.lastWithButtons(replies);
            assertEquals("Question " + (i + 1) + "/10", Replies.blocks(question, Block.Context.class).getFirst().text());
            List<Button> buttons = Replies.buttons(question);
            assertTrue(buttons.size() >= 3 && buttons.size() <= 4);
            assertTrue(buttons.stream().allMatch(b -> b.actionId().equals(Actions.QUIZ_ANSWER)
                    && b.actionId().length() + b.value().length() < 40));

            replies = driver.press(ann, driver.quizButton(question, "en", true), "en");
            Reply feedback = replies.getFirst();
            assertEquals(Reply.REPLACE, feedback.placement());
            assertTrue(Replies.buttons(feedback).isEmpty(), "the answered question loses its buttons");
            assertTrue(Replies.text(feedback).contains("**Correct.**"));
            assertTrue(Replies.text(feedback).contains("_(your answer)_"));
            Block.Citation citation = Replies.blocks(feedback, Block.Citation.class).getFirst();
            assertEquals("Social Media Policy", citation.policyTitle());
            assertEquals("1.0", citation.version());
            assertTrue(citation.link().startsWith("https://intranet.acme.example/policies/social-media#"));
        }
        assertEquals(3, replies.size());
        Reply summary = replies.get(1);
        assertEquals(Reply.SAME, summary.placement());
        assertEquals("Quiz finished: 10/10 (100%)", Replies.blocks(summary, Block.Heading.class).getFirst().text());
        assertTrue(Replies.text(summary).contains("**You passed** (pass mark 80%)"));
        assertTrue(Replies.text(summary).contains("You got every question right."));
        assertEquals(Actions.QUIZ_START, Replies.button(summary, "Retake the quiz").actionId());
        Reply home = replies.get(2);
        assertEquals(Reply.HOME, home.placement());
        assertTrue(Replies.text(home).contains("quiz passed on 10 November 2026 with 10/10"), Replies.text(home));

        List<Completion> done = completions(ann);
        assertEquals(1, done.size());
        Completion c = done.getFirst();
        assertEquals(Modules.QUIZ, c.module());
        assertEquals("social-media", c.policyId());
        assertEquals("1.0", c.policyVersion());
        assertEquals(10, c.correct());
        assertEquals(10, c.total());
        assertTrue(c.passed());
        assertEquals(T0, c.completedAt());
        assertEquals(person(ann).id(), c.personId());
    }

    @Test
    void aFullQuizInChineseAnsweredWrongFailsAndListsTheSectionsToReRead() {
        Actor li = new Actor("slack", "U2", "李雷", Locale.CHINESE);
        TrainingService service = service();
        List<Reply> replies = new TrainingDriver(service, TestContent.bundled()).playQuiz(li, "zh", i -> false);
        Reply feedback = replies.getFirst();
        assertTrue(Replies.text(feedback).contains("**不太对。**正确答案是 **"), Replies.text(feedback));
        assertEquals("zh", Replies.blocks(feedback, Block.Citation.class).getFirst().language());
        assertEquals("社交媒体政策", Replies.blocks(feedback, Block.Citation.class).getFirst().policyTitle());
        Reply summary = replies.get(1);
        assertEquals("测验完成：0/10（0%）", Replies.blocks(summary, Block.Heading.class).getFirst().text());
        assertTrue(Replies.text(summary).contains("**这次还没有通过**（及格线 80%）"));
        Block.Bullets reread = Replies.blocks(summary, Block.Bullets.class).getFirst();
        assertEquals("建议重读的章节", reread.label());
        assertEquals(10, reread.items().size(), "ten questions from ten sections, all missed");
        assertTrue(reread.items().stream().allMatch(s -> s.startsWith("[") && s.contains("](https://")));
        assertEquals(Button.Style.PRIMARY, Replies.button(summary, "重新测验").style());

        Completion c = completions(li).getFirst();
        assertEquals(0, c.correct());
        assertFalse(c.passed());
        assertEquals("1.0", c.policyVersion());
    }

    @Test
    void eightOfTenPassesSevenOfTenFailsAndARetakeIsAllowed() {
        TrainingService service = service();
        TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
        List<Reply> last = driver.playQuiz(ann, "en", i -> i < 7);
        assertTrue(Replies.text(last.get(1)).contains("Quiz finished: 7/10 (70%)"));
        assertTrue(Replies.text(last.get(1)).contains("Not passed this time"));
        // The Retake button starts a fresh quiz.
        clock.advance(java.time.Duration.ofMinutes(5));
        List<Reply> retake = driver.press(ann, Replies.button(last.get(1), "Retake the quiz"), "en");
        assertTrue(Replies.text(retake).contains("Question 1/10"));
        Reply question = Replies.lastWithButtons(retake);
        for (int i = 0; i < 10; i++) {
            List<Reply> replies = driver.press(ann, driver.quizButton(question, "en", i < 8), "en");
            if (i < 9) {
                question = Replies.lastWithButtons(replies);
            } else {
                assertTrue(Replies.text(replies.get(1)).contains("Quiz finished: 8/10 (80%)"));
                assertTrue(Replies.text(replies.get(1)).contains("**You passed**"));
            }
        }
        List<Completion> done = completions(ann);
        assertEquals(List.of(false, true), done.stream().map(Completion::passed).toList());
        assertEquals(List.of(7, 8), done.stream().map(Completion::correct).toList());
    }

    @Test
    void startedInAChannelTheQuizGoesToTheDmWithAPrivateNote() {
        List<Reply> replies = service().startQuiz(ann, new ChannelRef("C-general", false), "en", null);
        assertEquals(List.of(Reply.PRIVATE, Reply.DM, Reply.DM), replies.stream().map(Reply::placement).toList());
        assertEquals("I’ve sent you the quiz in a DM.", replies.getFirst().fallback());
        assertFalse(Replies.buttons(replies.get(2)).isEmpty());
    }

    @Test
    void withoutAChannelEverythingGoesToTheDm() {
        List<Reply> replies = service().startQuiz(ann, "en", null);
        assertEquals(List.of(Reply.DM, Reply.DM), replies.stream().map(Reply::placement).toList());
    }

    @Test
    void aConfiguredQuizLengthAndPassMarkApply() {
        TrainingService service = TestServices.training(db.database(), clock, 1, new TrainingSettings(4, 0.5, 30));
        List<Reply> last = new TrainingDriver(service, TestContent.bundled()).playQuiz(ann, "en", i -> i % 2 == 0);
        assertTrue(Replies.text(last.get(1)).contains("Quiz finished: 2/4 (50%)"));
        assertTrue(Replies.text(last.get(1)).contains("**You passed** (pass mark 50%)"));
    }

    @Test
    void noLanguageMeansEnglish() {
        List<Reply> replies = service().startQuiz(ann, TrainingDriver.dm(ann), null, null);
        assertTrue(Replies.text(replies).contains("Question 1/10"));
        assertTrue(Replies.text(service().status(ann, " ").getFirst()).contains("Your training"));
    }

    @Test
    void anUnknownPolicyHasNoQuiz() {
        List<Reply> replies = service().startQuiz(ann, TrainingDriver.dm(ann), "en", "expenses");
        assertEquals(1, replies.size());
        assertEquals(Reply.PRIVATE, replies.getFirst().placement());
        assertEquals("There is no quiz yet.", replies.getFirst().fallback());
    }
}
