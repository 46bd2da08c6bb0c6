package io.policybot.slack.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MrkdwnTest {

    @Test
    void escapesControlCharactersSoNoMentionCanBeInjected() {
        assertEquals("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; a &amp; b",
                Mrkdwn.escape("<!channel> <!here> <@U123> a & b"));
    }

    @Test
    void neutralisesBareBroadcastWords() {
        assertEquals("hi @\u2060here and @\u2060Channel, mail me@example.com", Mrkdwn.escape("hi @here and @Channel, mail me@example.com"));
    }

    @Test
    void convertsTheMarkdownSubset() {
        assertEquals("*bold* and _italic_\n• one\n• *two*", Mrkdwn.fromMarkdown("**bold** and _italic_\n- one\n- **two**"));
    }

    @Test
    void linksAreBuiltAfterEscaping() {
        assertEquals("<https://x.example/a?b=1&amp;c=2|A &lt;b&gt; ¦ c>",
                Mrkdwn.fromMarkdown("[A <b> | c](https://x.example/a?b=1&c=2)"));
    }

    @Test
    void onlyWebAndMailLinksAreLinked() {
        assertEquals("click", Mrkdwn.fromMarkdown("[click](javascript:alert)"));
        assertEquals("write", Mrkdwn.fromMarkdown("[write](slack://open)"));
    }

    @Test
    void bareUrlsAreLinkedWithoutTrailingPunctuation() {
        assertEquals("see <https://example.com/p>.", Mrkdwn.fromMarkdown("see https://example.com/p."));
    }

    @Test
    void inboundMarkupBecomesPlainText() {
        assertEquals("hi @U123 @bob #general @channel @here see docs (https://x.y) or https://z & <b>",
                Mrkdwn.toPlain("hi <@U123> <@U456|bob> <#C1|general> <!channel> <!here|here> see <https://x.y|docs> or "
                        + "<https://z> &amp; &lt;b&gt;"));
    }

    @Test
    void truncatesWithAnEllipsis() {
        assertEquals("abcd…", Mrkdwn.truncate("abcdefgh", 5));
        assertEquals("abc", Mrkdwn.truncate("abc", 5));
    }

    @Test
    void B2_escapedUserTextIsShownAsTypedAndNeverFormattedOrLinked() {
        String typed = "[Open the HR portal](https://evil.example/login) **URGENT** _now_ ~old~ `code` snake_case <!here>";
        String shown = Mrkdwn.fromMarkdown("**Bot's own** " + io.policybot.text.UserText.inline(typed));
        assertEquals("*Bot's own* [Open the HR portal](<https://evil.example/login>) \u2217\u2217URGENT\u2217\u2217 "
                + "\uFF3Fnow\uFF3F \u223Cold\u223C \u02CBcode\u02CB snake_case &lt;!here&gt;", shown);
    }

    @Test
    void aQuotedQuestionStaysInsideTheQuote() {
        String shown = Mrkdwn.fromMarkdown("Asked:\n" + io.policybot.text.UserText.quote("one\n- two\n> three"));
        assertEquals("Asked:\n&gt; one\n&gt; - two\n&gt; &gt; three", shown);
    }

    @Test
    void privateUseCharactersInTheTextCannotPoseAsEscapes() {
        assertEquals("\uFFFD*b*", Mrkdwn.fromMarkdown("\uE002**b**"));
    }

    @Test
    void aBoldNameWithAnAddressInItStaysOneBoldRun() {
        String name = io.policybot.text.UserText.inline("[HR Portal](https://evil.example)");
        assertEquals("\u2753 *[HR Portal](<https://evil.example>)* asked", Mrkdwn.fromMarkdown("\u2753 **" + name + "** asked"));
    }
}
