package io.policybot.slack;

import io.policybot.PolicyBotException;

/** The Slack adapter could not start or talk to Slack. */
public class SlackAdapterException extends PolicyBotException {
    public SlackAdapterException(String message) {
        super(message);
    }

    public SlackAdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
