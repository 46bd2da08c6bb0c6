package io.policybot.app;

/** An argument the command cannot use (found after parsing): printed with a pointer to --help, exit code {@link ExitCodes#USAGE}. */
final class BadUsage extends RuntimeException {
    BadUsage(String message) {
        super(message, null, false, false);
    }
}
