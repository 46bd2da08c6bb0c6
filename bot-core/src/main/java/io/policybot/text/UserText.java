package io.policybot.text;

import java.util.regex.Pattern;

/**
 * Text a person wrote (a question, a display name, a team) made inert before it goes into the engine's Markdown
 * subset, so it reads as what they typed and never as the bot's own formatting: no {@code [label](url)} link that
 * hides where it goes, no bold or italics, no heading, list or quote of its own, and no line break that escapes the
 * quote it is shown in.
 *
 * <p>Markdown characters are escaped with a backslash (CommonMark's rule, which Discord renders natively); every
 * adapter that turns the Markdown subset into its own format must render {@code \X} as a literal X that its platform
 * does not format (see {@link #ESCAPABLE}). Platform mention syntax ({@code <!channel>}, {@code @everyone}) stays the
 * adapters' job: it means something only on their platform.
 */
public final class UserText {
    /** The characters {@link #inline} and {@link #quote} escape with a backslash. */
    public static final String ESCAPABLE = "\\`*_~|[]()<>#-";
    /** A backslash escape in the Markdown subset: group 1 is the literal character. */
    public static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_~|\\[\\]()<>#\\-])");

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\n\\u000B\\u000C\\u0085\\u2028\\u2029]");
    /** Control and invisible formatting characters (bidi overrides, zero-width spaces), except the emoji joiner. */
    private static final Pattern INVISIBLE =
            Pattern.compile("[[\\p{Cc}&&[^\\n]]\\u200B\\u200C\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\t \\u00A0\\u3000]{2,}");

    private UserText() {
    }

    /**
     * Text for inside one line (a display name, a team, a question in a list): line breaks become spaces,
     * invisible characters go, and Markdown is escaped. Null becomes "".
     */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = LINE_BREAK.matcher(text).replaceAll(" ");
        return escape(SPACES.matcher(clean(oneLine)).replaceAll(" ").strip());
    }

    /**
     * Text shown as a quote block of its own: every line starts with {@code "> "}, so nothing the person wrote can
     * end the quote and read as the bot's text. Blank lines stay inside the quote; the block has no trailing newline.
     */
    public static String quote(String text) {
        String normalised = LINE_BREAK.matcher(text == null ? "" : text).replaceAll("\n");
        String[] lines = clean(normalised).strip().split("\n", -1);
        StringBuilder out = new StringBuilder(normalised.length() + lines.length * 3);
        for (String line : lines) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            String escaped = escape(SPACES.matcher(line).replaceAll(" ").strip());
            out.append(escaped.isEmpty() ? ">" : "> " + escaped);
        }
        return out.toString();
    }

    /**
     * Text for a plain-text field that no Markdown reaches (a notification's fallback): one line, no invisible
     * characters, nothing escaped.
     */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(clean(LINE_BREAK.matcher(text).replaceAll(" "))).replaceAll(" ").strip();
    }

    /** Backslash before every Markdown character; nothing else changes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ESCAPABLE.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The Markdown subset with its escapes undone, for renderers that print plain text (the console). */
    public static String unescape(String markdown) {
        return ESCAPE.matcher(markdown).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
    }

    private static String clean(String text) {
        // Keep \n (quote() splits on it); a tab is a space; the other controls and invisible formatting go.
        return INVISIBLE.matcher(text.replace('\t', ' ')).replaceAll("");
    }
}
