package io.policybot.importing;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one kind of source document into blocks. */
interface DocumentReader {
    SourceDocument read(Path file) throws IOException;
}
