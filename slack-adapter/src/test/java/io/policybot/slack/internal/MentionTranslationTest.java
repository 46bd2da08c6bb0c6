package io.policybot.slack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The engine never sees Slack's mention syntax: a person mentioned reaches it as {@code @slack:U123}. */
class MentionTranslationTest {

    @Test
    void aMentionedPersonBecomesTheNeutralForm() {
        assertEquals("report @slack:U0E3", SlackListeners.plainText("report <@U0E3>"));
        assertEquals("report @slack:U0E3", SlackListeners.plainText("report <@U0E3|eva>"));
        assertEquals("report team Sales", SlackListeners.plainText("report team Sales"));
    }

    @Test
    void theBotsOwnMentionIsDroppedAndOthersTranslated() {
        assertEquals("report @slack:W42", SlackListeners.withoutMention("<@UBOT> report <@W42>", "UBOT"));
    }
}
