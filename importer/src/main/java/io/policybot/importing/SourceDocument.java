package io.policybot.importing;

import java.util.List;

/**
 * A document read by one of the readers: its blocks in order, plus the metadata the file carries.
 *
 * @param title  the title from the file's metadata (Word properties, HTML title), or null
 * @param format "docx", "pdf", "html" or "md", for the report
 */
record SourceDocument(String file, String format, String title, List<Block> blocks) {
    SourceDocument {
        blocks = List.copyOf(blocks);
    }
}
