package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models unpacked into the data directory (start-up reads them instead of inflating them out of the jars):
 * the same vectors as the bundled classes give, unpacked once, and a damaged optimised graph is rebuilt.
 */
class UnpackedModelTest {
    private static final String QUESTION = "Can I post photos of my team at the offsite?";

    @TempDir
    Path dir;

    @Test
    void unpackedModelsGiveTheBundledModelsVectorsAndAreUnpackedOnce() throws IOException {
        float[] bundled = new OnnxEmbedders().apply("en").orElseThrow().embedQuery(QUESTION);

        float[] unpacked = new OnnxEmbedders(dir).apply("en").orElseThrow().embedQuery(QUESTION);
        assertArrayEquals(bundled, unpacked, 1e-4f, "same model, same vector");
        List<Path> files = files();
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("bge-small-en-v1.5-q.onnx")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("bge-small-en-v1.5-q-tokenizer.json")));
        Path optimised = files.stream().filter(f -> f.getFileName().toString().contains(".optimised-ort-")).findFirst()
                .orElseThrow(() -> new AssertionError("no optimised graph saved: " + files));
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), files::toString);

        // A second start reads what is there: nothing is written again.
        FileTime before = FileTime.fromMillis(0);
        for (Path f : files) {
            Files.setLastModifiedTime(f, before);
        }
        float[] again = new OnnxEmbedders(dir).apply("en").orElseThrow().embedQuery(QUESTION);
        assertArrayEquals(bundled, again, 1e-4f);
        assertEquals(files, files());
        for (Path f : files) {
            assertEquals(before, Files.getLastModifiedTime(f), f + " was written again");
        }

        // A damaged optimised graph (a disk full, a copy cut short) is optimised again from the model.
        Files.write(optimised, new byte[] {1, 2, 3});
        float[] repaired = new OnnxEmbedders(dir).apply("en").orElseThrow().embedQuery(QUESTION);
        assertArrayEquals(bundled, repaired, 1e-4f);
        assertTrue(Files.size(optimised) > 1_000_000, "rebuilt: " + Files.size(optimised));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
