package io.policybot.answering;

import java.util.Set;

/**
 * Tells which of the content's languages a question is written in. Chinese is told from English by script:
 * a question counts as Chinese when it has at least as many Han characters as Latin words.
 */
public final class LanguageDetector {
    private final Set<String> available;

    public LanguageDetector(Set<String> available) {
        this.available = Set.copyOf(available);
    }

    /** The language of {@code text}, or {@code fallback} when the text does not tell (no letters at all). */
    public String detect(String text, String fallback) {
        int han = 0;
        int latinWords = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
                inWord = false;
            } else if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                if (!inWord) {
                    latinWords++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        String lang;
        if (han > 0 && han >= latinWords) {
            lang = "zh";
        } else if (latinWords > 0) {
            lang = "en";
        } else {
            return fallback;
        }
        return available.contains(lang) ? lang : fallback;
    }
}
