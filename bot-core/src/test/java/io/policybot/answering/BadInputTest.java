package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.TestAnswerers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever people type, they get a sensible answer or a clear request, never an exception. */
class BadInputTest {
    private final QuestionAnswerer answerer = TestAnswerers.hybrid();

    @Test
    void emptyAndBlankQuestionsAskForAQuestion() {
        for (String q : new String[] {"", "   ", "\n\t", null}) {
            Answer a = answerer.answer(q, "en");
            assertFalse(a.answered());
            assertEquals(Answer.Decline.EMPTY, a.decline());
        }
    }

    @Test
    void a100KbQuestionAsksForAShorterOne() {
        Answer a = answerer.answer("Can I post on LinkedIn? ".repeat(4_300), "en");
        assertFalse(a.answered());
        assertEquals(Answer.Decline.TOO_LONG, a.decline());
        assertTrue(AnswerReplies.answer(a, null, 1000).toString().contains("sentence or two"));
    }

    @Test
    void controlCharactersAreIgnored() {
        Answer a = answerer.answer("Can I mention my\u0000 employer\u0007 on\u001b LinkedIn?\u200b", "en");
        assertTrue(a.answered());
        assertEquals("identifying-yourself", a.citation().sectionId());
    }

    @Test
    void emojiOnlyGetsTheFriendlySmallTalkReply() {
        Answer a = answerer.answer("\ud83d\ude00\ud83d\udc4d\ud83c\udf89", "en");
        assertFalse(a.answered());
        assertEquals(Answer.Kind.SMALLTALK, a.kind());
    }

    @Test
    void punctuationOnlyGetsARequestForWords() {
        Answer a = answerer.answer("*:*", "en");
        assertFalse(a.answered());
        assertEquals(Answer.Decline.NO_WORDS, a.decline());
    }

    @Test
    void emojiAroundAQuestionDoNotGetInTheWay() {
        Answer a = answerer.answer("\ud83d\ude4f can I post photos of my coworkers from the offsite?? \ud83d\udcf8", "en");
        assertTrue(a.answered());
        assertEquals("privacy-and-consent", a.citation().sectionId());
    }

    @Test
    void mixedEnglishAndChineseIsAnswered() {
        Answer a = answerer.answer("我可以在 LinkedIn 上写我在哪家公司工作吗", "en");
        assertEquals("zh", a.language());
        assertTrue(a.answered());
        assertEquals("identifying-yourself", a.citation().sectionId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password AND", "*", "\"", "account:security", "hacked~2", "(((instagram", "[linkedin TO",
            "title:{#id}", "OR OR NOT", "\\", "a:b:c:d", "+-&&||!(){}[]^\"~*?:\\/"})
    void luceneQuerySyntaxIsJustText(String q) {
        Answer a = answerer.answer(q, "en");
        assertTrue(a.decline() != null);
    }

    @Test
    void querySyntaxInsideARealQuestionStillFindsTheAnswer() {
        Answer a = answerer.answer("our X account was hacked!!! (what do I do?) AND who: do I tell*", "en");
        assertTrue(a.answered());
        assertTrue(a.citation().sectionId().equals("account-security") || a.citation().sectionId().equals("crisis-response"));
    }

    @Test
    void repeatedQuestionsAreServedFromTheCacheWithTheirOwnWording() {
        Answer first = answerer.answer("Can I mention my employer on LinkedIn?", "en");
        Answer second = answerer.answer("  can i MENTION my employer on linkedin?  ", "en");
        assertEquals(first.citation(), second.citation());
        assertEquals("  can i MENTION my employer on linkedin?  ", second.question());
    }
}
