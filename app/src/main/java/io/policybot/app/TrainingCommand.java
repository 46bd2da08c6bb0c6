package io.policybot.app;

import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import java.util.List;
import java.util.Optional;
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
            String p = platform.strip().toLowerCase(java.util.Locale.ROOT);
            if (!Person.PLATFORMS.contains(p)) {
                System.err.println("policybot training status: --platform is slack, discord or console, not '"
                        + platform + "'");
                return ExitCodes.USAGE;
            }
            // Only reads: the database and the content, no index and nothing published.
            try (BotRuntime runtime = BotRuntime.builder(parent.parent.config(), parent.parent.clock()).build()) {
                // Looking someone up creates no one: a mistyped id is reported, not added to the people table.
                PersonRepository people = runtime.services().storage().people();
                Optional<Person> person = people.find(p, user);
                if (person.isEmpty()) {
                    List<Person> elsewhere = people.withUserId(user);
                    person = elsewhere.size() == 1 ? Optional.of(elsewhere.getFirst()) : Optional.empty();
                }
                if (person.isEmpty()) {
                    System.err.println("policybot training status: no one is known as " + p + ":" + user
                            + "; `policybot people list` shows everyone.");
                    return ExitCodes.FAILED;
                }
                var replies = runtime.services().training().status(person.get(), lang);
                System.out.println(new ConsoleRenderer(runtime.config().dataDir()).render(replies, new ArrayList<>()));
            }
            return 0;
        }
    }
}
