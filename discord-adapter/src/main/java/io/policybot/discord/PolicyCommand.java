package io.policybot.discord;

import java.util.function.Function;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The {@code /policy} command and how its subcommands become the engine's command text
 * ({@code /policy ask question:X} -> "ask X", {@code /policy report target:@u} -> "report <@id>", ...).
 */
final class PolicyCommand {
    static final String NAME = "policy";
    static final String ASK = "ask";
    static final String QUESTION = "question";
    static final String REPORT = "report";
    static final String TARGET = "target";

    static SlashCommandData definition() {
        return Commands.slash(NAME, "Ask about company policy, train, and check your status")
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addSubcommands(
                        new SubcommandData(ASK, "Ask a policy question")
                                .addOption(OptionType.STRING, QUESTION, "Your question", true),
                        new SubcommandData("quiz", "Take the policy quiz"),
                        new SubcommandData("roleplay", "Practise a scenario"),
                        new SubcommandData("status", "Your training status"),
                        new SubcommandData("help", "What I can do"),
                        new SubcommandData(REPORT, "Training report (HR)")
                                .addOption(OptionType.USER, TARGET, "Only this person", false),
                        new SubcommandData("announce", "Announce a policy update (HR)"),
                        new SubcommandData("gaps", "Questions the policy did not answer (HR)"),
                        new SubcommandData("console", "A sign-in link to the web console, sent in a DM"));
    }

    /**
     * The text the engine reads for a subcommand.
     *
     * @param option the command's options by name (null when absent)
     */
    static String toText(String subcommand, Function<String, OptionMapping> option) {
        String sub = subcommand == null || subcommand.isBlank() ? "help" : subcommand;
        return switch (sub) {
            case ASK -> {
                OptionMapping question = option.apply(QUESTION);
                yield question == null ? ASK : (ASK + " " + question.getAsString().strip()).strip();
            }
            case REPORT -> {
                OptionMapping target = option.apply(TARGET);
                yield target == null ? REPORT : REPORT + " <@" + target.getAsString() + ">";
            }
            default -> sub;
        };
    }

    /**
     * Whether the "thinking..." reply is deferred ephemerally in a server channel: everything except a question is
     * personal (training, status) or for HR only. The defer's visibility cannot change afterwards; a reply with the
     * other visibility becomes a follow-up (see {@link Responder}).
     */
    static boolean defersPrivately(String subcommand) {
        return !ASK.equals(subcommand);
    }

    private PolicyCommand() {
    }
}
