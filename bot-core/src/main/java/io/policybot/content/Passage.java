package io.policybot.content;

/**
 * A quotable piece of a section: one rule, one paragraph or one example.
 *
 * @param group    the level-3 heading above it ("Do", "Don't", "Example", ...), empty for the section's lead text
 * @param markdown the passage in the reply Markdown subset
 * @param plain    the same text without markup, for the index
 * @param rule     true for a list item (one rule), false for a paragraph (explanation, example)
 * @param line     its line in the source file
 */
public record Passage(String group, String markdown, String plain, boolean rule, int line) {
}
