package io.policybot.slack.internal;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outbox's way into Slack. One attempt per call (the outbox paces and retries): a 429 comes back as
 * RetryLater(Retry-After), network trouble and 5xx as RetryLater, a refusal Slack will repeat as Failed.
 */
public final class SlackGateway implements ChatGateway {
    static final Duration TRANSIENT_RETRY = Duration.ofSeconds(30);

    private final SlackMessages messages;
    private final Map<Reply.ChannelRole, String> channels;

    public SlackGateway(SlackMessages messages, Map<Reply.ChannelRole, String> channels) {
        this.messages = messages;
        this.channels = Map.copyOf(channels);
    }

    @Override
    public String platform() {
        return SlackUsers.PLATFORM;
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
        try {
            return send(messages.dmChannel(userId), blocks, fallback);
        } catch (SlackCallException e) {
            return result(e);
        }
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        String channel = channels.get(role);
        if (channel == null) {
            return new DeliveryResult.Failed("no Slack channel configured for " + role);
        }
        try {
            return send(channel, blocks, fallback);
        } catch (SlackCallException e) {
            return result(e);
        }
    }

    @Override
    public boolean hasChannel(Reply.ChannelRole role) {
        return channels.containsKey(role);
    }

    private DeliveryResult send(String channel, List<Block> blocks, String fallback) {
        BlockKit.Rendered message = BlockKit.render(blocks, fallback);
        String ts = message.hasMessage() ? messages.post(channel, null, message) : null;
        for (Block.Attachment file : message.attachments()) {
            messages.upload(channel, null, file);
        }
        return new DeliveryResult.Sent(ts == null ? "" : ts);
    }

    static DeliveryResult result(SlackCallException e) {
        return switch (e.kind()) {
            case RATE_LIMITED -> new DeliveryResult.RetryLater(e.retryAfter(), e.error());
            case TRANSIENT -> new DeliveryResult.RetryLater(TRANSIENT_RETRY, e.error());
            case PERMANENT -> new DeliveryResult.Failed(e.error());
        };
    }
}
