package io.policybot.discord;

import io.policybot.PolicyBotException;

/** The Discord bot could not start, or Discord refused something the adapter cannot work around. */
public class DiscordException extends PolicyBotException {
    public DiscordException(String message) {
        super(message);
    }

    public DiscordException(String message, Throwable cause) {
        super(message, cause);
    }
}
