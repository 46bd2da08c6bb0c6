package io.policybot.app;

import io.policybot.conversation.Block;
import io.policybot.conversation.ChatGateway;
import io.policybot.conversation.DeliveryResult;
import io.policybot.conversation.Reply;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console as the platform announcements go through (platform "console"): each DM or channel post is printed
 * as one line, and counted. A key already delivered in this process is not printed again.
 */
final class ConsoleGateway implements ChatGateway {
    private final PrintStream out;
    private final boolean verbose;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    /** @param verbose print every message (else only channel posts; DMs are counted) */
    ConsoleGateway(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public String platform() {
        return "console";
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
        return sendDirect(userId, blocks, fallback, null);
    }

    @Override
    public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback, String key) {
        if (key == null || delivered.add(key)) {
            if (verbose) {
                out.println("[DM to " + userId + "] " + ConsoleRenderer.plain(fallback));
            }
        }
        return new DeliveryResult.Sent(key == null ? "console" : key);
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
        return sendToChannel(role, blocks, fallback, null);
    }

    @Override
    public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback, String key) {
        if (key == null || delivered.add(key)) {
            out.println("[to the " + role.name().toLowerCase(java.util.Locale.ROOT) + " channel]");
            out.println(new ConsoleRenderer(java.nio.file.Path.of(".")).render(List.of(new Reply(Reply.SAME, blocks, fallback)),
                    new java.util.ArrayList<>()));
        }
        return new DeliveryResult.Sent(key == null ? "console" : key);
    }

    int delivered() {
        return delivered.size();
    }
}
