package io.policybot.discord;

import java.time.Instant;
import java.util.Locale;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * Where an inbound came from, and what it takes to answer it there.
 *
 * @param kind              a plain message (DM or mention), a slash command or a button press
 * @param user              the person; DMs go to them
 * @param channel           the conversation, for fresh messages (may be null when Discord did not send it)
 * @param inGuild           false in a DM with the bot: there "private" is simply a normal message
 * @param hook              the interaction's webhook (null for plain messages)
 * @param arrivedAt         when the event arrived, by the injected clock: the hook is usable for 15 minutes
 * @param deferredEphemeral for a slash command: whether its "thinking..." reply was deferred ephemerally
 * @param sourceEphemeral   for a button: whether the message carrying the button is ephemeral
 * @param replyToMessageId  for a mention: the message to reply to (null otherwise)
 */
record Origin(Kind kind, JDA jda, User user, MessageChannel channel, boolean inGuild, Locale locale,
              InteractionHook hook, Instant arrivedAt, boolean deferredEphemeral, boolean sourceEphemeral,
              String replyToMessageId) {

    enum Kind { MESSAGE, COMMAND, BUTTON }

    static Origin message(JDA jda, User user, MessageChannel channel, boolean inGuild, Locale locale,
                          Instant arrivedAt, String replyToMessageId) {
        return new Origin(Kind.MESSAGE, jda, user, channel, inGuild, locale, null, arrivedAt, false, false,
                replyToMessageId);
    }

    static Origin command(JDA jda, User user, MessageChannel channel, boolean inGuild, Locale locale,
                          InteractionHook hook, Instant arrivedAt, boolean deferredEphemeral) {
        return new Origin(Kind.COMMAND, jda, user, channel, inGuild, locale, hook, arrivedAt, deferredEphemeral, false,
                null);
    }

    static Origin button(JDA jda, User user, MessageChannel channel, boolean inGuild, Locale locale,
                         InteractionHook hook, Instant arrivedAt, boolean sourceEphemeral) {
        return new Origin(Kind.BUTTON, jda, user, channel, inGuild, locale, hook, arrivedAt, false, sourceEphemeral,
                null);
    }
}
