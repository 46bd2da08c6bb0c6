package io.policybot.discord;

import static io.policybot.discord.Harness.await;
import static io.policybot.discord.Harness.quizQuestion;
import static io.policybot.discord.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.policybot.chat.Actor;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlashCommandTest {
    private final Harness h = new Harness();
    private final FakeDiscord discord = h.discord;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void acknowledgesBeforeTheEngineRuns() throws Exception {
        CountDownLatch engineRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedEngine engine = new ScriptedEngine(inbound -> {
            discord.timeline.add("engine");
            engineRunning.countDown();
            try {
                assertTrue(release.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return List.of(reply(Reply.SAME, "Posting photos", "Ask first."));
        });
        SlashCommandInteractionEvent event = discord.slash("1001", "ask", true, Map.of("question", "photos?"));

        CompletableFuture<Void> done = h.listener(engine).slashCommand(event);

        assertTrue(engineRunning.await(5, TimeUnit.SECONDS));
        verify(event).deferReply(false);
        assertEquals(List.of("defer reply", "engine"), discord.timeline);
        assertFalse(done.isDone(), "the reply waits for the engine, the acknowledgement does not");
        release.countDown();
        await(done);
        assertEquals(List.of("defer reply", "engine", "edit original"), discord.timeline);
    }

    @Test
    void askBecomesACommandMessageWithTheUsersLocale() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.SAME, "Posting photos", "Ask first."));
        SlashCommandInteractionEvent event =
                discord.slash("1001", "ask", true, Map.of("question", " Can I post photos of colleagues? "));
        when(event.getUserLocale()).thenReturn(DiscordLocale.CHINESE_CHINA);

        await(h.listener(engine).slashCommand(event));

        assertEquals(new Inbound.Message(new Actor("discord", FakeDiscord.USER_ID, "Ada", Locale.forLanguageTag("zh-CN")),
                new ChannelRef(FakeDiscord.CHANNEL_ID, false), "ask Can I post photos of colleagues?",
                Inbound.Message.Kind.COMMAND, "1001"), engine.only());
        MessageEditData answer = discord.sent("edit original").get(0).edit();
        assertEquals("Posting photos", answer.getEmbeds().get(0).getTitle());
    }

    @Test
    void reportPassesItsTargetAsAMention() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.PRIVATE, "Report", "1 of 3 done."));

        await(h.listener(engine).slashCommand(
                discord.slash("1002", "report", true, Map.of("target", "333333333333333333"))));

        assertEquals("report @discord:333333333333333333", ((Inbound.Message) engine.only()).text());
    }

    @Test
    void personalResultsAreEphemeralInAGuild() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.PRIVATE, "Your training", "Quiz passed."));
        SlashCommandInteractionEvent event = discord.slash("1003", "status", true, Map.of());

        await(h.listener(engine).slashCommand(event));

        verify(event).deferReply(true);
        assertEquals(List.of("defer reply (ephemeral)", "edit original"), discord.timeline);
        assertEquals("Your training", discord.sent("edit original").get(0).title());
    }

    @Test
    void aPrivateReplyAfterAPublicDeferIsAnEphemeralFollowUp() {
        ScriptedEngine engine = ScriptedEngine.answering(
                reply(Reply.SAME, "Posting photos", "Ask first."),
                reply(Reply.PRIVATE, "Your training", "You have a quiz due."));

        await(h.listener(engine).slashCommand(discord.slash("1004", "ask", true, Map.of("question", "photos?"))));

        assertEquals(List.of("defer reply", "edit original", "follow-up (ephemeral)"), discord.timeline);
        assertEquals("Your training", discord.sent("follow-up").get(0).title());
    }

    @Test
    void whenNoReplyMatchesTheDeferItIsDeletedAndTheRepliesFollowUp() {
        ScriptedEngine engine = ScriptedEngine.answering(reply(Reply.PRIVATE, "Declined", "Please ask HR."));

        await(h.listener(engine).slashCommand(discord.slash("1005", "ask", true, Map.of("question", "salary?"))));

        assertEquals(List.of("defer reply", "delete original", "follow-up (ephemeral)"), discord.timeline);
    }

    @Test
    void inADmPrivateIsANormalMessage() {
        ScriptedEngine engine = ScriptedEngine.answering(
                reply(Reply.PRIVATE, "Your training", "Quiz passed."),
                reply(Reply.DM, "Next", "A role-play is due."));
        SlashCommandInteractionEvent event = discord.slash("1006", "status", false, Map.of());

        await(h.listener(engine).slashCommand(event));

        verify(event).deferReply(false);
        assertEquals(List.of("defer reply", "edit original", "follow-up"), discord.timeline);
        assertEquals(new ChannelRef(FakeDiscord.CHANNEL_ID, true), engine.only().channel());
    }

    @Test
    void D4_closedDmsAreShownPrivatelyWithoutClaimingTheDm() {
        discord.dmFailure.set(FakeDiscord.discordError(ErrorResponse.CANNOT_SEND_TO_USER));
        ScriptedEngine engine = ScriptedEngine.answering(
                reply(Reply.PRIVATE, "Quiz", "I've sent you the quiz in a DM."), quizQuestion(Reply.DM),
                quizQuestion(Reply.DM));

        await(h.listener(engine).slashCommand(discord.slash("1008", "quiz", true, Map.of())));

        assertEquals(List.of("defer reply (ephemeral)", "open dm", "dm refused", "edit original",
                "follow-up (ephemeral)"), discord.timeline, "the second DM is not tried once DMs are closed");
        FakeDiscord.Sent fallback = discord.sent("edit original").get(0);
        assertEquals("Question 1 of 5", fallback.title());
        assertTrue(fallback.description().startsWith("_" + Notices.get(Notices.DM_CLOSED_PRIVATE, Locale.US) + "_"),
                fallback.description());
        assertTrue(fallback.description().contains("A journalist messages you on LinkedIn."), "nothing is lost");
        assertEquals(1, fallback.edit().getComponents().size(), "the quiz buttons come along");
        FakeDiscord.Sent second = discord.sent("follow-up").get(0);
        assertTrue(second.ephemeral());
        assertFalse(second.description().contains(Notices.get(Notices.DM_CLOSED_PRIVATE, Locale.US)),
                "the notice is shown once");
        assertTrue(discord.sent.stream().noneMatch(m -> String.valueOf(m.description()).contains("sent you the quiz")),
                "no claim that the quiz went to the DM");
        assertTrue(discord.sent("channel").isEmpty(), "nothing personal is posted in the channel");
    }

    @Test
    void afterTheTokenWindowRepliesAreFreshMessages() {
        ScriptedEngine engine = new ScriptedEngine(inbound -> {
            h.clock.advance(Duration.ofMinutes(16));
            return List.of(reply(Reply.SAME, "Posting photos", "Ask first."),
                    reply(Reply.PRIVATE, "Your training", "You have a quiz due."));
        });

        await(h.listener(engine).slashCommand(discord.slash("1009", "ask", true, Map.of("question", "photos?"))));

        assertEquals(List.of("defer reply", "channel", "open dm", "dm"), discord.timeline);
        verify(discord.hook, never()).editOriginal(any(MessageEditData.class));
        verify(discord.hook, never()).sendMessage(any(MessageCreateData.class));
    }

    @Test
    void withinTheTokenWindowTheHookIsUsed() {
        ScriptedEngine engine = new ScriptedEngine(inbound -> {
            h.clock.advance(Duration.ofMinutes(14));
            return List.of(reply(Reply.SAME, "Posting photos", "Ask first."));
        });

        await(h.listener(engine).slashCommand(discord.slash("1010", "ask", true, Map.of("question", "photos?"))));

        assertEquals(List.of("defer reply", "edit original"), discord.timeline);
    }

    @Test
    void anEngineFailureBecomesAPoliteEphemeralReply() {
        ScriptedEngine engine = new ScriptedEngine(inbound -> {
            throw new IllegalStateException("boom");
        });

        await(h.listener(engine).slashCommand(discord.slash("1013", "ask", true, Map.of("question", "photos?"))));

        assertEquals(List.of("defer reply", "delete original", "follow-up (ephemeral)"), discord.timeline);
        assertEquals(Notices.get(Notices.FAILED, Locale.US), discord.sent("follow-up").get(0).description());
    }
}
