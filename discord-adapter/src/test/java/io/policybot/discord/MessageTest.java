package io.policybot.discord;

import static io.policybot.discord.Harness.await;
import static io.policybot.discord.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import io.policybot.chat.Actor;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageTest {
    private final Harness h = new Harness();
    private final FakeDiscord discord = h.discord;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aDmBecomesADirectMessageAnsweredInTheDm() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.SAME, "Hacked account", "Tell Security at once."),
                reply(Reply.PRIVATE, "Your training", "Nothing due."));

        await(h.listener(engine).message(discord.message("3001", "  My account was hacked  ", false, false)));

        assertEquals(new Inbound.Message(new Actor("discord", FakeDiscord.USER_ID, "Ada", null),
                new ChannelRef(FakeDiscord.CHANNEL_ID, true), "My account was hacked",
                Inbound.Message.Kind.DIRECT_MESSAGE, "3001"), engine.only());
        assertEquals(List.of("channel", "channel"), discord.timeline);
        assertNull(discord.sent("channel").get(0).replyTo());
    }

    @Test
    void aMentionIsStrippedAndAnsweredAsAReply() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.SAME, "Posting photos", "Ask first."));

        await(h.listener(engine).message(discord.message("3002",
                "<@" + FakeDiscord.BOT_ID + "> can I post   photos? <@!" + FakeDiscord.BOT_ID + ">", true, true)));

        Inbound.Message inbound = (Inbound.Message) engine.only();
        assertEquals(Inbound.Message.Kind.MENTION, inbound.kind());
        assertEquals("can I post photos?", inbound.text());
        assertEquals(new ChannelRef(FakeDiscord.CHANNEL_ID, false), inbound.channel());
        assertEquals("3002", discord.sent("channel").get(0).replyTo());
    }

    @Test
    void messagesThatDoNotMentionTheBotAndBotMessagesAreIgnored() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.SAME, "x", "y"));
        DiscordListener listener = h.listener(engine);

        await(listener.message(discord.message("3003", "lunch anyone?", true, false)));
        MessageReceivedEvent fromBot = discord.message("3004", "hello", false, false);
        when(discord.user.isBot()).thenReturn(true);
        await(listener.message(fromBot));

        assertTrue(engine.received.isEmpty());
        assertTrue(discord.timeline.isEmpty());
    }

    @Test
    void personalRepliesToAMentionGoByDm() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.PRIVATE, "Your training", "Quiz due Friday."));

        await(h.listener(engine).message(discord.message("3005", "<@" + FakeDiscord.BOT_ID + "> status", true, true)));

        assertEquals(List.of("open dm", "dm"), discord.timeline);
    }

    @Test
    void aDmUsesTheLanguageLearnedFromTheUsersLastInteraction() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.PRIVATE, "x", "y"));
        DiscordListener listener = h.listener(engine);
        var command = discord.slash("3008", "status", false, Map.of());
        when(command.getUserLocale()).thenReturn(DiscordLocale.GERMAN);

        await(listener.slashCommand(command));
        await(listener.message(discord.message("3009", "hallo", false, false)));

        assertEquals(Locale.GERMAN, engine.received.get(1).actor().locale());
    }
}
