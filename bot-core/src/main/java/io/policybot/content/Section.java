package io.policybot.content;

import java.util.List;

/**
 * A section of a policy in one language.
 *
 * @param id          stable id, the same in every language ("identifying-yourself")
 * @param title       heading text
 * @param shortAnswer the one-line "In short" answer, label removed (Markdown subset); empty when the section has none
 *                    (then an answer leads with the passage that best matches the question)
 * @param passages    rules, paragraphs and examples in document order
 * @param keywords    words employees use for the topic; searched, never shown
 * @param markdown    the whole section body as written, for "read the full section"
 * @param line        line of the heading in the source file
 */
public record Section(String id, String title, String shortAnswer, List<Passage> passages, List<String> keywords,
                      String markdown, int line) {
    public Section {
        passages = List.copyOf(passages);
        keywords = List.copyOf(keywords);
        shortAnswer = shortAnswer == null ? "" : shortAnswer;
    }

    public boolean hasShortAnswer() {
        return !shortAnswer.isBlank();
    }
}
