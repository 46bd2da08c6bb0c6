package io.policybot.content;

/**
 * A quotable piece of a section: one rule, one paragraph, one FAQ answer or one table row.
 *
 * @param group    the heading above it ("Do", "Don't", "Example", a sub-section title); for an FAQ answer, the question;
 *                 empty for the section's lead text
 * @param markdown the passage in the reply Markdown subset
 * @param plain    the same text without markup, for the index; an FAQ answer's starts with its question, a nested
 *                 list item's with its parent item's text, a table row's names each column
 * @param rule     true for what a person can act on and is quoted first: a list item, an FAQ answer, a table row
 * @param line     its line in the source file
 * @param kind     what kind of passage it is
 */
public record Passage(String group, String markdown, String plain, boolean rule, int line, Kind kind) {

    /** Kinds of passage; an index can weigh them differently (an FAQ question is a ready-made paraphrase). */
    public enum Kind {
        /** A list item. */
        RULE,
        /** A paragraph of explanation or an example. */
        PARAGRAPH,
        /** The answer to an FAQ question; the question is the {@link #group()}. */
        FAQ,
        /** One row of a table, as "Column: value; Column: value". */
        TABLE_ROW
    }

    /** A list item ({@code rule}) or a paragraph. */
    public Passage(String group, String markdown, String plain, boolean rule, int line) {
        this(group, markdown, plain, rule, line, rule ? Kind.RULE : Kind.PARAGRAPH);
    }

    /** The FAQ question this passage answers, or null. */
    public String question() {
        return kind == Kind.FAQ ? group : null;
    }
}
