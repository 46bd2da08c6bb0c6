package io.policybot.testing;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A platform's gateway that records what it was asked to post and answers as scripted (Sent by default). */
public final class RecordingGateway implements ChatGateway {
    /** One post to a channel. */
    public record Post(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        public String markdown() {
            return blocks.stream().filter(b -> b instanceof Block.Text).map(b -> ((Block.Text) b).markdown())
                    .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        }
    }

    private final String platform;
    private final boolean hasHrChannel;
    private final Deque<DeliveryResult> scripted = new ArrayDeque<>();
    private final List<Post> posts = new ArrayList<>();

    public RecordingGateway(String platform, boolean hasHrChannel) {
        this.platform = platform;
        this.hasHrChannel = hasHrChannel;
    }

    /** The next posts answer these results, in order; then Sent again. */
    public RecordingGateway answering(DeliveryResult... results) {
        scripted.addAll(List.of(results));
        return this;
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public synchronized DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
        return new DeliveryResult.Sent("dm");
    }

    @Override
    public synchronized DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        posts.add(new Post(role, blocks, fallback));
        DeliveryResult next = scripted.poll();
        return next != null ? next : new DeliveryResult.Sent("ts-" + posts.size());
    }

    @Override
    public boolean hasChannel(Reply.ChannelRole role) {
        return role != Reply.ChannelRole.HR || hasHrChannel;
    }
}
