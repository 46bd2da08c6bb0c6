package io.policybot.discord;

import io.policybot.chat.Actor;
import io.policybot.chat.AnswerPool;
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
 * the engine runs on the bounded {@link AnswerPool} (platform threads, one per core), and replies go out through
 * {@link Responder}. When the pool is full the person is told at once to ask again in a minute, instead of the
 * event waiting in an unbounded queue (memory) or the acknowledgement waiting for the CPU.
 *
 * <p>Each handler returns a future that completes when every reply was sent or given up on; JDA ignores it,
 * tests await it.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    static final String PLATFORM = "discord";
    private final ConversationEngine engine;
    private final AnswerPool pool;
    private final Clock clock;
    private final ReplayGuard replays;
    private final LocaleMemory locales;
    private final Responder responder;
    private final DiscordMetrics metrics;

    DiscordListener(ConversationEngine engine, AnswerPool pool, Clock clock, ReplayGuard replays,
                    LocaleMemory locales, Responder responder, DiscordMetrics metrics) {
        this.engine = engine;
        this.pool = pool;
        this.clock = clock;
        this.replays = replays;
        this.locales = locales;
        this.responder = responder;
        this.metrics = metrics;
        metrics.watch(pool);
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
        User user = event.getUser();
        Locale locale = locales.learn(user.getId(), event.getUserLocale());
        Inbound inbound = new Inbound.Message(actor(user, locale, inGuild ? roleIds(event.getMember()) : Set.of()),
                new ChannelRef(event.getChannelId(), !inGuild), neutralMentions(PolicyCommand.toText(subcommand, event::getOption)),
                Inbound.Message.Kind.COMMAND, event.getId());
        Origin origin = Origin.command(event.getJDA(), user, event.getChannel(), inGuild, locale, event.getHook(),
                arrivedAt, ephemeral);
        return answer(inbound, origin, () -> event.deferReply(ephemeral).submit(),
                busy -> event.reply(busy).setEphemeral(true).submit());
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
        boolean inGuild = event.isFromGuild();
        User user = event.getUser();
        Locale locale = locales.learn(user.getId(), event.getUserLocale());
        Message source = event.getMessage();
        Inbound inbound = new Inbound.ButtonPress(actor(user, locale, inGuild ? roleIds(event.getMember()) : Set.of()),
                new ChannelRef(event.getChannelId(), !inGuild), parsed.get().actionId(), parsed.get().value(),
                event.getId());
        Origin origin = Origin.button(event.getJDA(), user, event.getChannel(), inGuild, locale, event.getHook(),
                arrivedAt, source != null && source.isEphemeral());
        return answer(inbound, origin, () -> event.deferEdit().submit(),
                busy -> event.reply(busy).setEphemeral(true).submit());
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
        return answer(inbound, origin, null, null);
    }

    /**
     * Runs the engine on the executor, then delivers once the acknowledgement has settled either way.
     *
     * @param ack the interaction's defer, or null for a plain message
     */
    /**
     * Queues the engine call on the bounded pool and acknowledges: with a defer when it was queued (the reply follows),
     * or, when the pool is full, with the "busy" note itself as the interaction's response (one call, nothing queued).
     * A plain message ({@code defer} null) has nothing to acknowledge; when busy it gets the note as a reply.
     *
     * @param defer   the interaction's defer, or null for a plain message
     * @param busyAck answers the interaction with the busy note (ephemeral), or null for a plain message
     */
    private CompletableFuture<Void> answer(Inbound inbound, Origin origin,
                                           Supplier<CompletableFuture<InteractionHook>> defer,
                                           java.util.function.Function<String, CompletableFuture<InteractionHook>> busyAck) {
        CompletableFuture<List<Reply>> replies = new CompletableFuture<>();
        // The defer goes out before the engine starts (it is submitted right after the offer): the engine waits for it.
        CompletableFuture<Void> deferSubmitted = new CompletableFuture<>();
        boolean queued = pool.offer(inbound.actor().userId(), () -> {
            deferSubmitted.join();
            // The interaction's or message's id in the log context (ids only, never what was written).
            try (var id = org.slf4j.MDC.putCloseable("event", String.valueOf(inbound.deliveryId()));
                 var platform = org.slf4j.MDC.putCloseable("platform", PLATFORM)) {
                replies.complete(ask(inbound, origin.locale()));
            }
        });
        if (!queued) {
            // Full (or stopping): say so at once rather than queue without limit; nothing was asked of the engine.
            metrics.event("busy");
            LOG.info("the answer queue is full; told the person to ask again ({} {})",
                    inbound.getClass().getSimpleName(), inbound.deliveryId());
            String busy = Notices.get(Notices.BUSY, origin.locale());
            List<Reply> note = List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(busy)), busy));
            if (busyAck == null) {
                return responder.deliver(origin, false, note).exceptionally(error -> null);
            }
            // If Discord refused the response (too late under load), the note goes as a fresh message instead.
            return acknowledge(() -> busyAck.apply(busy))
                    .handle((hook, error) -> error == null ? CompletableFuture.<Void>completedFuture(null)
                            : responder.deliver(origin, false, note))
                    .thenCompose(f -> f)
                    .exceptionally(error -> null);
        }
        metrics.event("queued");
        CompletableFuture<InteractionHook> ack;
        try {
            ack = defer == null ? null : acknowledge(defer);
        } finally {
            deferSubmitted.complete(null);
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
            return engine.handle(inbound);
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
