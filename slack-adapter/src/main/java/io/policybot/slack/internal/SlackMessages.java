package io.policybot.slack.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.policybot.chat.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * The Web API calls that send things: each one either with retries (replies to a person who is waiting) or
 * once (the outbox's {@link io.policybot.chat.ChatGateway}, which paces and retries by itself).
 */
public final class SlackMessages {
    static final int MESSAGE_BLOCKS_MAX = 50;
    static final int HOME_BLOCKS_MAX = 100;

    private final MethodsClient client;
    private final SlackCalls calls;
    private final boolean retry;
    private final Cache<String, String> dmChannels;

    public SlackMessages(MethodsClient client, SlackCalls calls, boolean retry, Cache<String, String> dmChannels) {
        this.client = client;
        this.calls = calls;
        this.retry = retry;
        this.dmChannels = dmChannels;
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCalls.Call<T> call) {
        return retry ? calls.withRetries(method, call) : calls.once(method, call);
    }

    /** The person's DM channel with the bot (conversations.open), cached. */
    public String dmChannel(String userId) {
        String cached = dmChannels.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        String channel = call("conversations.open",
                () -> client.conversationsOpen(r -> r.users(List.of(userId)))).getChannel().getId();
        dmChannels.put(userId, channel);
        return channel;
    }

    /** Posts the message (several when it has more blocks than Slack allows); returns the first one's ts. */
    public String post(String channel, String threadTs, BlockKit.Rendered message) {
        String firstTs = null;
        for (List<LayoutBlock> page : pages(message.blocks())) {
            String ts = call("chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(channel).threadTs(threadTs).text(message.fallback()).blocks(orNull(page))
                    .unfurlLinks(false).unfurlMedia(false))).getTs();
            firstTs = firstTs == null ? ts : firstTs;
        }
        return firstTs;
    }

    public void postEphemeral(String channel, String userId, String threadTs, BlockKit.Rendered message) {
        for (List<LayoutBlock> page : pages(message.blocks())) {
            call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r
                    .channel(channel).user(userId).threadTs(threadTs).text(message.fallback()).blocks(orNull(page))));
        }
    }

    /** Replaces a message in place; blocks beyond Slack's limit follow as new messages in the same place. */
    public void update(String channel, String ts, String threadTs, BlockKit.Rendered message) {
        // Without blocks the old ones would stay: a text-only replacement becomes one section.
        List<List<LayoutBlock>> pages = pages(message.blocks().isEmpty()
                ? List.of(BlockKit.section(message.fallback())) : message.blocks());
        call("chat.update", () -> client.chatUpdate(r -> r
                .channel(channel).ts(ts).text(message.fallback()).blocks(pages.getFirst())));
        for (List<LayoutBlock> page : pages.subList(1, pages.size())) {
            call("chat.postMessage", () -> client.chatPostMessage(r -> r
                    .channel(channel).threadTs(threadTs).text(message.fallback()).blocks(orNull(page))));
        }
    }

    public void publishHome(String userId, List<LayoutBlock> blocks) {
        List<LayoutBlock> shown = blocks.size() > HOME_BLOCKS_MAX ? blocks.subList(0, HOME_BLOCKS_MAX) : blocks;
        View view = View.builder().type("home").blocks(shown).build();
        call("views.publish", () -> client.viewsPublish(r -> r.userId(userId).view(view)));
    }

    public void upload(String channel, String threadTs, Block.Attachment file) {
        call("files.uploadV2", () -> client.filesUploadV2(r -> r
                .channel(channel).threadTs(threadTs).filename(file.fileName()).title(file.fileName())
                .fileData(file.content())));
    }

    /** No blocks means a text-only message: Slack wants the field left out rather than empty. */
    private static List<LayoutBlock> orNull(List<LayoutBlock> blocks) {
        return blocks.isEmpty() ? null : blocks;
    }

    private static List<List<LayoutBlock>> pages(List<LayoutBlock> blocks) {
        if (blocks.size() <= MESSAGE_BLOCKS_MAX) {
            return List.of(blocks);
        }
        List<List<LayoutBlock>> pages = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i += MESSAGE_BLOCKS_MAX) {
            pages.add(blocks.subList(i, Math.min(blocks.size(), i + MESSAGE_BLOCKS_MAX)));
        }
        return pages;
    }
}
