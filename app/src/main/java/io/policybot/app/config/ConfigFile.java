package io.policybot.app.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code policybot.yaml}, read and checked: every key known, every value of its type, no secret written into it,
 * each problem with its line. Nested maps and dotted keys mean the same ({@code slack: {mode: http}} is
 * {@code slack.mode: http}). Reading never fails on a bad value: it collects the problems and keeps the rest.
 *
 * @param path     the file
 * @param values   key -> value text (lists joined with commas), for the keys that passed
 * @param lines    key -> line in the file
 * @param problems what is wrong, in file order
 */
public record ConfigFile(Path path, Map<String, String> values, Map<String, Integer> lines, List<Problem> problems) {

    /** One thing wrong with the file, at a line (0 when it is about the whole file). */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + message : message;
        }
    }

    /** No file: nothing set. */
    public static ConfigFile none() {
        return new ConfigFile(null, Map.of(), Map.of(), List.of());
    }

    public static ConfigFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new ConfigFile(path, Map.of(), Map.of(),
                    List.of(new Problem(0, "cannot read the file (" + e.getClass().getSimpleName() + ")")));
        }
        return parse(path, text);
    }

    public static ConfigFile parse(Path path, String text) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Node root;
        try (Reader reader = new StringReader(text)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return new ConfigFile(path, values, lines, List.of(new Problem(line, "not valid YAML: " + e.getProblem())));
        } catch (IOException | RuntimeException e) {
            return new ConfigFile(path, values, lines, List.of(new Problem(0, "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            return new ConfigFile(path, values, lines, problems); // an empty file sets nothing
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(new Problem(line(root), "the file must be a map of settings (key: value), not a "
                    + kind(root)));
            return new ConfigFile(path, values, lines, problems);
        }
        walk("", map, values, lines, problems);
        problems.sort(Comparator.comparingInt(Problem::line));
        return new ConfigFile(path, Map.copyOf(values), Map.copyOf(lines), List.copyOf(problems));
    }

    private static void walk(String prefix, MappingNode map, Map<String, String> values, Map<String, Integer> lines,
                             List<Problem> problems) {
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(new Problem(line(t.getKeyNode()), "a key must be plain text"));
                continue;
            }
            String key = prefix + k.getValue();
            Node value = t.getValueNode();
            int line = line(t.getKeyNode());
            if (value instanceof MappingNode nested) {
                if (Settings.byKey(key).isPresent()) {
                    problems.add(new Problem(line, key + " " + expected(Settings.byKey(key).get()) + ", not a map"));
                } else if (!isSection(key)) {
                    problems.add(new Problem(line, unknown(key)));
                } else {
                    walk(key + ".", nested, values, lines, problems);
                }
                continue;
            }
            var secretOfFile = Settings.secretOfFileKey(key);
            if (secretOfFile.isPresent()) {
                scalar(key, value, line, values, lines, problems);
                continue;
            }
            var setting = Settings.byKey(key);
            if (setting.isEmpty()) {
                problems.add(new Problem(line, unknown(key)));
                continue;
            }
            Setting s = setting.get();
            if (s.secret()) {
                problems.add(new Problem(line, key + " is a secret and is not read from the file: set "
                        + s.env() + " in the environment, or " + s.fileKey() + ": /path/to/a/file that holds it"));
                continue;
            }
            if (s.type() == Setting.Type.LIST && value instanceof SequenceNode seq) {
                List<String> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode sc) {
                        items.add(sc.getValue().strip());
                    } else {
                        problems.add(new Problem(line(item), key + " must be a list of texts"));
                    }
                }
                values.put(key, String.join(",", items));
                lines.put(key, line);
                continue;
            }
            if (value instanceof SequenceNode) {
                problems.add(new Problem(line, key + " " + expected(s) + ", not a list"));
                continue;
            }
            if (scalar(key, value, line, values, lines, problems)) {
                s.problem(values.get(key)).ifPresent(p -> {
                    problems.add(new Problem(line, key + " " + p));
                    values.remove(key);
                    lines.remove(key);
                });
            }
        }
    }

    private static boolean scalar(String key, Node value, int line, Map<String, String> values,
                                  Map<String, Integer> lines, List<Problem> problems) {
        if (!(value instanceof ScalarNode sc)) {
            problems.add(new Problem(line, key + " must be a single value"));
            return false;
        }
        if (sc.getTag().getValue().endsWith(":null") || sc.getValue().isBlank()) {
            return false; // "key:" with nothing: as if it were not there
        }
        values.put(key, sc.getValue().strip());
        lines.put(key, line);
        return true;
    }

    private static boolean isSection(String prefix) {
        String p = prefix + ".";
        return Settings.ALL.stream().anyMatch(s -> s.key().startsWith(p));
    }

    private static String expected(Setting s) {
        return s.type() == Setting.Type.CHOICE ? "must be one of " + String.join(", ", s.choices())
                : "must be a " + s.type().label();
    }

    private static String unknown(String key) {
        String near = nearest(key);
        return "unknown setting \"" + key + "\"" + (near == null ? "" : " (did you mean " + near + "?)")
                + "; docs/configuration.md lists every setting";
    }

    /** The known key closest to {@code key} in edit distance, when it is close enough to be a typo. */
    static String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : Settings.fileKeys()) {
            int d = distance(key.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        return node instanceof SequenceNode ? "list" : "single value";
    }
}
