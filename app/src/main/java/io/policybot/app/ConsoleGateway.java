package io.policybot.app;

import io.policybot.chat.Block;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
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
    /** The console chat's own user: their DMs go to the chat, buttons and all, so they can be pressed. */
    private volatile String inboxUser;
    private volatile java.util.function.Consumer<List<Block>> inbox;
    private volatile java.util.function.Consumer<String> lines;

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
            java.util.function.Consumer<List<Block>> chat = inbox;
            if (chat != null && userId.equals(inboxUser)) {
                chat.accept(blocks);
            } else if (verbose) {
                print("[DM to " + userId + "] " + ConsoleRenderer.plain(fallback));
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
            print("[to the " + role.name().toLowerCase(java.util.Locale.ROOT) + " channel]\n"
                    + new ConsoleRenderer(java.nio.file.Path.of(".")).render(List.of(new Reply(Reply.SAME, blocks, fallback)),
                    new java.util.ArrayList<>()));
        }
        return new DeliveryResult.Sent(key == null ? "console" : key);
    }

    /** DMs to {@code userId} from now on go to {@code inbox} (the console chat) instead of one printed line. */
    void openInbox(String userId, java.util.function.Consumer<List<Block>> inbox, java.util.function.Consumer<String> lines) {
        this.inbox = inbox;
        this.lines = lines;
        this.inboxUser = userId;
    }

    private void print(String text) {
        java.util.function.Consumer<String> chat = lines;
        if (chat != null) {
            chat.accept(text);
        } else {
            out.println(text);
        }
    }

    int delivered() {
        return delivered.size();
    }
}
