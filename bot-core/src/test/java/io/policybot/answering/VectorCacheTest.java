package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart on unchanged content embeds and computes nothing again; a damaged file is rebuilt. */
class VectorCacheTest {
    @TempDir
    Path dir;

    /** Vectors from the text's characters; counts what it embeds. */
    static final class CountingEmbedder implements SentenceEmbedder {
        final AtomicInteger passages = new AtomicInteger();
        final AtomicInteger queries = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public float[] embedPassage(String text) {
            passages.incrementAndGet();
            return new float[] {text.length(), text.charAt(0), 1.5f};
        }

        @Override
        public float[] embedQuery(String text) {
            queries.incrementAndGet();
            return new float[] {-text.length(), text.charAt(0), 2.5f};
        }

        @Override
        public double unrelatedBelow() {
            return 0.5;
        }

        @Override
        public double relatedAbove() {
            return 0.8;
        }

        @Override
        public double lexicalWeight() {
            return 0.1;
        }
    }

    @Test
    void vectorsAreReadBackAsWrittenAndOnlyNewTextsAreEmbedded() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        List<float[]> first = new VectorCache(dir).vectors(model, List.of("alpha", "beta"));
        List<float[]> again = new VectorCache(dir).vectors(model, List.of("alpha", "beta"));
        assertEquals(2, model.passages.get(), "the second run reads the file");
        assertArrayEquals(first.get(1), again.get(1));
        assertArrayEquals(new float[] {4, 'b', 1.5f}, again.get(1));
        new VectorCache(dir).vectors(model, List.of("alpha", "beta", "gamma"));
        assertEquals(3, model.passages.get(), "an added text is the only one embedded");
        // Questions' vectors are kept apart from passages' vectors of the same text.
        List<float[]> q = new VectorCache(dir).queryVectors(model, List.of("alpha"));
        assertArrayEquals(new float[] {-5, 'a', 2.5f}, q.getFirst());
        assertEquals(1, model.queries.get());
    }

    @Test
    void aDamagedFileIsRebuilt() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        new VectorCache(dir).vectors(model, List.of("alpha"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[] {0x50, 0x42, 0, 2, 0, 0, 0, 9}); // right format, cut short
            }
        }
        List<float[]> v = new VectorCache(dir).vectors(model, List.of("alpha"));
        assertArrayEquals(new float[] {5, 'a', 1.5f}, v.getFirst());
        assertEquals(2, model.passages.get());
    }

    @Test
    void aDerivedResultIsComputedOncePerInput() {
        CountingEmbedder model = new CountingEmbedder();
        AtomicInteger computed = new AtomicInteger();
        List<String> a = new VectorCache(dir).derived(model, "topics", List.of("x", "y"), () -> {
            computed.incrementAndGet();
            return List.of("Leave: vacation", "Pay: salary");
        });
        List<String> b = new VectorCache(dir).derived(model, "topics", List.of("x", "y"), () -> {
            computed.incrementAndGet();
            return List.of();
        });
        assertEquals(a, b);
        assertEquals(1, computed.get());
        new VectorCache(dir).derived(model, "topics", List.of("x", "z"), () -> {
            computed.incrementAndGet();
            return List.of();
        });
        assertEquals(2, computed.get(), "other inputs are computed anew");
        assertEquals(List.of(), new VectorCache(dir).derived(model, "topics", List.of("x", "z"), List::of),
                "an empty result is kept too");
    }
}
