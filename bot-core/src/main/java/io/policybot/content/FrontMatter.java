package io.policybot.content;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The YAML block between the first two {@code ---} lines of a Markdown file.
 *
 * @param endLine the number of lines the front matter takes, closing {@code ---} included
 */
record FrontMatter(Map<String, Object> values, String[] lines, int endLine) {
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^[\\w-]+\\s*:(\\s|$)");

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
        if (!linesAreKeyValues(lines, end, file, problems)) {
            return null;
        }
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, end));
        try {
            Object loaded = yaml().load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                problems.add(new ContentProblem(file, 2, "front matter must be 'key: value' lines"));
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) map;
            return new FrontMatter(values, lines, end + 1);
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts (the opening quote, the key);
            // the problem mark is often where the parser gave up, lines later.
            Mark mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 1 : Math.min(mark.getLine() + 2, end);
            problems.add(new ContentProblem(file, line, "broken front matter: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "")));
            return null;
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(file, 1, "broken front matter: " + e.getMessage()));
            return null;
        }
    }

    /**
     * Every top-level line is {@code key: value}: catches a missing colon on the line where it is missing
     * (YAML itself would report it on a later line, or read it as part of the previous value).
     */
    private static boolean linesAreKeyValues(String[] lines, int end, String file, List<ContentProblem> problems) {
        for (int i = 1; i < end; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#") || Character.isWhitespace(line.charAt(0))
                    || line.startsWith("-")) {
                continue;
            }
            if (!TOP_LEVEL_KEY.matcher(line).find()) {
                problems.add(new ContentProblem(file, i + 1, "front matter line '" + line.strip()
                        + "' is not 'key: value': is the colon missing?"));
                return false;
            }
        }
        return true;
    }

    /**
     * A YAML reader that keeps dates and numbers as the text written: {@code effective: 2026-13-01} must be
     * refused, not rolled over to 2027-01-01, and {@code version: 1.10} is not 1.1.
     */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new Resolver() {
                    @Override
                    protected void addImplicitResolvers() {
                        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                        addImplicitResolver(Tag.NULL, EMPTY, null);
                    }
                });
    }

    /** The line of a top-level front-matter key in a policy file's text, or 1 when it is not there. */
    static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
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
