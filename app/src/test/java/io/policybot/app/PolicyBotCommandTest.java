package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line built for one named subcommand is that subcommand as the full command line has it. */
class PolicyBotCommandTest {

    @Test
    void aNamedSubcommandAloneHasTheSameOptionsHelpAndExitCodesAsInTheFullCommandLine() {
        CommandLine full = PolicyBotCommand.commandLine();
        for (String name : full.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue; // help COMMAND looks the others up: always built in full
            }
            CommandLine alone = PolicyBotCommand.commandLine(new String[] {"--data", "some/dir", name, "--json"});
            assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()));
            sameTree(full.getSubcommands().get(name), alone.getSubcommands().get(name));
        }
    }

    private static void sameTree(CommandLine expected, CommandLine actual) {
        assertEquals(expected.getUsageMessage(), actual.getUsageMessage(), expected.getCommandSpec().qualifiedName());
        assertEquals(expected.getSubcommands().keySet(), actual.getSubcommands().keySet());
        expected.getSubcommands().forEach((name, sub) -> sameTree(sub, actual.getSubcommands().get(name)));
    }

    @Test
    void everythingElseGetsTheFullCommandLine() {
        int all = PolicyBotCommand.commandLine().getSubcommands().size();
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h", "ask"},
                new String[] {"help", "ask"}, new String[] {"nosuch"}, new String[] {"--data"},
                new String[] {"--data", "--no-embeddings", "ask"}, new String[] {"--bogus", "ask"})) {
            assertEquals(all, PolicyBotCommand.commandLine(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void theNamedCommandComesAfterTheGlobalOptionsAndTheirValues() {
        assertEquals("ask", PolicyBotCommand.namedCommand(new String[] {"ask", "Can I?"}));
        assertEquals("ask", PolicyBotCommand.namedCommand(new String[] {"--data", "d", "--content", "c", "ask"}));
        assertEquals("report", PolicyBotCommand.namedCommand(new String[] {"--data=d", "--no-embeddings",
                "--config=p.yaml", "report", "--csv", "f"}));
        assertNull(PolicyBotCommand.namedCommand(new String[] {"--version"}));
        assertNull(PolicyBotCommand.namedCommand(new String[] {"help", "ask"}));
        assertNull(PolicyBotCommand.namedCommand(new String[] {"--data"}));
    }
}
