package io.policybot.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its line, so that every content error can say where it is.
 * Missing or mistyped values are reported to the problem list and read as empty.
 */
final class YamlNode {
    private final Node node;
    private final String file;
    private final List<ContentProblem> problems;

    private YamlNode(Node node, String file, List<ContentProblem> problems) {
        this.node = node;
        this.file = file;
        this.problems = problems;
    }

    static Optional<YamlNode> parse(String text, String file, List<ContentProblem> problems) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (!(root instanceof MappingNode)) {
                problems.add(new ContentProblem(file, 1, "expected 'key: value' lines at the top of the file"));
                return Optional.empty();
            }
            return Optional.of(new YamlNode(root, file, problems));
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts (an opening quote, a key); the problem
            // mark is where the parser gave up, often lines later.
            org.yaml.snakeyaml.error.Mark mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 1 : mark.getLine() + 1;
            problems.add(new ContentProblem(file, line, "broken YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "")));
            return Optional.empty();
        }
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    void problem(String message) {
        problems.add(new ContentProblem(file, line(), message));
    }

    Optional<YamlNode> get(String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(new YamlNode(t.getValueNode(), file, problems));
                }
            }
        }
        return Optional.empty();
    }

    /** The keys of a mapping, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.add(k.getValue());
                }
            }
        } else {
            problem("expected 'key: value' lines");
        }
        return keys;
    }

    /** A required non-empty text value; reports and returns "" when missing. */
    String text(String key) {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty() || !(value.get().node instanceof ScalarNode s) || s.getValue().isBlank()) {
            problem("'" + key + "' is missing or empty");
            return "";
        }
        return s.getValue().trim();
    }

    Optional<String> optionalText(String key) {
        return get(key).filter(v -> v.node instanceof ScalarNode s && !s.getValue().isBlank())
                .map(v -> ((ScalarNode) v.node).getValue().trim());
    }

    boolean flag(String key) {
        return get(key).map(v -> v.node instanceof ScalarNode s && s.getValue().equalsIgnoreCase("true")).orElse(false);
    }

    /** A list value; reports when present but not a list, and returns empty when missing. */
    List<YamlNode> list(String key) {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get().node instanceof SequenceNode seq)) {
            value.get().problem("'" + key + "' must be a list");
            return List.of();
        }
        List<YamlNode> items = new ArrayList<>();
        for (Node n : seq.getValue()) {
            items.add(new YamlNode(n, file, problems));
        }
        return items;
    }

    /** A list of plain strings (flow style {@code [a, b]} or block style). */
    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (item.node instanceof ScalarNode s) {
                out.add(s.getValue().trim());
            } else {
                item.problem("'" + key + "' must list plain values");
            }
        }
        return out;
    }
}
