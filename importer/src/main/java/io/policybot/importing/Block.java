package io.policybot.importing;

import java.util.List;

/** One piece of a source document as the readers see it, before it becomes policy Markdown. */
sealed interface Block {

    /** A heading; level 0 is a document title (Word's "Title" style), 1 to 6 are heading levels. */
    record Heading(int level, String text) implements Block {
    }

    /** A paragraph of plain text; {@code bold} when all of it is bold (a bold FAQ question, a run-in label). */
    record Paragraph(String text, boolean bold) implements Block {
    }

    /** One list item; {@code depth} 0 for a top-level item. */
    record ListItem(int depth, boolean ordered, String text) implements Block {
    }

    /**
     * A table, first row the header; {@code keyValue} when the document shows it is a two-column list of labels and
     * values instead ("Owner | People team", "Effective from | 1 March 2027": a document-control table), with no
     * header row.
     */
    record Table(List<List<String>> rows, boolean keyValue) implements Block {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }

        Table(List<List<String>> rows) {
            this(rows, false);
        }
    }

    /** An explicit question of a question/answer construct (HTML dt or summary, "Q:" paragraphs); its answer follows. */
    record Question(String text) implements Block {
    }

    /** Something the content format cannot hold (an image, a footnote): listed in the import report. */
    record Dropped(String kind, String detail) implements Block {
    }
}
