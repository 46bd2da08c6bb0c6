package io.policybot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code policybot} command. Without a subcommand it runs the bot: Slack and/or Discord, else the console. */
@Command(name = "policybot", mixinStandardHelpOptions = true, version = "PolicyBot 0.1.0",
        description = "A self-hosted policy assistant: answers with the section they come from, training, reports.",
        footer = {"", "Benchmarks: ./policybot bench --help (the benchmarks module, not shipped; built on demand)."})
public final class PolicyBotCommand implements Callable<Integer>, io.policybot.app.config.ConfigCommand.Source {
    /**
     * The shipped subcommands, in the order --help lists them. Added in {@link #commandLine(Predicate)} rather than
     * declared on the annotation, so that a command line naming one builds only that one: picocli reflects over
     * every command it is given, about 0.15 s of each start for all of them.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ChatCommand.class, AskCommand.class,
            EvalCommand.class, TrainingCommand.class, ContentCommand.class, AnnounceCommand.class,
            StaffCli.Roster.class, StaffCli.Report.class, StaffCli.Gaps.class, StaffCli.Audit.class,
            StaffCli.People.class, DataCareCli.Backup.class, DataCareCli.Purge.class, CommandLine.HelpCommand.class);
    private static final List<String> GLOBAL_WITH_VALUE = List.of("--config", "--content", "--data");

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The configuration file, policybot.yaml (env POLICYBOT_CONFIG); the environment wins over it.")
    Path configFile;

    @Option(names = "--content", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Content directory to load instead of the bundled one (env POLICYBOT_CONTENT_DIR).")
    Path content;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where the SQLite database and caches live (env POLICYBOT_DATA_DIR, default ./data).")
    Path data;

    @Option(names = "--no-embeddings", scope = ScopeType.INHERIT,
            description = "Lexical retrieval only, without the sentence-embedding models (env POLICYBOT_EMBEDDINGS=off).")
    boolean noEmbeddings;

    /** The configuration from the global options, the configuration file and the environment (also read by the benchmarks). */
    public AppConfig config() {
        return AppConfig.from(environment(), content, data, noEmbeddings ? Boolean.FALSE : null);
    }

    /** The configuration file (--config or POLICYBOT_CONFIG) and the environment, each value with its source. */
    @Override
    public io.policybot.app.config.EffectiveConfig effectiveConfig() {
        return io.policybot.app.config.EffectiveConfig.load(configFile, System.getenv());
    }

    /**
     * The environment with the configuration file's values added where no variable is set: what every reader of
     * settings takes. Stops with the file's problems listed when it has any.
     */
    public java.util.Map<String, String> environment() {
        java.util.Map<String, String> env = effectiveConfig().requireValidFile().environment();
        io.policybot.app.serve.LogSetup.apply(env);
        return env;
    }

    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Override
    public Integer call() throws Exception {
        return new RunCommand().run(this);
    }

    public static void main(String[] args) {
        // Logging starts here, on the main thread: a model preload logging while SLF4J still initialises makes it
        // print a "calls intercepted and replayed" notice on every run.
        org.slf4j.LoggerFactory.getILoggerFactory();
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        io.policybot.app.serve.LogSetup.apply(System.getenv()); // before the configuration file is read, too
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every shipped subcommand; the benchmarks module adds {@code bench} to it. */
    public static CommandLine commandLine() {
        return commandLine(name -> true);
    }

    /**
     * The command line to run {@code args} with: only the subcommand they name when it is a shipped one (it parses
     * and runs as with all of them), else every one (help, an unknown command, no command, a root option).
     */
    public static CommandLine commandLine(String[] args) {
        String named = namedCommand(args);
        boolean shipped = named != null && (named.equals("config") || named.equals("serve")
                || SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(named)));
        return shipped ? commandLine(named::equals) : commandLine();
    }

    /** The command line with the shipped subcommands whose names {@code wanted} accepts (each with its own subcommands). */
    public static CommandLine commandLine(Predicate<String> wanted) {
        PolicyBotCommand root = new PolicyBotCommand();
        CommandLine cli = new CommandLine(root);
        for (Class<?> command : SUBCOMMANDS) {
            if (wanted.test(name(command))) {
                cli.addSubcommand(command);
            }
        }
        if (wanted.test("config")) {
            cli.addSubcommand("config", io.policybot.app.config.ConfigCommand.commandLine(root));
        }
        if (wanted.test("serve")) {
            cli.addSubcommand("serve", new io.policybot.app.serve.ServeCommand());
        }
        everyCommand(cli);
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        return cli;
    }

    /**
     * The subcommand {@code args} name when only global options with their values come before it; null when there
     * is none, or before it an option that is not one of those (--help, --version, a mistake: what picocli says
     * then lists every command), or the command is {@code help} (which looks the others up).
     */
    public static String namedCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GLOBAL_WITH_VALUE.contains(arg)) {
                i++;
                if (i >= args.length || args[i].startsWith("-")) {
                    return null; // a missing value: picocli's error shows the root's usage
                }
            } else if (!arg.equals("--no-embeddings") && GLOBAL_WITH_VALUE.stream().noneMatch(o -> arg.startsWith(o + "="))) {
                return arg.startsWith("-") || arg.equals("help") ? null : arg;
            }
        }
        return null;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** --help and -h on every command and subcommand, and the exit codes in every help text. */
    private static void everyCommand(CommandLine cli) {
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            codes.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
        }
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cli.getSubcommands().values().forEach(PolicyBotCommand::everyCommand);
    }
}
