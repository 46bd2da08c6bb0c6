package io.policybot.answering;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the policy's passage vectors on disk, keyed by model and texts, so that a restart on unchanged content
 * does not embed everything again (the slowest part of start-up). A missing or damaged file is simply rebuilt.
 */
public final class VectorCache {
    private static final Logger log = LoggerFactory.getLogger(VectorCache.class);

    private final Path dir;

    /** @param dir where the cache files go; null keeps nothing on disk */
    public VectorCache(Path dir) {
        this.dir = dir;
    }

    public static VectorCache none() {
        return new VectorCache(null);
    }

    List<float[]> vectors(SentenceEmbedder embedder, List<String> texts) {
        return vectors(embedder, texts, false);
    }

    /** Texts embedded as questions are ({@link SentenceEmbedder#embedQuery}), kept apart from the passages' vectors. */
    List<float[]> queryVectors(SentenceEmbedder embedder, List<String> texts) {
        return vectors(embedder, texts, true);
    }

    private List<float[]> vectors(SentenceEmbedder embedder, List<String> texts, boolean queries) {
        String model = queries ? embedder.name() + "#query" : embedder.name();
        Path file = dir == null ? null : dir.resolve("vectors-" + key(model, texts) + ".bin");
        if (file != null) {
            Optional<Stored> cached = read(file);
            if (cached.isPresent() && cached.get().vectors().size() == texts.size()) {
                return cached.get().vectors();
            }
        }
        // Texts already embedded for another content version (an edited policy, a policy added) are reused, so a
        // change embeds only what changed.
        Map<String, float[]> known = file == null ? Map.of() : known();
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<String> hashes = new ArrayList<>(texts.size());
        for (String t : texts) {
            String h = key(model, List.of(t));
            float[] v = known.get(h);
            vectors.add(v != null ? v : queries ? embedder.embedQuery(t) : embedder.embedPassage(t));
            hashes.add(h);
        }
        if (file != null) {
            write(file, hashes, vectors);
        }
        return vectors;
    }

    /**
     * A small result derived from the content and the model (the "not covered" topics left after the loaded policies),
     * kept beside the vectors so that an unchanged content does not compute it again at start-up.
     *
     * @param inputs everything the result depends on
     */
    List<String> derived(SentenceEmbedder embedder, String kind, List<String> inputs,
                         java.util.function.Supplier<List<String>> compute) {
        Path file = dir == null ? null : dir.resolve(kind + "-" + key(embedder.name(), inputs) + ".txt");
        if (file != null && Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.getFirst().equals("#" + kind)) {
                    return List.copyOf(lines.subList(1, lines.size()));
                }
            } catch (IOException e) {
                log.warn("cannot read {}: {}", file.getFileName(), e.toString());
            }
        }
        List<String> result = compute.get();
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), kind, ".tmp");
                List<String> lines = new ArrayList<>();
                lines.add("#" + kind);
                lines.addAll(result);
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.warn("cannot write {}: {}", file, e.toString());
            }
        }
        return result;
    }

    private record Stored(List<String> hashes, List<float[]> vectors) {
    }

    /** Every vector the cache holds, by hash of model and text. */
    private Map<String, float[]> known() {
        Map<String, float[]> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("vectors-")).toList()) {
                read(f).ifPresent(st -> {
                    for (int i = 0; i < st.hashes().size(); i++) {
                        out.put(st.hashes().get(i), st.vectors().get(i));
                    }
                });
            }
        } catch (IOException e) {
            log.warn("cannot list the vector cache {}: {}", dir, e.toString());
        }
        return out;
    }

    private static Optional<Stored> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // Read at once and converted in bulk: a float at a time through a stream was a visible share of start-up.
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
            if (buf.getInt() != FORMAT) {
                return Optional.empty();
            }
            int n = buf.getInt();
            int dim = buf.getInt();
            if (n < 0 || dim <= 0 || dim > 4096) {
                return Optional.empty();
            }
            List<String> hashes = new ArrayList<>(n);
            List<float[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int len = Short.toUnsignedInt(buf.getShort()); // writeUTF: the length, then the (ASCII) hash
                byte[] hash = new byte[len];
                buf.get(hash);
                hashes.add(new String(hash, StandardCharsets.UTF_8));
                float[] v = new float[dim];
                buf.asFloatBuffer().get(v);
                buf.position(buf.position() + dim * Float.BYTES);
                out.add(v);
            }
            return Optional.of(new Stored(hashes, out));
        } catch (IOException | RuntimeException e) {
            log.warn("vector cache {} unreadable, rebuilding: {}", file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    /** Format 2: each vector with the hash of its text (format 1 had vectors only and is simply rebuilt). */
    private static final int FORMAT = 0x50420002;

    private static void write(Path file, List<String> hashes, List<float[]> vectors) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "vectors", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(FORMAT);
                out.writeInt(vectors.size());
                out.writeInt(vectors.isEmpty() ? 1 : vectors.getFirst().length);
                for (int i = 0; i < vectors.size(); i++) {
                    out.writeUTF(hashes.get(i));
                    for (float f : vectors.get(i)) {
                        out.writeFloat(f);
                    }
                }
            }
            // Atomic: a crash mid-write leaves the old file or none, never half a file.
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot write vector cache {}: {}", file, e.toString());
        }
    }

    private static String key(String model, List<String> texts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            for (String t : texts) {
                sha.update((byte) 0);
                sha.update(t.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
