package io.policybot.slack.internal;

import io.policybot.text.UserText;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's text rules in both directions. Outbound, every character of the engine's text is escaped first
 * ({@code & < >}), so nothing a person wrote can become {@code <!channel>}, {@code <!here>} or {@code <@U..>};
 * only then do the engine's own links become {@code <url|label>}. Inbound, Slack's markup becomes plain text.
 */
public final class Mrkdwn {
    /** A markdown link, or a bare web address. */
    private static final Pattern LINK =
            Pattern.compile("\\[([^\\]\\n]+)]\\(([^)\\s\uE000-\uE0FF]+)\\)|(https?://[^\\s<>\\[\\]()|\uE000-\uE0FF]+)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)[-*] ");
    private static final Pattern BROADCAST = Pattern.compile("@(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?://|mailto:)[^\\s]+");
    private static final Pattern SLACK_MARKUP = Pattern.compile("<([^<>]*)>");
    private static final String WORD_JOINER = "\u2060";
    /** Escaped characters ride through the conversion as private-use stand-ins, so no rule below can see them. */
    private static final char STAND_IN = '\uE000';
    private static final Pattern STAND_INS = Pattern.compile("[\uE000-\uE0FF]");

    private Mrkdwn() {
    }

    /** Plain text made safe for any Slack text field that Slack parses (mrkdwn and the message fallback). */
    public static String escape(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return BROADCAST.matcher(escaped).replaceAll("@" + WORD_JOINER + "$1");
    }

    /** The engine's Markdown subset (**bold**, _italic_, "- " bullets, [label](url)) as escaped Slack mrkdwn. */
    public static String fromMarkdown(String markdown) {
        // Bold first, over the whole line: a bold name with an address in it is still one bold run.
        String escaped = BOLD.matcher(escape(hideEscapes(markdown))).replaceAll("*$1*");
        StringBuilder out = new StringBuilder(escaped.length() + 16);
        Matcher m = LINK.matcher(escaped);
        int last = 0;
        while (m.find()) {
            out.append(formatText(escaped.substring(last, m.start())));
            if (m.group(3) != null) {
                out.append(bareLink(m.group(3)));
            } else {
                out.append(link(m.group(2), formatText(m.group(1))));
            }
            last = m.end();
        }
        out.append(formatText(escaped.substring(last)));
        return literals(out);
    }

    /** {@code \*} and the other escapes of {@link UserText} as stand-ins; a stand-in already in the text is dropped. */
    private static String hideEscapes(String markdown) {
        String clean = STAND_INS.matcher(markdown).replaceAll("\uFFFD");
        return UserText.ESCAPE.matcher(clean).replaceAll(
                m -> String.valueOf((char) (STAND_IN + UserText.ESCAPABLE.indexOf(m.group(1).charAt(0)))));
    }

    /**
     * The stand-ins as characters Slack shows but never formats: Slack mrkdwn has no escape for {@code * _ ~ `},
     * so those become look-alikes ({@code ∗ ∼ ˋ}); an underscore inside a word stays (Slack never italicises there).
     */
    private static String literals(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = c - STAND_IN;
            if (index < 0 || index >= UserText.ESCAPABLE.length()) {
                out.append(c);
                continue;
            }
            char literal = UserText.ESCAPABLE.charAt(index);
            switch (literal) {
                case '*' -> out.append('\u2217');
                case '~' -> out.append('\u223C');
                case '`' -> out.append('\u02CB');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '_' -> out.append(insideWord(text, i) ? '_' : '\uFF3F');
                default -> out.append(literal);
            }
        }
        return out.toString();
    }

    private static boolean insideWord(CharSequence text, int i) {
        return i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** A link as {@code <url|label>} from already escaped parts; a non-web address shows only its label. */
    static String link(String escapedUrl, String escapedLabel) {
        String label = escapedLabel.replace("|", "¦");
        if (!SAFE_URL.matcher(escapedUrl).matches()) {
            return label;
        }
        return "<" + escapedUrl.replace("|", "%7C") + "|" + label + ">";
    }

    /** A link built by the adapter from raw parts (a citation's URL and title). */
    public static String linkTo(String url, String label) {
        return link(escape(url), escape(label));
    }

    private static String bareLink(String escapedUrl) {
        int end = escapedUrl.length();
        while (end > 0 && ".,;:!?'\"".indexOf(escapedUrl.charAt(end - 1)) >= 0) {
            end--;
        }
        return "<" + escapedUrl.substring(0, end) + ">" + escapedUrl.substring(end);
    }

    private static String formatText(String escaped) {
        return BULLET.matcher(escaped).replaceAll("$1• ");
    }

    /**
     * Slack's message text as a person would read it: mentions become {@code @U123} or {@code @channel},
     * channels {@code #name}, links their label, and {@code &amp; &lt; &gt;} their characters again.
     */
    public static String toPlain(String slackText) {
        if (slackText == null) {
            return "";
        }
        Matcher m = SLACK_MARKUP.matcher(slackText);
        StringBuilder out = new StringBuilder(slackText.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(plainToken(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    private static String plainToken(String token) {
        int bar = token.indexOf('|');
        String target = bar < 0 ? token : token.substring(0, bar);
        String label = bar < 0 ? null : token.substring(bar + 1);
        if (target.startsWith("@")) {
            return label != null ? "@" + label : target;
        }
        if (target.startsWith("#")) {
            return label != null ? "#" + label : target;
        }
        if (target.startsWith("!")) {
            if (label != null) {
                return label.startsWith("@") ? label : "@" + label;
            }
            String name = target.substring(1).toLowerCase(Locale.ROOT);
            return name.startsWith("subteam^") ? "@team" : "@" + name;
        }
        return label != null ? label + " (" + target + ")" : target;
    }

    /** Cuts text to Slack's limit for a field, ending with an ellipsis when cut. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
