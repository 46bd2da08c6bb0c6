package io.policybot.benchmarks;

import io.policybot.app.PolicyBotCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * The benchmarks jar's entry point: the shipped {@code policybot} command line plus {@code bench}, so the global
 * options ({@code --content}, {@code --data}, {@code --no-embeddings}) mean the same, and the start-up cache is
 * trained the same way as the app's. {@code ./policybot bench ...} runs this jar; the app jar does not ship it.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // bench alone needs none of the shipped commands (picocli's reflection over them all is ~0.15 s of its start)
        CommandLine cli = "bench".equals(PolicyBotCommand.namedCommand(args))
                ? PolicyBotCommand.commandLine(name -> false) : PolicyBotCommand.commandLine(args);
        cli.addSubcommand("bench", new BenchCommand());
        System.exit(cli.execute(args));
    }
}
