package io.policybot.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{company}}} and {@code {{contact.<role>.<field>}}} from the settings; an unknown one is a problem. */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    private final ContentSettings settings;

    Placeholders(ContentSettings settings) {
        this.settings = settings;
    }

    /** Replaces placeholders line by line, so that line numbers stay those of the file. */
    String fill(String text, String file, List<ContentProblem> problems) {
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (m.find()) {
                String value = resolve(m.group(1));
                if (value == null) {
                    problems.add(new ContentProblem(file, i + 1, "unknown placeholder {{" + m.group(1)
                            + "}}: use {{company}} or {{contact.<role>.<name|email|channel>}} with a role of settings.yaml "
                            + settings.contacts().keySet().stream().sorted().toList()));
                    value = m.group();
                }
                m.appendReplacement(line, Matcher.quoteReplacement(value));
            }
            m.appendTail(line);
            out.append(line);
        }
        return out.toString();
    }

    private String resolve(String name) {
        if (name.equals("company")) {
            return settings.company();
        }
        String[] parts = name.split("\\.");
        if (parts.length != 3 || !parts[0].equals("contact")) {
            return null;
        }
        Contact contact = settings.contacts().get(parts[1]);
        if (contact == null) {
            return null;
        }
        return switch (parts[2]) {
            case "name" -> contact.name();
            case "email" -> contact.email();
            case "channel" -> contact.channel();
            default -> null;
        };
    }
}
