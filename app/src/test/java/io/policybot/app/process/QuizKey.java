package io.policybot.app.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The right answers, read from the content's quiz files, so a scripted person can pass a quiz whose questions and
 * options are shuffled: an option shown is right when its text is one of the options marked {@code correct}.
 */
final class QuizKey {
    private static final Pattern OPTION = Pattern.compile("\\s+- ([A-J])\\. (.+)");
    private final List<Pattern> right = new ArrayList<>();

    @SuppressWarnings("unchecked")
    QuizKey(Path contentDir) {
        try (Stream<Path> files = Files.walk(contentDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("quiz.*\\.ya?ml")).toList()) {
                Map<String, Object> doc = new Yaml().load(Files.readString(f));
                for (Map<String, Object> q : (List<Map<String, Object>>) doc.get("questions")) {
                    for (Map<String, Object> o : (List<Map<String, Object>>) q.get("options")) {
                        if (Boolean.TRUE.equals(o.get("correct"))) {
                            right.add(pattern((String) o.get("text")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {{placeholders}} stand for any text. */
    private static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        for (String piece : text.split("\\{\\{[^}]+}}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(piece.strip()));
        }
        return Pattern.compile(regex.toString());
    }

    /** The letter of the right option in a question as the console shows it. */
    String letter(String question) {
        for (String line : question.split("\n")) {
            Matcher m = OPTION.matcher(line);
            if (m.matches() && right.stream().anyMatch(p -> p.matcher(m.group(2).strip()).matches())) {
                return m.group(1);
            }
        }
        throw new AssertionError("no right option found in:\n" + question);
    }
}
