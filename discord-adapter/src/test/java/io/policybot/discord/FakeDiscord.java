package io.policybot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.CacheRestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Mockito stand-ins for the JDA objects one conversation touches. Every request's {@code submit()} is recorded in
 * {@link #timeline} (with the engine's own entry, the order of defer, engine and sends can be asserted) and, for
 * messages, in {@link #sent}.
 */
final class FakeDiscord {
    static final String USER_ID = "111111111111111111";
    static final String CHANNEL_ID = "222222222222222222";
    static final String BOT_ID = "999999999999999999";
    static final String HR_CHANNEL_ID = "444444444444444444";

    /** One message that went out: how, what, and whether only the user sees it. */
    record Sent(String how, MessageCreateData create, MessageEditData edit, boolean ephemeral, String replyTo,
                String nonce) {
        Sent(String how, MessageCreateData create, MessageEditData edit, boolean ephemeral, String replyTo) {
            this(how, create, edit, ephemeral, replyTo, null);
        }

        String description() {
            var embeds = create != null ? create.getEmbeds() : edit.getEmbeds();
            return embeds.isEmpty() ? null : embeds.get(0).getDescription();
        }

        String title() {
            var embeds = create != null ? create.getEmbeds() : edit.getEmbeds();
            return embeds.isEmpty() ? null : embeds.get(0).getTitle();
        }
    }

    final List<String> timeline = new CopyOnWriteArrayList<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final JDA jda = mock(JDA.class);
    final SelfUser self = mock(SelfUser.class);
    final User user = mock(User.class);
    final PrivateChannel dm = mock(PrivateChannel.class);
    final MessageChannelUnion channel = mock(MessageChannelUnion.class);
    final GuildMessageChannel hrChannel = mock(GuildMessageChannel.class);
    final InteractionHook hook = mock(InteractionHook.class);
    final Message posted = mock(Message.class);
    /** When set, sending a DM fails with it. */
    final AtomicReference<Throwable> dmFailure = new AtomicReference<>();

    FakeDiscord() {
        when(posted.getId()).thenReturn("555555555555555555");
        when(self.getId()).thenReturn(BOT_ID);
        when(jda.getSelfUser()).thenReturn(self);
        when(user.getId()).thenReturn(USER_ID);
        when(user.getEffectiveName()).thenReturn("Ada");
        when(channel.getId()).thenReturn(CHANNEL_ID);
        when(jda.getChannelById(GuildMessageChannel.class, HR_CHANNEL_ID)).thenReturn(hrChannel);

        CacheRestAction<PrivateChannel> open = cacheAction(() -> dm, "open dm");
        when(user.openPrivateChannel()).thenReturn(open);
        CacheRestAction<User> lookup = cacheAction(() -> user, "retrieve user");
        when(jda.retrieveUserById(USER_ID)).thenReturn(lookup);
        when(dm.sendMessage(any(MessageCreateData.class)))
                .thenAnswer(inv -> messageAction("dm", inv.getArgument(0), dmFailure::get));
        when(channel.sendMessage(any(MessageCreateData.class)))
                .thenAnswer(inv -> messageAction("channel", inv.getArgument(0), () -> null));
        when(hrChannel.sendMessage(any(MessageCreateData.class)))
                .thenAnswer(inv -> messageAction("hr channel", inv.getArgument(0), () -> null));

        when(hook.editOriginal(any(MessageEditData.class))).thenAnswer(inv -> {
            MessageEditData data = inv.getArgument(0);
            @SuppressWarnings("unchecked")
            WebhookMessageEditAction<Message> action = mock(WebhookMessageEditAction.class);
            when(action.submit()).thenAnswer(i -> record(new Sent("edit original", null, data, false, null)));
            return action;
        });
        when(hook.sendMessage(any(MessageCreateData.class))).thenAnswer(inv -> {
            MessageCreateData data = inv.getArgument(0);
            AtomicBoolean ephemeral = new AtomicBoolean();
            @SuppressWarnings("unchecked")
            WebhookMessageCreateAction<Message> action = mock(WebhookMessageCreateAction.class);
            when(action.setEphemeral(anyBoolean())).thenAnswer(i -> {
                ephemeral.set(i.getArgument(0));
                return action;
            });
            when(action.submit()).thenAnswer(i -> record(new Sent("follow-up", data, null, ephemeral.get(), null)));
            return action;
        });
        when(hook.deleteOriginal()).thenAnswer(inv -> {
            @SuppressWarnings("unchecked")
            RestAction<Void> action = mock(RestAction.class);
            when(action.submit()).thenAnswer(i -> {
                timeline.add("delete original");
                return CompletableFuture.completedFuture(null);
            });
            return action;
        });
    }

    static ErrorResponseException discordError(ErrorResponse response) {
        ErrorResponseException e = mock(ErrorResponseException.class);
        when(e.getErrorResponse()).thenReturn(response);
        when(e.getErrorCode()).thenReturn(response.getCode());
        when(e.isServerError()).thenReturn(response == ErrorResponse.SERVER_ERROR);
        return e;
    }

    SlashCommandInteractionEvent slash(String interactionId, String subcommand, boolean inGuild,
                                       Map<String, String> options) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        when(event.getName()).thenReturn(PolicyCommand.NAME);
        when(event.getId()).thenReturn(interactionId);
        when(event.getSubcommandName()).thenReturn(subcommand);
        options.forEach((name, value) -> {
            OptionMapping mapping = mock(OptionMapping.class);
            when(mapping.getAsString()).thenReturn(value);
            when(event.getOption(name)).thenReturn(mapping);
        });
        when(event.isFromGuild()).thenReturn(inGuild);
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.getChannelId()).thenReturn(CHANNEL_ID);
        when(event.getChannel()).thenReturn(channel);
        when(event.getJDA()).thenReturn(jda);
        when(event.getHook()).thenReturn(hook);
        ReplyCallbackAction defer = mock(ReplyCallbackAction.class);
        AtomicBoolean ephemeral = new AtomicBoolean();
        when(defer.submit()).thenAnswer(i -> {
            timeline.add("defer reply" + (ephemeral.get() ? " (ephemeral)" : ""));
            return CompletableFuture.completedFuture(hook);
        });
        when(event.deferReply(anyBoolean())).thenAnswer(i -> {
            ephemeral.set(i.getArgument(0));
            return defer;
        });
        return event;
    }

    ButtonInteractionEvent button(String interactionId, String customId, boolean inGuild, boolean sourceEphemeral) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        when(event.getId()).thenReturn(interactionId);
        when(event.getComponentId()).thenReturn(customId);
        when(event.isFromGuild()).thenReturn(inGuild);
        when(event.getUser()).thenReturn(user);
        when(event.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(event.getChannelId()).thenReturn(CHANNEL_ID);
        when(event.getChannel()).thenReturn(channel);
        when(event.getJDA()).thenReturn(jda);
        when(event.getHook()).thenReturn(hook);
        Message source = mock(Message.class);
        when(source.isEphemeral()).thenReturn(sourceEphemeral);
        when(event.getMessage()).thenReturn(source);
        MessageEditCallbackAction defer = mock(MessageEditCallbackAction.class);
        when(defer.submit()).thenAnswer(i -> {
            timeline.add("defer edit");
            return CompletableFuture.completedFuture(hook);
        });
        when(event.deferEdit()).thenReturn(defer);
        return event;
    }

    MessageReceivedEvent message(String messageId, String content, boolean inGuild, boolean mentionsBot) {
        MessageReceivedEvent event = mock(MessageReceivedEvent.class);
        Message message = mock(Message.class);
        Mentions mentions = mock(Mentions.class);
        when(mentions.isMentioned(self, Message.MentionType.USER)).thenReturn(mentionsBot);
        when(message.getMentions()).thenReturn(mentions);
        when(message.getContentRaw()).thenReturn(content);
        when(event.getMessage()).thenReturn(message);
        when(event.getMessageId()).thenReturn(messageId);
        when(event.getAuthor()).thenReturn(user);
        when(event.isFromGuild()).thenReturn(inGuild);
        when(event.getChannel()).thenReturn(channel);
        when(event.getJDA()).thenReturn(jda);
        return event;
    }

    /** A guild member holding roles with these ids. */
    static Member member(String... roleIds) {
        Member member = mock(Member.class);
        List<Role> roles = new java.util.ArrayList<>();
        for (String id : roleIds) {
            Role role = mock(Role.class);
            when(role.getId()).thenReturn(id);
            roles.add(role);
        }
        when(member.getRoles()).thenReturn(roles);
        return member;
    }

    List<Sent> sent(String how) {
        return sent.stream().filter(s -> s.how().equals(how)).toList();
    }

    private CompletableFuture<Message> record(Sent message) {
        timeline.add(message.how() + (message.ephemeral() ? " (ephemeral)" : ""));
        sent.add(message);
        return CompletableFuture.completedFuture(posted);
    }

    private MessageCreateAction messageAction(String how, MessageCreateData data, Supplier<Throwable> failure) {
        MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
        AtomicReference<String> replyTo = new AtomicReference<>();
        AtomicReference<String> nonce = new AtomicReference<>();
        when(action.setMessageReference(anyString())).thenAnswer(i -> {
            replyTo.set(i.getArgument(0));
            return action;
        });
        when(action.setNonce(anyString())).thenAnswer(i -> {
            nonce.set(i.getArgument(0));
            return action;
        });
        when(action.submit()).thenAnswer(i -> {
            Throwable error = failure.get();
            if (error != null) {
                timeline.add(how + " refused");
                return CompletableFuture.failedFuture(error);
            }
            return record(new Sent(how, data, null, false, replyTo.get(), nonce.get()));
        });
        return action;
    }

    private <T> CacheRestAction<T> cacheAction(Supplier<T> value, String name) {
        @SuppressWarnings("unchecked")
        CacheRestAction<T> action = mock(CacheRestAction.class);
        when(action.submit()).thenAnswer(i -> {
            timeline.add(name);
            return CompletableFuture.completedFuture(value.get());
        });
        return action;
    }
}
