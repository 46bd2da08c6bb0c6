package io.policybot.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One setting of {@code policybot.yaml}: its dotted key, its type, the environment variable that overrides it,
 * its default and what it is for. A secret has no file value: it comes from its variable, or from a file named by
 * the companion {@code <key>File} setting (a mounted Kubernetes secret).
 *
 * @param key         dotted key in the file ({@code slack.hrChannel})
 * @param type        what the value must be
 * @param env         the environment variable that overrides the file (today's variables), or null
 * @param defaultText the default as shown in the table, or null for none
 * @param secret      never in the file, never printed
 * @param description one line for the table
 */
public record Setting(String key, Type type, String env, String defaultText, boolean secret, String description,
                      List<String> choices) {

    /** The kinds of value; each checks a value from the file or the environment. */
    public enum Type {
        TEXT, INTEGER, PORT, BOOLEAN, PATH, URL, CHOICE, LIST;

        public String label() {
            return switch (this) {
                case TEXT -> "text";
                case INTEGER -> "whole number";
                case PORT -> "port (0-65535)";
                case BOOLEAN -> "true/false";
                case PATH -> "path";
                case URL -> "URL";
                case CHOICE -> "one of";
                case LIST -> "list";
            };
        }
    }

    public Setting {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    static Setting of(String key, Type type, String env, String defaultText, String description) {
        return new Setting(key, type, env, defaultText, false, description, List.of());
    }

    static Setting choice(String key, String env, String defaultText, String description, String... choices) {
        return new Setting(key, Type.CHOICE, env, defaultText, false, description, List.of(choices));
    }

    static Setting secret(String key, String env, String description) {
        return new Setting(key, Type.TEXT, env, null, true, description, List.of());
    }

    /** The file key that names a file holding this secret ({@code slack.botTokenFile}). */
    public String fileKey() {
        return key + "File";
    }

    /**
     * The value in its normal form (booleans as true/false, lists joined with commas), or a plain-words problem.
     * {@code raw} is the text from the file or the environment.
     */
    public Optional<String> problem(String raw) {
        String v = raw.strip();
        return switch (type) {
            case TEXT, PATH, LIST -> Optional.empty();
            case INTEGER -> v.matches("-?\\d{1,9}") ? Optional.empty() : Optional.of("must be a whole number, not \"" + raw + "\"");
            case PORT -> v.matches("\\d{1,5}") && Integer.parseInt(v) <= 65535 ? Optional.empty()
                    : Optional.of("must be a port number from 0 to 65535, not \"" + raw + "\"");
            case BOOLEAN -> bool(v) != null ? Optional.empty()
                    : Optional.of("must be true or false, not \"" + raw + "\"");
            case URL -> v.matches("(?i)(https?|wss?)://[^\\s/]+.*") ? Optional.empty()
                    : Optional.of("must be a URL such as https://example.com/, not \"" + raw + "\"");
            case CHOICE -> choices.contains(v.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices) + ", not \"" + raw + "\"");
        };
    }

    /** true/false, also on/off and yes/no (POLICYBOT_EMBEDDINGS=off works as before); null otherwise. */
    static Boolean bool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
