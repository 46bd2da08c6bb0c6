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
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Bolt listeners: each one checks for a duplicate, hands the slow part (user lookup, the engine, Web API calls)
 * to the worker executor and acknowledges at once, well inside Slack's 3 seconds.
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
    private final PerKeyExecutor workers;

    public SlackListeners(ConversationEngine engine, SlackUsers users, SlackMessages messages, ReplySender sender,
                          Dedupe dedupe, Executor workers) {
        this.engine = engine;
        this.users = users;
        this.messages = messages;
        this.sender = sender;
        this.dedupe = dedupe;
        this.workers = new PerKeyExecutor(workers);
    }

    public void register(App app) {
        app.command(ANY_COMMAND, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            if (dedupe.first("command:" + p.getTriggerId())) {
                submit("command", p.getUserId(), () -> onCommand(p));
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
                submit("mention", e.getUser(), () -> answer(origin, actor -> new Inbound.Message(actor,
                        new ChannelRef(e.getChannel(), false), text, Inbound.Message.Kind.MENTION,
                        payload.getEventId())));
            }
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && e.getUser() != null && first(payload.getEventId(), ctx)) {
                submit("app_home_opened", e.getUser(), () -> publishHome(e.getUser()));
            }
            return ctx.ack();
        });
        app.blockAction(ActionIds.ENGINE_ACTION, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            for (BlockActionPayload.Action action : p.getActions()) {
                String key = "action:" + (p.getTriggerId() != null ? p.getTriggerId() : action.getActionTs())
                        + ":" + action.getActionId();
                if (ActionIds.ENGINE_ACTION.matcher(action.getActionId()).matches() && dedupe.first(key)) {
                    submit("block_actions", p.getUser().getId(), () -> onButton(p, action, key));
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
        submit("message", user, () -> answer(origin, actor -> new Inbound.Message(actor,
                new ChannelRef(channel, true), text, Inbound.Message.Kind.DIRECT_MESSAGE, eventId)));
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

    private void submit(String what, String userId, Runnable work) {
        boolean queued = workers.execute(userId == null ? "" : userId, () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Handling a Slack {} failed: {}", what, safeMessage(e));
            }
        });
        if (!queued) {
            log.warn("Dropped a Slack {}: the bot is stopping", what);
        }
    }

    /** Takes no new work and waits for what is queued (answers being computed and sent). */
    public boolean drain(Duration timeout) {
        return workers.drain(timeout);
    }

    private static String safeMessage(RuntimeException e) {
        return e instanceof SlackCallException ? e.getMessage() : e.getClass().getName();
    }
}
