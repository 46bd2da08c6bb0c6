package io.policybot.discord;

import io.policybot.chat.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Messages nobody is waiting for in an interaction: DMs and the configured channels. Every call returns JDA's
 * {@code submit()} future at once; requests wait in JDA's rate-limit queue, never on the caller's thread.
 */
final class Outbound {

    /** Opens (or reuses) the DM channel and sends the parts of one reply; completes with the first message. */
    static CompletableFuture<Message> toUser(User user, List<MessageCreateData> parts) {
        return toUser(user, parts, null);
    }

    /**
     * Opens (or reuses) the DM channel and sends.
     *
     * @param nonce Discord's message nonce (at most 25 characters) of the first part, or null for JDA's random one
     */
    static CompletableFuture<Message> toUser(User user, List<MessageCreateData> parts, String nonce) {
        return user.openPrivateChannel().submit().thenCompose(channel -> sendAll(channel, parts, nonce));
    }

    /** Looks the user up first, then sends with {@code nonce} (or JDA's random one when null). */
    static CompletableFuture<Message> toUser(JDA jda, String userId, Supplier<List<MessageCreateData>> parts,
                                             String nonce) {
        return jda.retrieveUserById(userId).submit().thenCompose(user -> toUser(user, parts.get(), nonce));
    }

    /** Posts to the channel configured for the role; fails with {@link DiscordException} when there is none. */
    static CompletableFuture<Message> toRole(JDA jda, DiscordConfig config, Reply.ChannelRole role,
                                             MessageCreateData data) {
        return toRole(jda, config, role, List.of(data), null);
    }

    /** Posts every part to the channel configured for the role, the first with {@code nonce}. */
    static CompletableFuture<Message> toRole(JDA jda, DiscordConfig config, Reply.ChannelRole role,
                                             List<MessageCreateData> parts, String nonce) {
        String id = config.channelFor(role).orElse(null);
        if (id == null) {
            return CompletableFuture.failedFuture(new DiscordException("no Discord channel configured for " + role));
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            return CompletableFuture.failedFuture(
                    new DiscordException("the " + role + " channel " + id + " is unknown or not visible to the bot"));
        }
        return sendAll(channel, parts, nonce);
    }

    /**
     * The parts one after the other; completes with the first message, or fails with the first failure. Each part
     * has a nonce of its own, derived from {@code nonce}, so a resend after a crash posts none of them twice.
     */
    private static CompletableFuture<Message> sendAll(MessageChannel channel, List<MessageCreateData> parts,
                                                      String nonce) {
        CompletableFuture<Message> first = withNonce(channel.sendMessage(parts.get(0)), nonce).submit();
        CompletableFuture<Message> chain = first;
        for (int i = 1; i < parts.size(); i++) {
            MessageCreateData data = parts.get(i);
            String partNonce = nonce == null ? null : DiscordGateway.nonce(nonce + "#" + i);
            chain = chain.thenCompose(ignored -> withNonce(channel.sendMessage(data), partNonce).submit());
        }
        return chain.thenCompose(ignored -> first);
    }

    /**
     * Sets the nonce when there is one. JDA 6 always sends {@code enforce_nonce: true}, so Discord answers a second
     * message with the same nonce from the bot in the same channel (within a few minutes) with the first message
     * instead of posting it again.
     */
    private static MessageCreateAction withNonce(MessageCreateAction action, String nonce) {
        return nonce == null ? action : action.setNonce(nonce);
    }

    private Outbound() {
    }
}
