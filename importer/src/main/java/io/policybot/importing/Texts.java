package io.policybot.importing;

import java.util.regex.Pattern;

/** Small text clean-ups shared by the readers. */
final class Texts {
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[\\u2022\\u25CF\\u25E6\\u25AA\\u25AB\\u2023\\u2043\\u2219\\u00B7\\u25A0\\u25A1\\u2013\\u2014*-]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])\\s+");

    private Texts() {
    }

    /** White space folded, invisible characters dropped. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return SPACE.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").strip();
    }

    /** A question: ends with a question mark (also the full-width one). */
    static boolean isQuestion(String s) {
        String t = clean(s);
        return t.endsWith("?") || t.endsWith("\uFF1F");
    }

    /** The text after a leading bullet or number ("• ", "1. ", "a) "), or null when the line is not a list item. */
    static String bulletText(String line) {
        var m = BULLET.matcher(line);
        return m.find() ? line.substring(m.end()) : null;
    }

    static boolean startsOrdered(String line) {
        return line.strip().matches("^\\(?(\\d{1,2}|[a-z])[.)]\\s.*");
    }

    static int words(String s) {
        String t = clean(s);
        return t.isEmpty() ? 0 : t.split(" ").length;
    }
}
