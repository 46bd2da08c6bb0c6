package io.policybot.app;

/** A command that understood its arguments but declines to act: printed as it is, exit code {@link ExitCodes#REFUSED}. */
final class Refused extends RuntimeException {
    Refused(String message) {
        super(message, null, false, false);
    }
}
