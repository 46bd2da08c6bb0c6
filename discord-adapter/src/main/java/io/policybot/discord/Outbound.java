package io.policybot.discord;

import io.policybot.conversation.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Messages nobody is waiting for in an interaction: DMs and the configured channels. Every call returns JDA's
 * {@code submit()} future at once; requests wait in JDA's rate-limit queue, never on the caller's thread.
 */
final class Outbound {

    /** Opens (or reuses) the DM channel and sends. */
    static CompletableFuture<Message> toUser(User user, MessageCreateData data) {
        return user.openPrivateChannel().submit().thenCompose(channel -> channel.sendMessage(data).submit());
    }

    /** Looks the user up first: an unknown id fails with {@code UNKNOWN_USER}. */
    static CompletableFuture<Message> toUser(JDA jda, String userId, Supplier<MessageCreateData> data) {
        return jda.retrieveUserById(userId).submit().thenCompose(user -> toUser(user, data.get()));
    }

    /** Posts to the channel configured for the role; fails with {@link DiscordException} when there is none. */
    static CompletableFuture<Message> toRole(JDA jda, DiscordConfig config, Reply.ChannelRole role,
                                             MessageCreateData data) {
        String id = config.channelFor(role).orElse(null);
        if (id == null) {
            return CompletableFuture.failedFuture(new DiscordException("no Discord channel configured for " + role));
        }
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, id);
        if (channel == null) {
            return CompletableFuture.failedFuture(
                    new DiscordException("the " + role + " channel " + id + " is unknown or not visible to the bot"));
        }
        return channel.sendMessage(data).submit();
    }

    private Outbound() {
    }
}
