package io.policybot;

/** The root of PolicyBot's own exceptions; each capability has its subclass. */
public class PolicyBotException extends RuntimeException {
    public PolicyBotException(String message) {
        super(message);
    }

    public PolicyBotException(String message, Throwable cause) {
        super(message, cause);
    }
}
