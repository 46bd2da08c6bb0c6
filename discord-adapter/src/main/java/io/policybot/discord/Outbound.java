package io.policybot.discord;

import io.policybot.conversation.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Messages nobody is waiting for in an interaction: DMs and the configured channels. Every call returns JDA's
 * {@code submit()} future at once; requests wait in JDA's rate-limit queue, never on the caller's thread.
 */
final class Outbound {

    /** Opens (or reuses) the DM channel and sends. */
    static CompletableFuture<Message> toUser(User user, MessageCreateData data) {
        return toUser(user, data, null);
    }

    /**
     * Opens (or reuses) the DM channel and sends.
     *
     * @param nonce Discord's message nonce (at most 25 characters), or null for JDA's random one
     */
    static CompletableFuture<Message> toUser(User user, MessageCreateData data, String nonce) {
        return user.openPrivateChannel().submit()
                .thenCompose(channel -> withNonce(channel.sendMessage(data), nonce).submit());
    }

    /** Looks the user up first: an unknown id fails with {@code UNKNOWN_USER}. */
    static CompletableFuture<Message> toUser(JDA jda, String userId, Supplier<MessageCreateData> data) {
        return toUser(jda, userId, data, null);
    }

    /** Looks the user up first, then sends with {@code nonce} (or JDA's random one when null). */
    static CompletableFuture<Message> toUser(JDA jda, String userId, Supplier<MessageCreateData> data, String nonce) {
        return jda.retrieveUserById(userId).submit().thenCompose(user -> toUser(user, data.get(), nonce));
    }

    /** Posts to the channel configured for the role; fails with {@link DiscordException} when there is none. */
    static CompletableFuture<Message> toRole(JDA jda, DiscordConfig config, Reply.ChannelRole role,
                                             MessageCreateData data) {
        return toRole(jda, config, role, data, null);
    }

    /** Like {@link #toRole(JDA, DiscordConfig, Reply.ChannelRole, MessageCreateData)}, with a message nonce. */
    static CompletableFuture<Message> toRole(JDA jda, DiscordConfig config, Reply.ChannelRole role,
                                             MessageCreateData data, String nonce) {
        String id = config.channelFor(role).orElse(null);
        if (id == null) {
            return CompletableFuture.failedFuture(new DiscordException("no Discord channel configured for " + role));
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            return CompletableFuture.failedFuture(
                    new DiscordException("the " + role + " channel " + id + " is unknown or not visible to the bot"));
        }
        return withNonce(channel.sendMessage(data), nonce).submit();
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
