package io.policybot.app;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Every command and subcommand of {@code policybot}, as the words a user types (for the help tests). */
public final class CommandList {
    private CommandList() {
    }

    public static List<List<String>> all() {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        walk(PolicyBotCommand.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cli, List<String> path, List<List<String>> out) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().aliases().length > 0 && !e.getKey().equals(e.getValue().getCommandName())) {
                continue;
            }
            List<String> next = new ArrayList<>(path);
            next.add(e.getKey());
            out.add(next);
            walk(e.getValue(), next, out);
        }
    }
}
