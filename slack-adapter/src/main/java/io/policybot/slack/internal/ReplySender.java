package io.policybot.slack.internal;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import io.policybot.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places the engine's replies in Slack, relative to where the inbound came from:
 * SAME in the conversation (a mention's thread), PRIVATE ephemeral in a channel and plain in the DM,
 * DM via conversations.open, REPLACE with chat.update of the pressed message, NamedChannel to the configured id,
 * HOME with views.publish. Files follow their message; a file meant for one person goes to their DM.
 */
public final class ReplySender {
    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    /** Errors that mean "the bot cannot post in this conversation", where a response_url still works. */
    private static final Set<String> CANNOT_POST_HERE =
            Set.of("not_in_channel", "channel_not_found", "is_archived", "restricted_action", "cannot_reply_to_message");

    private final SlackMessages messages;
    private final SlackMessages once;
    private final Slack slack;
    private final Map<Reply.ChannelRole, String> channels;
    private final AtomicLong undelivered = new AtomicLong();

    /**
     * @param messages sends replies, with retries
     * @param once     sends the note that a reply could not be delivered: one attempt, the retries are spent
     */
    public ReplySender(SlackMessages messages, SlackMessages once, Slack slack, Map<Reply.ChannelRole, String> channels) {
        this.messages = messages;
        this.once = once;
        this.slack = slack;
        this.channels = Map.copyOf(channels);
    }

    /** Delivers each reply in order; one that fails is logged and the next still goes. */
    public void deliver(List<Reply> replies, Origin origin) {
        deliver(replies, origin, null);
    }

    /**
     * Delivers each reply in order. One that still fails after its retries is logged with its reason (never its
     * text or the person), counted, and the person is told once, in {@code language}, if Slack lets us.
     */
    public void deliver(List<Reply> replies, Origin origin, String language) {
        boolean told = false;
        for (Reply reply : replies) {
            try {
                deliver(reply, origin);
            } catch (SlackCallException e) {
                undelivered.incrementAndGet();
                String placement = reply.placement().getClass().getSimpleName();
                boolean tell = !told && !(reply.placement() instanceof Reply.Placement.Home);
                log.warn("A {} reply was not delivered: {}{}", placement, e.getMessage(),
                        tell ? "; telling the person" : "");
                if (tell) {
                    told = true;
                    tellNotDelivered(origin, language);
                }
            }
        }
    }

    /** Replies that could not be delivered since start (each one is also logged). */
    public long undelivered() {
        return undelivered.get();
    }

    private void tellNotDelivered(Origin origin, String language) {
        String text = notDeliveredText(language);
        BlockKit.Rendered note = BlockKit.render(List.of(new Block.Text(text)), text);
        try {
            if (origin.responseUrl() != null) {
                respond(origin.responseUrl(), note, false);
            } else if (origin.channelId() != null && !origin.direct()) {
                once.postEphemeral(origin.channelId(), origin.userId(), origin.threadTs(), note);
            } else {
                once.post(origin.channelId() != null ? origin.channelId() : once.dmChannel(origin.userId()), null, note);
            }
        } catch (SlackCallException e) {
            log.warn("The note that a reply was not delivered could not be sent either: {}", e.getMessage());
        }
    }

    /**
     * Tells the person the bot is too busy to answer now and to ask again in a minute: one attempt, through the
     * response_url when there is one, else ephemeral in a channel, else in the DM.
     */
    public void tellBusy(Origin origin, String language) {
        String text = text(language, "error.busy",
                "I'm answering a lot of questions right now. Please ask again in a minute.");
        BlockKit.Rendered note = BlockKit.render(List.of(new Block.Text(text)), text);
        if (origin.responseUrl() != null) {
            respond(origin.responseUrl(), note, false);
        } else if (origin.channelId() != null && !origin.direct()) {
            once.postEphemeral(origin.channelId(), origin.userId(), origin.threadTs(), note);
        } else {
            once.post(origin.channelId() != null ? origin.channelId() : once.dmChannel(origin.userId()),
                    origin.threadTs(), note);
        }
    }

    private static String text(String language, String key, String fallback) {
        try {
            return Messages.of("slack", language == null ? "en" : language).get(key);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String notDeliveredText(String language) {
        try {
            return Messages.of("slack", language == null ? "en" : language).get("error.undelivered");
        } catch (RuntimeException e) {
            return "Sorry, I could not send my answer just now. Please ask again in a minute.";
        }
    }

    private void deliver(Reply reply, Origin origin) {
        BlockKit.Rendered message = BlockKit.render(reply.blocks(), reply.fallback());
        switch (reply.placement()) {
            case Reply.Placement.SameConversation s -> same(message, origin);
            case Reply.Placement.Private p -> privately(message, origin);
            case Reply.Placement.DirectMessage d -> toDm(message, origin.userId());
            case Reply.Placement.ReplaceSource r -> replace(message, origin);
            case Reply.Placement.NamedChannel n -> toChannel(message, n.role());
            case Reply.Placement.Home h -> home(message, origin.userId());
        }
    }

    private void same(BlockKit.Rendered message, Origin origin) {
        if (origin.channelId() == null) {
            toDm(message, origin.userId());
            return;
        }
        try {
            if (message.hasMessage()) {
                messages.post(origin.channelId(), origin.threadTs(), message);
            }
            upload(message.attachments(), origin.channelId(), origin.threadTs());
        } catch (SlackCallException e) {
            if (!cannotPostHere(e, origin)) {
                throw e;
            }
            respond(origin.responseUrl(), message, false);
            uploadToDm(message.attachments(), origin.userId());
        }
    }

    private void privately(BlockKit.Rendered message, Origin origin) {
        if (origin.channelId() == null) {
            toDm(message, origin.userId());
        } else if (origin.direct() && !origin.buttonPress()) {
            same(message, origin);
        } else {
            if (message.hasMessage()) {
                try {
                    messages.postEphemeral(origin.channelId(), origin.userId(), origin.threadTs(), message);
                } catch (SlackCallException e) {
                    if (!cannotPostHere(e, origin)) {
                        throw e;
                    }
                    respond(origin.responseUrl(), message, false);
                }
            }
            uploadToDm(message.attachments(), origin.userId());
        }
    }

    private void toDm(BlockKit.Rendered message, String userId) {
        String channel = messages.dmChannel(userId);
        if (message.hasMessage()) {
            messages.post(channel, null, message);
        }
        upload(message.attachments(), channel, null);
    }

    private void replace(BlockKit.Rendered message, Origin origin) {
        if (origin.messageTs() == null || origin.channelId() == null) {
            same(message, origin);
        } else if (origin.ephemeralSource() && origin.responseUrl() != null) {
            respond(origin.responseUrl(), message, true);
            uploadToDm(message.attachments(), origin.userId());
        } else {
            messages.update(origin.channelId(), origin.messageTs(), origin.threadTs(), message);
            upload(message.attachments(), origin.channelId(), origin.threadTs());
        }
    }

    private void toChannel(BlockKit.Rendered message, Reply.ChannelRole role) {
        String channel = channels.get(role);
        if (channel == null) {
            log.warn("No Slack channel is configured for {}; a reply for it was dropped", role);
            return;
        }
        if (message.hasMessage()) {
            messages.post(channel, null, message);
        }
        upload(message.attachments(), channel, null);
    }

    private void home(BlockKit.Rendered message, String userId) {
        messages.publishHome(userId, message.blocks());
        uploadToDm(message.attachments(), userId);
    }

    /** Files for one person go to their DM; the DM is opened only when there is a file (N4). */
    private void uploadToDm(List<Block.Attachment> files, String userId) {
        if (!files.isEmpty()) {
            upload(files, messages.dmChannel(userId), null);
        }
    }

    private void upload(List<Block.Attachment> files, String channel, String threadTs) {
        for (Block.Attachment file : files) {
            messages.upload(channel, threadTs, file);
        }
    }

    private static boolean cannotPostHere(SlackCallException e, Origin origin) {
        return origin.responseUrl() != null && CANNOT_POST_HERE.contains(e.error());
    }

    /** Answers through response_url: ephemeral, or replacing the original message. */
    private void respond(String responseUrl, BlockKit.Rendered message, boolean replaceOriginal) {
        ActionResponse body = ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(replaceOriginal)
                .text(message.fallback())
                .blocks(message.blocks().isEmpty() ? null : message.blocks())
                .build();
        try {
            WebhookResponse response = new Responder(slack, responseUrl).send(body);
            if (response.getCode() == null || response.getCode() != 200) {
                throw new SlackCallException("response_url", SlackCallException.Kind.PERMANENT,
                        "http_" + response.getCode(), Duration.ZERO, null);
            }
        } catch (IOException e) {
            throw new SlackCallException("response_url", SlackCallException.Kind.TRANSIENT, "network", Duration.ZERO, e);
        }
    }
}
