package io.policybot.app.config;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code policybot config check [--online]} and {@code policybot config show}. */
@Command(name = "config", description = "Check or show the configuration (policybot.yaml and the environment).")
public final class ConfigCommand implements Callable<Integer> {
    /** Where the configuration comes from: the root command's --config, and the process environment. */
    public interface Source {
        EffectiveConfig effectiveConfig();
    }

    private final Source source;

    public ConfigCommand(Source source) {
        this.source = source;
    }

    /** The command with its two subcommands, for the root command line. */
    public static picocli.CommandLine commandLine(Source source) {
        return new picocli.CommandLine(new ConfigCommand(source))
                .addSubcommand("check", new Check(source))
                .addSubcommand("show", new Show(source));
    }

    @Override
    public Integer call() {
        return new Show(source).call();
    }

    @Command(name = "check", description = "Validate the configuration file (unknown keys, wrong types, with line "
            + "numbers); with --online also try each configured connection.")
    public static final class Check implements Callable<Integer> {
        @Option(names = "--online", description = "Also connect: the database, Slack (auth.test, the HR channel), "
                + "Discord (the token, the HR channel).")
        boolean online;

        private final Source source;
        private final Function<Map<String, String>, List<OnlineChecks.Result>> checks;

        public Check(Source source) {
            this(source, env -> new OnlineChecks(env).run());
        }

        Check(Source source, Function<Map<String, String>, List<OnlineChecks.Result>> checks) {
            this.source = source;
            this.checks = checks;
        }

        @Override
        public Integer call() {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            EffectiveConfig config = source.effectiveConfig();
            Path file = config.file().path();
            out.println(file == null ? "No configuration file (give one with --config FILE or "
                    + EffectiveConfig.ENV_CONFIG + "); checking the environment only."
                    : "Configuration file " + file + ":");
            int problems = config.problems().size();
            for (ConfigFile.Problem p : config.problems()) {
                out.println("  " + p);
            }
            if (problems == 0) {
                long set = config.values().stream().filter(v -> v.value() != null).count();
                out.println("  no problems; " + set + " of " + Settings.ALL.size() + " settings set (the others keep "
                        + "their defaults)");
            }
            if (online) {
                out.println("Connections:");
                for (OnlineChecks.Result r : checks.apply(config.environment())) {
                    out.println("  " + r);
                    if (!r.ok()) {
                        problems++;
                    }
                }
            }
            out.println(problems == 0 ? "OK" : problems + (problems == 1 ? " problem" : " problems") + " found");
            return problems == 0 ? 0 : 1;
        }
    }

    @Command(name = "show", description = "Print the configuration in force, where each value comes from; secrets masked.")
    public static final class Show implements Callable<Integer> {
        private final Source source;

        public Show(Source source) {
            this.source = source;
        }

        @Override
        public Integer call() {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            EffectiveConfig config = source.effectiveConfig();
            out.println("# The configuration in force" + (config.file().path() == null ? " (no file)"
                    : " (file " + config.file().path() + ")") + "; the environment wins over the file.");
            int width = Settings.ALL.stream().mapToInt(s -> s.key().length()).max().orElse(20);
            for (EffectiveConfig.Value v : config.values()) {
                out.printf("%-" + width + "s  %-40s  %s%n", v.setting().key(), v.shown(),
                        v.value() == null ? "" : "# " + v.source());
            }
            for (ConfigFile.Problem p : config.problems()) {
                out.println("# problem: " + p);
            }
            return config.problems().isEmpty() ? 0 : 1;
        }
    }
}
