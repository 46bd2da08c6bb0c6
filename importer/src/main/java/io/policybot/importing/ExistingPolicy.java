package io.policybot.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy file already in the content directory, read just far enough to keep what a re-import must keep:
 * the front matter as written, and per section its id, title, body, and the hand-written "In short" and keywords.
 */
record ExistingPolicy(String frontMatter, List<OldSection> sections) {
    private static final Pattern SECTION = Pattern.compile("^## (.*?)\\s*\\{#([a-z0-9-]+)}\\s*$");
    private static final Pattern KEY = Pattern.compile("(?m)^([\\w-]+):\\s*(.*)$");

    /** @param shortAnswer the {@code > **In short:** ...} line as written, or null; {@code keywords} likewise */
    record OldSection(String id, String title, String body, String shortAnswer, String keywords) {
    }

    static Optional<ExistingPolicy> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String front = "";
        String body = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                front = text.substring(4, end + 1);
                body = text.substring(Math.min(text.length(), text.indexOf('\n', end + 1) + 1));
            }
        }
        List<OldSection> sections = new ArrayList<>();
        String id = null;
        String title = null;
        StringBuilder current = new StringBuilder();
        String shortAnswer = null;
        String keywords = null;
        for (String line : body.split("\n", -1)) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                if (id != null) {
                    sections.add(new OldSection(id, title, current.toString().strip(), shortAnswer, keywords));
                }
                id = m.group(2);
                title = m.group(1);
                current.setLength(0);
                shortAnswer = null;
                keywords = null;
            } else if (id != null) {
                if (shortAnswer == null && line.startsWith("> **") && PolicyWriter.isShortAnswerLine(line)) {
                    shortAnswer = line;
                } else if (keywords == null && line.startsWith("<!-- keywords:")) {
                    keywords = line;
                } else {
                    current.append(line).append('\n');
                }
            }
        }
        if (id != null) {
            sections.add(new OldSection(id, title, current.toString().strip(), shortAnswer, keywords));
        }
        return Optional.of(new ExistingPolicy(front, sections));
    }

    Optional<String> value(String key) {
        Matcher m = KEY.matcher(frontMatter);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return Optional.of(m.group(2).strip().replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return Optional.empty();
    }

    /** The front matter with {@code key} set to {@code value} (added when missing), other lines as written. */
    String withValue(String front, String key, String value) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(key) + ":.*$");
        Matcher m = line.matcher(front);
        String replacement = key + ": " + value;
        if (m.find()) {
            return m.replaceFirst(Matcher.quoteReplacement(replacement));
        }
        return front + replacement + "\n";
    }
}
