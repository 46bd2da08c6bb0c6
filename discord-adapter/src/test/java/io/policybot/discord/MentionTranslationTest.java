package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The engine never sees Discord's mention syntax: a person mentioned reaches it as {@code @discord:123}. */
class MentionTranslationTest {

    @Test
    void userMentionsOldAndNewBecomeTheNeutralForm() {
        assertEquals("report @discord:333", DiscordListener.neutralMentions("report <@333>"));
        assertEquals("report @discord:333", DiscordListener.neutralMentions("report <@!333>"));
        // Role mentions are no person: left as they are (and neutralised when echoed).
        assertEquals("ask <@&777>", DiscordListener.neutralMentions("ask <@&777>"));
    }
}
