package io.policybot.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs the bot on the platforms whose tokens are set; with none, the console chat. */
@Command(name = "run", description = "Run the bot: Slack and/or Discord when their tokens are set, else the console chat.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Override
    public Integer call() throws Exception {
        return run(parent);
    }

    int run(PolicyBotCommand root) throws Exception {
        PlatformConfig platforms = PlatformConfig.fromEnvironment(System.getenv());
        if (platforms.none()) {
            return new ChatCommand().run(root, null, null);
        }
        // Closed by the shutdown hook once the bots have stopped, not here: the process lives until it is stopped.
        BotRuntime runtime = BotRuntime.onPlatforms(root.config(), root.clock(), platforms.names());
        return BotProcess.runUntilStopped(platforms, runtime);
    }
}
