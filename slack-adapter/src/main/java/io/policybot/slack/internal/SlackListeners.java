package io.policybot.slack.internal;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import io.policybot.chat.Actor;
import io.policybot.chat.AnswerPool;
import io.policybot.chat.Block;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Mentions;
import io.policybot.chat.Reply;
import io.policybot.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bolt listeners: each one checks for a duplicate, hands the slow part (user lookup, the engine, Web API calls)
 * to the bounded answer pool and acknowledges at once, well inside Slack's 3 seconds. The acknowledgement path does
 * no CPU-heavy work. When the pool is full the person is told, on a second small pool, to ask again in a minute
 * (Slack field report B6): an event is answered, or the person told the bot is busy.
 */
public final class SlackListeners {
    /** The Events API subscriptions these listeners serve; the app manifest lists exactly these. */
    public static final List<String> EVENTS = List.of("app_home_opened", "app_mention", "message.im");
    private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);
    private static final Pattern ANY_COMMAND = Pattern.compile("^/.+$");

    private final ConversationEngine engine;
    private final SlackUsers users;
    private final SlackMessages messages;
    private final ReplySender sender;
    private final Dedupe dedupe;
    private final AnswerPool workers;
    private final AnswerPool notices;
    private final SlackMetrics metrics;

    /**
     * @param workers answers events, one at a time per person
     * @param notices sends the short "busy" notes when {@code workers} is full (Web API calls only, no engine)
     */
    public SlackListeners(ConversationEngine engine, SlackUsers users, SlackMessages messages, ReplySender sender,
                          Dedupe dedupe, AnswerPool workers, AnswerPool notices, SlackMetrics metrics) {
        this.engine = engine;
        this.users = users;
        this.messages = messages;
        this.sender = sender;
        this.dedupe = dedupe;
        this.workers = workers;
        this.notices = notices;
        this.metrics = metrics;
        metrics.watch(workers);
    }

    public void register(App app) {
        app.command(ANY_COMMAND, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            if (dedupe.first("command:" + p.getTriggerId())) {
                submit("command", p.getTriggerId(), p.getUserId(), () -> onCommand(p),
                        Origin.message(p.getUserId(), p.getChannelId(), false, null, p.getResponseUrl()));
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() == null && e.getSubtype() == null) {
                onDirectMessage(payload.getEventId(), ctx, e.getUser(), e.getChannel(), e.getChannelType(), e.getText(),
                        e.getThreadTs(), e.getTs());
            }
            return ctx.ack();
        });
        // A question with a file attached (a screenshot and "can I post this?") arrives as its own event type (B9).
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            onDirectMessage(payload.getEventId(), ctx, e.getUser(), e.getChannel(), e.getChannelType(), e.getText(),
                    e.getThreadTs(), e.getTs());
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getUser() != null && e.getBotId() == null && first(payload.getEventId(), ctx)
                    && firstMessage(e.getChannel(), e.getTs())) {
                String text = withoutMention(e.getText(), ctx.getBotUserId());
                String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
                Origin origin = Origin.message(e.getUser(), e.getChannel(), false, thread, null);
                submit("mention", payload.getEventId(), e.getUser(), () -> answer(origin, actor -> new Inbound.Message(actor,
                        new ChannelRef(e.getChannel(), false), text, Inbound.Message.Kind.MENTION,
                        payload.getEventId())), origin);
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && e.getUser() != null && first(payload.getEventId(), ctx)) {
                // Nothing to tell when busy: the Home tab keeps its last view until the next open.
                submit("app_home_opened", payload.getEventId(), e.getUser(), () -> publishHome(e.getUser()), null);
            }
            return ctx.ack();
        });
        app.blockAction(ActionIds.ENGINE_ACTION, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            for (BlockActionPayload.Action action : p.getActions()) {
                String key = "action:" + (p.getTriggerId() != null ? p.getTriggerId() : action.getActionTs())
                        + ":" + action.getActionId();
                if (ActionIds.ENGINE_ACTION.matcher(action.getActionId()).matches() && dedupe.first(key)) {
                    submit("block_actions", key, p.getUser().getId(), () -> onButton(p, action, key), busyOrigin(p));
                }
            }
            return ctx.ack();
        });
    }

    /** A person's message in their DM with the bot: a question or a command. */
    private void onDirectMessage(String eventId, EventContext ctx, String user, String channel, String channelType,
                                 String rawText, String threadTs, String ts) {
        if (user == null || !"im".equals(channelType) || !first(eventId, ctx) || !firstMessage(channel, ts)) {
            return;
        }
        String text = withoutMention(rawText, ctx.getBotUserId());
        Origin origin = Origin.message(user, channel, true, threadTs, null);
        submit("message", eventId, user, () -> answer(origin, actor -> new Inbound.Message(actor,
                new ChannelRef(channel, true), text, Inbound.Message.Kind.DIRECT_MESSAGE, eventId)), origin);
    }

    private boolean first(String eventId, EventContext ctx) {
        boolean first = dedupe.first(eventId == null ? null : "event:" + eventId);
        if (!first) {
            log.info("Skipped a repeated delivery of event {} (retry {})", eventId, ctx.getRetryNum());
        }
        return first;
    }

    /**
     * One answer per message, whatever event id it comes under (B8): Slack's message ts is unique within its
     * channel. A message with no ts (never seen from Slack) is not deduplicated here.
     */
    private boolean firstMessage(String channel, String ts) {
        boolean first = channel == null || ts == null || dedupe.first("message:" + channel + ":" + ts);
        if (!first) {
            log.info("Skipped a message already answered under another event id");
        }
        return first;
    }

    private void onCommand(SlashCommandPayload p) {
        boolean direct = isBotDm(p.getUserId(), p.getChannelId(), p.getChannelName());
        Origin origin = Origin.message(p.getUserId(), p.getChannelId(), direct, null, p.getResponseUrl());
        String text = plainText(p.getText());
        answer(origin, actor -> new Inbound.Message(actor, new ChannelRef(p.getChannelId(), direct), text,
                Inbound.Message.Kind.COMMAND, p.getTriggerId()));
    }

    private void onButton(BlockActionPayload p, BlockActionPayload.Action action, String deliveryId) {
        String userId = p.getUser().getId();
        BlockActionPayload.Container c = p.getContainer();
        String channelId = c != null && c.getChannelId() != null ? c.getChannelId()
                : p.getChannel() != null ? p.getChannel().getId() : null;
        Origin origin;
        ChannelRef channel;
        if (channelId == null) {
            // A button on the App Home view: the conversation to answer in is the person's DM.
            origin = Origin.button(userId, null, true, null, null, false, p.getResponseUrl());
            channel = new ChannelRef(messages.dmChannel(userId), true);
        } else {
            boolean direct = isBotDm(userId, channelId, null);
            String threadTs = c == null ? null : c.getThreadTs();
            String messageTs = c == null ? null : c.getMessageTs();
            boolean ephemeral = c != null && c.isEphemeral();
            origin = Origin.button(userId, channelId, direct, threadTs, messageTs, ephemeral, p.getResponseUrl());
            channel = new ChannelRef(channelId, direct);
        }
        String actionId = ActionIds.decode(action.getActionId());
        answer(origin, actor -> new Inbound.ButtonPress(actor, channel, actionId, action.getValue(), deliveryId));
    }

    private void publishHome(String userId) {
        Actor actor = users.actor(userId);
        List<Block> blocks = engine.home(actor);
        sender.deliver(List.of(new Reply(Reply.HOME, blocks, "")), Origin.home(userId));
    }

    private interface InboundFactory {
        Inbound create(Actor actor);
    }

    private void answer(Origin origin, InboundFactory factory) {
        Actor actor = users.actor(origin.userId());
        List<Reply> replies;
        try {
            replies = engine.handle(factory.create(actor));
        } catch (RuntimeException e) {
            log.error("The engine failed on an inbound ({}); sending an apology", e.getClass().getName());
            replies = List.of(new Reply(Reply.PRIVATE, List.of(new Block.Text(apology(actor))), apology(actor)));
        }
        sender.deliver(replies, origin, actor.locale() == null ? null : actor.locale().toLanguageTag());
    }

    private static String apology(Actor actor) {
        try {
            return Messages.of("slack", actor.locale() == null ? "en" : actor.locale().toLanguageTag())
                    .get("error.generic");
        } catch (RuntimeException e) {
            return "Sorry, something went wrong on my side. Please try again in a moment.";
        }
    }

    /** A channel is the person's DM with the bot only if it is the one conversations.open gives for them. */
    private boolean isBotDm(String userId, String channelId, String channelName) {
        boolean looksDirect = channelId.startsWith("D") || "directmessage".equals(channelName);
        if (!looksDirect) {
            return false;
        }
        try {
            return channelId.equals(messages.dmChannel(userId));
        } catch (SlackCallException e) {
            log.warn("conversations.open failed ({}); treating the conversation as shared", e.error());
            return false;
        }
    }

    static String withoutMention(String text, String botUserId) {
        String plain = text == null ? "" : text;
        if (botUserId != null) {
            plain = plain.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ");
        }
        return plainText(plain);
    }

    /** A person mentioned as {@code <@U123>} or {@code <@U123|ann>}. */
    private static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    /** Slack's text as the engine reads it: people mentioned in the neutral form ({@code @slack:U123}), no markup. */
    static String plainText(String slackText) {
        String text = slackText == null ? "" : slackText;
        text = USER_MENTION.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                Mentions.of(SlackUsers.PLATFORM, m.group(1))));
        return Mrkdwn.toPlain(text);
    }

    /** Where a "busy" note for a button press goes: its response_url (ephemeral), else the conversation. */
    private static Origin busyOrigin(BlockActionPayload p) {
        BlockActionPayload.Container c = p.getContainer();
        String channelId = c != null && c.getChannelId() != null ? c.getChannelId()
                : p.getChannel() != null ? p.getChannel().getId() : null;
        return Origin.button(p.getUser().getId(), channelId, false, c == null ? null : c.getThreadTs(), null,
                true, p.getResponseUrl());
    }

    /**
     * Queues the work, or, when the pool is full, the note that the bot is busy; never blocks the acknowledgement.
     *
     * @param eventId the event's id (event_id, trigger_id), for the log context
     * @param busy    where to tell the person the bot is busy, or null when there is nothing to tell
     */
    private void submit(String what, String eventId, String userId, Runnable work, Origin busy) {
        boolean queued = workers.offer(userId, () -> {
            // The event's id in the log context: every line about it can be found (ids only, never text).
            try (var id = org.slf4j.MDC.putCloseable("event", eventId == null ? "-" : eventId);
                 var platform = org.slf4j.MDC.putCloseable("platform", "slack")) {
                work.run();
            } catch (RuntimeException e) {
                log.error("Handling a Slack {} failed: {}", what, safeMessage(e));
            }
        });
        if (queued) {
            metrics.event("queued");
            return;
        }
        if (busy == null) {
            metrics.event("dropped");
            return;
        }
        String language = users.knownLanguage(userId);
        boolean told = notices.offer(userId, () -> {
            try {
                sender.tellBusy(busy, language);
            } catch (RuntimeException e) {
                log.warn("The busy note for a Slack {} could not be sent: {}", what, safeMessage(e));
            }
        });
        metrics.event(told ? "busy" : "dropped");
        if (!told) {
            log.warn("Dropped a Slack {}: the answer queue and the busy notes are both full", what);
        }
    }

    /** Takes no new work and waits for what is queued (answers being computed and sent, busy notes). */
    public boolean drain(Duration timeout) {
        boolean answered = workers.drain(timeout);
        return notices.drain(Duration.ofSeconds(1)) && answered;
    }

    private static String safeMessage(RuntimeException e) {
        return e instanceof SlackCallException ? e.getMessage() : e.getClass().getName();
    }
}
