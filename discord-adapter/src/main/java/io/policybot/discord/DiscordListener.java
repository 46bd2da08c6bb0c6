package io.policybot.discord;

import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Mentions;
import io.policybot.chat.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Discord events into {@link Inbound}s and the engine's replies back. On JDA's event thread it only
 * acknowledges (deferReply / deferEdit, both queued, so always within Discord's 3 seconds) and reads the event;
 * the engine runs on the executor (virtual threads), and replies go out through {@link Responder}.
 *
 * <p>Each handler returns a future that completes when every reply was sent or given up on; JDA ignores it,
 * tests await it.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    static final String PLATFORM = "discord";
    /** One engine call per core, at least two (an Ask HR post waits on Discord inside the engine). */
    static final int ENGINE_SLOTS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ConversationEngine engine;
    private final Executor executor;
    private final Clock clock;
    private final ReplayGuard replays;
    private final LocaleMemory locales;
    private final Responder responder;
    /**
     * How many engine calls run at once, first come first served. Answers are CPU work; with one virtual thread per
     * event and no bound, a burst makes every answer and, worse, JDA's gateway and acknowledgement threads wait for
     * the CPU, so acknowledgements miss Discord's 3 seconds. Bounded, the rest queue and acknowledgements stay fast.
     */
    private final Semaphore engineSlots;

    DiscordListener(ConversationEngine engine, Executor executor, Clock clock, ReplayGuard replays,
                    LocaleMemory locales, Responder responder) {
        this(engine, executor, clock, replays, locales, responder, ENGINE_SLOTS);
    }

    DiscordListener(ConversationEngine engine, Executor executor, Clock clock, ReplayGuard replays,
                    LocaleMemory locales, Responder responder, int engineSlots) {
        this.engineSlots = new Semaphore(Math.max(1, engineSlots), true);
        this.engine = engine;
        this.executor = executor;
        this.clock = clock;
        this.replays = replays;
        this.locales = locales;
        this.responder = responder;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        slashCommand(event);
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        button(event);
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        message(event);
    }

    CompletableFuture<Void> slashCommand(SlashCommandInteractionEvent event) {
        if (!PolicyCommand.NAME.equals(event.getName()) || !replays.firstSeen("interaction:" + event.getId())) {
            return done();
        }
        Instant arrivedAt = clock.instant();
        boolean inGuild = event.isFromGuild();
        String subcommand = event.getSubcommandName();
        boolean ephemeral = inGuild && PolicyCommand.defersPrivately(subcommand);
        CompletableFuture<InteractionHook> ack = acknowledge(() -> event.deferReply(ephemeral).submit());

        User user = event.getUser();
        Locale locale = locales.learn(user.getId(), event.getUserLocale());
        Inbound inbound = new Inbound.Message(actor(user, locale, inGuild ? roleIds(event.getMember()) : Set.of()),
                new ChannelRef(event.getChannelId(), !inGuild), neutralMentions(PolicyCommand.toText(subcommand, event::getOption)),
                Inbound.Message.Kind.COMMAND, event.getId());
        Origin origin = Origin.command(event.getJDA(), user, event.getChannel(), inGuild, locale, event.getHook(),
                arrivedAt, ephemeral);
        return answer(inbound, origin, ack);
    }

    CompletableFuture<Void> button(ButtonInteractionEvent event) {
        Optional<CustomIds.Parsed> parsed = CustomIds.parse(event.getComponentId());
        if (parsed.isEmpty()) {
            LOG.debug("ignored a button that is not the engine's");
            return done();
        }
        if (!replays.firstSeen("interaction:" + event.getId())) {
            return done();
        }
        Instant arrivedAt = clock.instant();
        CompletableFuture<InteractionHook> ack = acknowledge(() -> event.deferEdit().submit());

        boolean inGuild = event.isFromGuild();
        User user = event.getUser();
        Locale locale = locales.learn(user.getId(), event.getUserLocale());
        Message source = event.getMessage();
        Inbound inbound = new Inbound.ButtonPress(actor(user, locale, inGuild ? roleIds(event.getMember()) : Set.of()),
                new ChannelRef(event.getChannelId(), !inGuild), parsed.get().actionId(), parsed.get().value(),
                event.getId());
        Origin origin = Origin.button(event.getJDA(), user, event.getChannel(), inGuild, locale, event.getHook(),
                arrivedAt, source != null && source.isEphemeral());
        return answer(inbound, origin, ack);
    }

    CompletableFuture<Void> message(MessageReceivedEvent event) {
        User author = event.getAuthor();
        if (author.isBot() || author.isSystem() || event.isWebhookMessage()) {
            return done();
        }
        boolean inGuild = event.isFromGuild();
        Message message = event.getMessage();
        Inbound.Message.Kind kind;
        String text;
        if (!inGuild) {
            kind = Inbound.Message.Kind.DIRECT_MESSAGE;
            text = message.getContentRaw().strip();
        } else {
            User self = event.getJDA().getSelfUser();
            // Discord lists the bot in the mentions of every reply to it (the reply ping): only a mention written
            // in the text addresses the bot, so "thanks!" as a reply is not a question (D2).
            if (!message.getMentions().isMentioned(self, Message.MentionType.USER)
                    || !mentionsInText(message.getContentRaw(), self.getId())) {
                return done();
            }
            kind = Inbound.Message.Kind.MENTION;
            text = stripMention(message.getContentRaw(), self.getId());
        }
        text = neutralMentions(text);
        if (!replays.firstSeen("message:" + event.getMessageId())) {
            return done();
        }
        Locale locale = locales.recall(author.getId());
        Inbound inbound = new Inbound.Message(actor(author, locale, inGuild ? roleIds(event.getMember()) : Set.of()),
                new ChannelRef(event.getChannel().getId(), !inGuild), text, kind, event.getMessageId());
        Origin origin = Origin.message(event.getJDA(), author, event.getChannel(), inGuild, locale, clock.instant(),
                inGuild ? event.getMessageId() : null);
        return answer(inbound, origin, null);
    }

    /**
     * Runs the engine on the executor, then delivers once the acknowledgement has settled either way.
     *
     * @param ack the interaction's defer, or null for a plain message
     */
    private CompletableFuture<Void> answer(Inbound inbound, Origin origin, CompletableFuture<InteractionHook> ack) {
        CompletableFuture<List<Reply>> replies;
        try {
            replies = CompletableFuture.supplyAsync(() -> ask(inbound, origin.locale()), executor);
        } catch (RejectedExecutionException e) {
            LOG.warn("the bot is stopping; {} {} not answered", inbound.getClass().getSimpleName(), inbound.deliveryId());
            return done();
        }
        return replies
                .thenCompose(answer -> acknowledged(ack)
                        .thenCompose(acknowledged -> responder.deliver(origin, acknowledged, answer)))
                .exceptionally(error -> {
                    LOG.error("answering {} {} failed: {}", inbound.getClass().getSimpleName(), inbound.deliveryId(),
                            DeliveryErrors.describe(error));
                    return null;
                });
    }

    private static CompletableFuture<Boolean> acknowledged(CompletableFuture<InteractionHook> ack) {
        if (ack == null) {
            return CompletableFuture.completedFuture(false);
        }
        return ack.handle((hook, error) -> {
            if (error != null) {
                LOG.warn("the interaction was not acknowledged ({}); replying with fresh messages",
                        DeliveryErrors.describe(error));
            }
            return error == null;
        });
    }

    private List<Reply> ask(Inbound inbound, Locale locale) {
        try {
            engineSlots.acquireUninterruptibly();
            try {
                return engine.handle(inbound);
            } finally {
                engineSlots.release();
            }
        } catch (RuntimeException e) {
            // The engine should never throw; contain it at the edge, without logging what the person wrote.
            StackTraceElement[] trace = e.getStackTrace();
            LOG.error("engine failed on {} {}: {} at {}", inbound.getClass().getSimpleName(), inbound.deliveryId(),
                    e.getClass().getName(), trace.length > 0 ? trace[0] : "?");
            String sorry = Notices.get(Notices.FAILED, locale);
            return List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(sorry)), sorry));
        }
    }

    private static CompletableFuture<InteractionHook> acknowledge(
            Supplier<CompletableFuture<InteractionHook>> defer) {
        try {
            CompletableFuture<InteractionHook> f = defer.get();
            return f != null ? f : CompletableFuture.failedFuture(new IllegalStateException("no acknowledgement"));
        } catch (RuntimeException e) {
            LOG.warn("could not acknowledge an interaction: {}", DeliveryErrors.describe(e));
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Actor actor(User user, Locale locale, Set<String> groups) {
        return new Actor(PLATFORM, user.getId(), user.getEffectiveName(), locale, groups);
    }

    /**
     * The ids of the member's roles in the guild (for {@code discord:group:ROLE_ID} in the roles configuration);
     * empty without a member (a DM, a webhook) or when JDA cannot say.
     */
    static Set<String> roleIds(Member member) {
        if (member == null) {
            return Set.of();
        }
        try {
            List<Role> roles = member.getRoles();
            return roles == null ? Set.of() : roles.stream().map(Role::getId).collect(Collectors.toUnmodifiableSet());
        } catch (RuntimeException e) {
            LOG.warn("could not read a member's roles ({}); answering without role-based rights",
                    e.getClass().getName());
            return Set.of();
        }
    }

    /** Whether the text itself mentions the bot ({@code <@id>} or the legacy {@code <@!id>}). */
    static boolean mentionsInText(String content, String selfId) {
        return content != null && Pattern.compile("<@!?" + Pattern.quote(selfId) + ">").matcher(content).find();
    }

    /** The message without the bot's own mention ({@code <@id>} or the legacy {@code <@!id>}), spaces tidied. */
    static String stripMention(String content, String selfId) {
        String text = content.replaceAll("<@!?" + Pattern.quote(selfId) + ">", " ");
        return text.replaceAll("[ \\t]+", " ").strip();
    }

    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");

    /** People mentioned as {@code <@123>} or {@code <@!123>}, in the engine's neutral form ({@code @discord:123}). */
    static String neutralMentions(String text) {
        return text == null ? null : USER_MENTION.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                Mentions.of(PLATFORM, m.group(1))));
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
