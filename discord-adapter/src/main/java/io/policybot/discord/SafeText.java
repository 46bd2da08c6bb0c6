package io.policybot.discord;

import java.util.regex.Pattern;

/**
 * Makes text safe to show on Discord. Every message also carries "allowed mentions: none", so nothing pings;
 * this is the second line: {@code @everyone}, {@code @here}, role and user mentions are broken with a zero-width space,
 * so that not even a rendered embed or a copied text can ping.
 */
final class SafeText {
    static final char ZWSP = '\u200B';
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");
    private static final Pattern USER_MENTION = Pattern.compile("<@(!?\\d+)>");

    static String neutralize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = MASS_MENTION.matcher(text).replaceAll("@" + ZWSP + "$1");
        out = ROLE_MENTION.matcher(out).replaceAll("<@" + ZWSP + "&$1>");
        // A user mention would not ping (allowed mentions are empty) but would still show as a live name tag.
        return USER_MENTION.matcher(out).replaceAll("<@" + ZWSP + "$1>");
    }

    /** At most {@code max} characters, ending in an ellipsis when cut; never splits a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private SafeText() {
    }
}
