package io.policybot.chat;

/**
 * The platform-neutral form of "this person" in a message's text: {@code @platform:userId} ({@code @slack:U123},
 * {@code @discord:123}). Adapters turn their platform's mention syntax ({@code <@U123|ann>}, {@code <@!123>}) into
 * it before the engine sees the text, so nothing in bot-core parses a platform's markup.
 */
public final class Mentions {
    private Mentions() {
    }

    /** The neutral mention of {@code userId} on {@code platform}. */
    public static String of(String platform, String userId) {
        return "@" + platform + ":" + userId;
    }
}
