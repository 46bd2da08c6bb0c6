package io.policybot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void inlineEscapesMarkdownAndKeepsOneLine() {
        assertEquals("\\[HR\\]\\(https://x\\) \\*\\*b\\*\\* a\\_b", UserText.inline(" [HR](https://x)\n**b**\u202E a_b "));
        assertEquals("", UserText.inline(null));
    }

    @Test
    void quotePrefixesEveryLineSoNothingLeavesTheQuote() {
        assertEquals("> one\n>\n> \\> two\n> \\# three", UserText.quote("one\r\n\r\n> two\u2028# three\n"));
    }

    @Test
    void unescapeGivesTheTextBack() {
        String typed = "a [b](c) **d** _e_ `f` ~g~ | \\ # - <h>";
        assertEquals(typed, UserText.unescape(UserText.inline(typed)));
    }

    @Test
    void plainIsOneLineAndUnescaped() {
        assertEquals("**Bob** [x](y)", UserText.plain("**Bob**\n\u200B[x](y)"));
    }
}
