package io.policybot.app;

import io.policybot.conversation.Actor;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Training records from the command line. */
@Command(name = "training", description = "Training records.", subcommands = TrainingCommand.Status.class)
final class TrainingCommand {
    @ParentCommand
    PolicyBotCommand parent;

    @Command(name = "status", description = "What a person completed, what is due and by when.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        TrainingCommand parent;

        @Option(names = "--user", required = true, paramLabel = "ID", description = "The person's platform user id.")
        String user;

        @Option(names = "--platform", paramLabel = "NAME", description = "console, slack or discord (default console).")
        String platform = "console";

        @Option(names = "--lang", paramLabel = "LANG")
        String lang = "en";

        @Override
        public Integer call() {
            try (BotRuntime runtime = new BotRuntime(parent.parent.config(), parent.parent.clock())) {
                var replies = runtime.training().status(new Actor(platform, user, user, null), lang);
                System.out.println(new ConsoleRenderer(runtime.config().dataDir()).render(replies, new ArrayList<>()));
            }
            return 0;
        }
    }
}
