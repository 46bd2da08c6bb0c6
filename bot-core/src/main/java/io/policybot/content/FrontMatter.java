package io.policybot.content;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The YAML block between the first two {@code ---} lines of a Markdown file.
 *
 * @param endLine the number of lines the front matter takes, closing {@code ---} included
 */
record FrontMatter(Map<String, Object> values, String[] lines, int endLine) {

    static FrontMatter read(String[] lines, String file, List<ContentProblem> problems) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new ContentProblem(file, 1, "the file must start with front matter: a '---' line, "
                    + "'policy:', 'title:', 'version:', 'effective:', 'owner:', 'language:' lines, and a closing '---'"));
            return null;
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(new ContentProblem(file, 1, "front matter is not closed: add a '---' line after it"));
            return null;
        }
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                problems.add(new ContentProblem(file, 2, "front matter must be 'key: value' lines"));
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) map;
            return new FrontMatter(values, lines, end + 1);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            problems.add(new ContentProblem(file, line, "broken front matter: " + e.getProblem()));
            return null;
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(file, 1, "broken front matter: " + e.getMessage()));
            return null;
        }
    }

    int lineOf(String key) {
        for (int i = 1; i < endLine; i++) {
            if (lines[i].stripLeading().startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
