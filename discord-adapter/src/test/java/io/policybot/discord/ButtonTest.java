package io.policybot.discord;

import static io.policybot.discord.Harness.await;
import static io.policybot.discord.Harness.quizQuestion;
import static io.policybot.discord.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ButtonTest {
    private final Harness h = new Harness();
    private final FakeDiscord discord = h.discord;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aButtonsCustomIdComesBackAsTheEnginesActionAndValue() {
        Button engineButton = new Button(Actions.QUIZ_ANSWER, "Forward to Communications", "q1:b");
        MessageCreateData sent = MessageRenderer.create(List.of(new Block.Buttons(List.of(engineButton))), "Quiz").get(0);
        String customId = sent.getComponents().get(0).asActionRow().getButtons().get(0).getCustomId();
        assertEquals("quiz.answer:q1:b", customId);
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.REPLACE, "Correct", "Communications answers."));

        await(h.listener(engine).button(discord.button("2001", customId, true, false)));

        assertEquals(new Inbound.ButtonPress(new Actor("discord", FakeDiscord.USER_ID, "Ada", Locale.US),
                new ChannelRef(FakeDiscord.CHANNEL_ID, false), Actions.QUIZ_ANSWER, "q1:b", "2001"), engine.only());
    }

    @Test
    void aStaleButtonGetsTheEnginesNoticeEphemerally() {
        ScriptedEngine engine = ScriptedEngine.answering(
                reply(Reply.PRIVATE, "This quiz has ended", "Start a new one with /policy quiz."));

        await(h.listener(engine).button(discord.button("2003", "quiz.answer:q1:b", true, false)));

        assertEquals(List.of("defer edit", "follow-up (ephemeral)"), discord.timeline);
        assertEquals("This quiz has ended", discord.sent("follow-up").get(0).title());
    }

    @Test
    void onAnEphemeralMessageTheSameConversationStaysPrivate() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.REPLACE, "Correct", "Yes."), quizQuestion(Reply.SAME));

        await(h.listener(engine).button(discord.button("2004", "quiz.answer:q1:b", true, true)));

        assertEquals(List.of("defer edit", "edit original", "follow-up (ephemeral)"), discord.timeline);
    }

    @Test
    void askHrPostsInTheHrChannel() {
        ScriptedEngine engine = ScriptedEngine.answering(
                new Reply(new Reply.Placement.NamedChannel(Reply.ChannelRole.HR),
                        List.of(new Block.Text("Ada asked a question the policy does not answer.")), "HR question"),
                reply(Reply.PRIVATE, "Sent to HR", "HR will get back to you."));

        await(h.listener(engine).button(discord.button("2005", "ask.hr:gap-17", true, false)));

        assertEquals(List.of("defer edit", "hr channel", "follow-up (ephemeral)"), discord.timeline);
    }

    @Test
    void afterTheTokenWindowAReplaceIsAFreshMessageOrAPrivateOneByDm() {
        ScriptedEngine engine = new ScriptedEngine(inbound -> {
            h.clock.advance(Duration.ofMinutes(15));
            return List.of(reply(Reply.REPLACE, "Correct", "Yes."));
        });
        DiscordListener listener = h.listener(engine);

        await(listener.button(discord.button("2006", "quiz.answer:q1:b", true, false)));
        await(listener.button(discord.button("2007", "quiz.answer:q1:b", true, true)));

        assertEquals(List.of("defer edit", "channel", "defer edit", "open dm", "dm"), discord.timeline);
    }

    @Test
    void foreignButtonsAreLeftAlone() {
        ScriptedEngine engine = ScriptedEngine.answering();
        ButtonInteractionEvent event = discord.button("2008", "someone-elses-button", true, false);

        await(h.listener(engine).button(event));

        assertTrue(engine.received.isEmpty());
        verify(event, never()).deferEdit();
    }

    @Test
    void aReplayedPressIsHandledOnce() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.REPLACE, "Correct", "Yes."));
        DiscordListener listener = h.listener(engine);
        ButtonInteractionEvent event = discord.button("2009", "quiz.answer:q1:b", true, false);

        await(listener.button(event));
        await(listener.button(event));

        assertEquals(1, engine.received.size());
        verify(event, times(1)).deferEdit();
    }
}
