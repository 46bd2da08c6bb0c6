package io.policybot.app;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A platform's gateway that exists before its bot does: the announcement outbox is wired with the runtime, the Slack
 * and Discord bots are built afterwards on the runtime's engine. Until the bot connects, sends are retried later.
 */
final class LateGateway implements ChatGateway {
    private final String platform;
    private final AtomicReference<ChatGateway> target = new AtomicReference<>();

    LateGateway(String platform) {
        this.platform = platform;
    }

    void connect(ChatGateway gateway) {
        target.set(gateway);
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
        ChatGateway g = target.get();
        return g == null ? notYet() : g.sendDirect(userId, blocks, fallback);
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback, String idempotencyKey) {
        ChatGateway g = target.get();
        return g == null ? notYet() : g.sendDirect(userId, blocks, fallback, idempotencyKey);
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        ChatGateway g = target.get();
        return g == null ? notYet() : g.sendToChannel(role, blocks, fallback);
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback, String idempotencyKey) {
        ChatGateway g = target.get();
        return g == null ? notYet() : g.sendToChannel(role, blocks, fallback, idempotencyKey);
    }

    @Override
    public boolean hasChannel(Reply.ChannelRole role) {
        ChatGateway g = target.get();
        return g == null || g.hasChannel(role);
    }

    private DeliveryResult notYet() {
        return new DeliveryResult.RetryLater(Duration.ofSeconds(5), platform + " is not connected yet");
    }
}
