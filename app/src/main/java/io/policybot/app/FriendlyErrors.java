package io.policybot.app;

import io.policybot.PolicyBotException;
import picocli.CommandLine;

/** Known failures (invalid content, unreadable files) print one clear message, not a stack trace. */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof PolicyBotException || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalArgumentException) {
            cli.getErr().println("policybot: " + e.getMessage());
            return 2;
        }
        cli.getErr().println("policybot: unexpected error: " + e);
        e.printStackTrace(cli.getErr());
        return 1;
    }
}
