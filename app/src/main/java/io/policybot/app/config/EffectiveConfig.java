package io.policybot.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration in force: each setting's value and where it came from. The environment wins over the file
 * (today's variables keep working, and a deployment can override one value); secrets come from their variable or
 * from the file a {@code <key>File} setting names. {@link #environment} hands the result to the code that reads
 * variables, so the file is one more source of the same settings, not a second configuration system.
 */
public final class EffectiveConfig {
    /** The variable that names the configuration file when {@code --config} is not given. */
    public static final String ENV_CONFIG = "POLICYBOT_CONFIG";

    /** One setting's value in force and its source ("default", "policybot.yaml line 4", "environment SLACK_MODE"). */
    public record Value(Setting setting, String value, String source) {
        /** The value as {@code config show} prints it: a secret only says whether it is set. */
        public String shown() {
            if (value == null) {
                return setting.defaultText() == null ? "(not set)" : "(default: " + setting.defaultText() + ")";
            }
            if (setting.secret()) {
                return "****** (set)";
            }
            return setting.key().equals("database.url") ? OnlineChecks.safeUrl(value) : value;
        }
    }

    private final ConfigFile file;
    private final Map<String, Value> values;
    private final List<ConfigFile.Problem> problems;
    private final Map<String, String> env;

    private EffectiveConfig(ConfigFile file, Map<String, Value> values, List<ConfigFile.Problem> problems,
                            Map<String, String> env) {
        this.file = file;
        this.values = values;
        this.problems = problems;
        this.env = env;
    }

    /**
     * @param flagPath {@code --config}, or null: then {@value #ENV_CONFIG}, else no file
     * @param env      the process environment
     */
    public static EffectiveConfig load(Path flagPath, Map<String, String> env) {
        Path path = flagPath;
        if (path == null && env.get(ENV_CONFIG) != null && !env.get(ENV_CONFIG).isBlank()) {
            path = Path.of(env.get(ENV_CONFIG).strip());
        }
        ConfigFile file;
        if (path == null) {
            file = ConfigFile.none();
        } else if (!Files.exists(path)) {
            file = new ConfigFile(path, Map.of(), Map.of(), List.of(new ConfigFile.Problem(0,
                    "no configuration file at " + path + " (from " + (flagPath != null ? "--config" : ENV_CONFIG) + ")")));
        } else {
            file = ConfigFile.read(path);
        }
        return resolve(file, env);
    }

    public static EffectiveConfig resolve(ConfigFile file, Map<String, String> env) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<ConfigFile.Problem> problems = new ArrayList<>(file.problems());
        String fileName = file.path() == null ? "the file" : file.path().getFileName().toString();
        for (Setting s : Settings.ALL) {
            String fromEnv = s.env() == null ? null : env.get(s.env());
            if (fromEnv != null && !fromEnv.isBlank()) {
                Optional<String> problem = s.problem(fromEnv);
                problem.ifPresent(p -> problems.add(new ConfigFile.Problem(0, "environment " + s.env() + " " + p)));
                values.put(s.key(), new Value(s, fromEnv.strip(), "environment " + s.env()));
                continue;
            }
            if (s.secret()) {
                String secretPath = file.values().get(s.fileKey());
                if (secretPath != null) {
                    int line = file.lines().getOrDefault(s.fileKey(), 0);
                    try {
                        String secret = Files.readString(Path.of(secretPath), StandardCharsets.UTF_8).strip();
                        if (secret.isEmpty()) {
                            problems.add(new ConfigFile.Problem(line, s.fileKey() + ": the file " + secretPath + " is empty"));
                        } else {
                            values.put(s.key(), new Value(s, secret, "file " + secretPath + " (" + s.fileKey() + ")"));
                            continue;
                        }
                    } catch (IOException | RuntimeException e) {
                        problems.add(new ConfigFile.Problem(line, s.fileKey() + ": cannot read " + secretPath
                                + " (" + e.getClass().getSimpleName() + ")"));
                    }
                }
                values.put(s.key(), new Value(s, null, "default"));
                continue;
            }
            String fromFile = file.values().get(s.key());
            if (fromFile != null) {
                values.put(s.key(), new Value(s, fromFile, fileName + " line " + file.lines().getOrDefault(s.key(), 0)));
            } else {
                values.put(s.key(), new Value(s, null, "default"));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(ConfigFile.Problem::line));
        return new EffectiveConfig(file, Map.copyOf(values), List.copyOf(problems), Map.copyOf(env));
    }

    public ConfigFile file() {
        return file;
    }

    public List<ConfigFile.Problem> problems() {
        return problems;
    }

    /**
     * Stops with every problem of the file listed, when it has any: a bot must not start on a half-read
     * configuration. Values in the environment are checked by the code that reads them, as before.
     */
    public EffectiveConfig requireValidFile() {
        List<ConfigFile.Problem> inFile = problems.stream().filter(p -> !p.message().startsWith("environment ")).toList();
        if (!inFile.isEmpty()) {
            StringBuilder sb = new StringBuilder("the configuration file " + file.path() + " has "
                    + (inFile.size() == 1 ? "a problem" : inFile.size() + " problems") + ":");
            inFile.forEach(p -> sb.append("\n  ").append(p));
            sb.append("\n(policybot config check shows the same; docs/configuration.md lists every setting)");
            throw new io.policybot.PolicyBotException(sb.toString());
        }
        return this;
    }

    /** Each setting, in the table's order. */
    public List<Value> values() {
        return Settings.ALL.stream().map(s -> values.get(s.key())).toList();
    }

    /** The value in force, or empty when it is not set (the code's default applies). */
    public Optional<String> get(String key) {
        Value v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        return Optional.ofNullable(v.value());
    }

    /**
     * The process environment with every value from the file (and secret files) added under its variable, unless
     * the variable is set already: what the adapters' and the app's {@code fromEnv} readers take.
     */
    public Map<String, String> environment() {
        Map<String, String> merged = new HashMap<>(env);
        for (Value v : values.values()) {
            Setting s = v.setting();
            if (v.value() == null || s.env() == null || (env.get(s.env()) != null && !env.get(s.env()).isBlank())) {
                continue;
            }
            String text = v.value();
            if (s.type() == Setting.Type.BOOLEAN) {
                text = Boolean.TRUE.equals(Setting.bool(text)) ? "on" : "off";
            }
            merged.put(s.env(), text);
        }
        return Map.copyOf(merged);
    }
}
