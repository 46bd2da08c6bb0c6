package io.policybot.answering;

import java.io.DataInputStream;
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
import java.util.List;
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
        Path file = dir == null ? null : dir.resolve("vectors-" + key(embedder.name(), texts) + ".bin");
        if (file != null) {
            Optional<List<float[]>> cached = read(file, texts.size());
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String t : texts) {
            vectors.add(embedder.embedPassage(t));
        }
        if (file != null) {
            write(file, vectors);
        }
        return vectors;
    }

    private static Optional<List<float[]>> read(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            int dim = in.readInt();
            if (n != count || dim <= 0 || dim > 4096) {
                return Optional.empty();
            }
            List<float[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = in.readFloat();
                }
                out.add(v);
            }
            return Optional.of(out);
        } catch (IOException e) {
            log.warn("vector cache {} unreadable, rebuilding: {}", file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    private static void write(Path file, List<float[]> vectors) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "vectors", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(vectors.size());
                out.writeInt(vectors.isEmpty() ? 1 : vectors.getFirst().length);
                for (float[] v : vectors) {
                    for (float f : v) {
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
