package io.policybot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code policybot} command. Without a subcommand it runs the bot: Slack and/or Discord, else the console. */
@Command(name = "policybot", mixinStandardHelpOptions = true, version = "PolicyBot 0.1.0",
        description = "A self-hosted policy assistant: answers with the section they come from, training, reports.",
        footer = {"", "Benchmarks: ./policybot bench --help (the benchmarks module, not shipped; built on demand)."},
        subcommands = {RunCommand.class, ChatCommand.class, AskCommand.class, EvalCommand.class,
                TrainingCommand.class, ContentCommand.class, AnnounceCommand.class, StaffCli.Roster.class,
                StaffCli.Report.class, StaffCli.Gaps.class, StaffCli.Audit.class, StaffCli.People.class,
                DataCareCli.Backup.class, DataCareCli.Purge.class, CommandLine.HelpCommand.class})
public final class PolicyBotCommand implements Callable<Integer>, io.policybot.app.config.ConfigCommand.Source {

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
        System.exit(commandLine().execute(args));
    }

    /** The command line with every shipped subcommand; the benchmarks module adds {@code bench} to it. */
    public static CommandLine commandLine() {
        PolicyBotCommand root = new PolicyBotCommand();
        CommandLine cli = new CommandLine(root);
        cli.addSubcommand("config", io.policybot.app.config.ConfigCommand.commandLine(root));
        cli.addSubcommand("serve", new io.policybot.app.serve.ServeCommand());
        everyCommand(cli);
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        return cli;
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
