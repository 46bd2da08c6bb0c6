package io.policybot.answering;

import java.util.List;

/**
 * The policy's passage vectors, normalised, searched exactly: every vector's cosine with the question. At a few
 * thousand vectors per language a full scan takes well under a millisecond and needs no build, where an HNSW graph
 * (Lucene's KNN fields) took about 0.7 s to build at start-up and answered only approximately.
 */
final class VectorTable {
    private final List<String> keys;
    private final float[] matrix; // row i = unit vector of keys[i]
    private final int dimension;

    VectorTable(List<String> keys, List<float[]> vectors) {
        if (keys.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per key");
        }
        this.keys = List.copyOf(keys);
        this.dimension = vectors.isEmpty() ? 0 : vectors.getFirst().length;
        this.matrix = new float[keys.size() * dimension];
        for (int i = 0; i < vectors.size(); i++) {
            float[] unit = unit(vectors.get(i));
            System.arraycopy(unit, 0, matrix, i * dimension, dimension);
        }
    }

    int size() {
        return keys.size();
    }

    String key(int row) {
        return keys.get(row);
    }

    /** The cosine of {@code query} with every row, in row order. */
    double[] cosines(float[] query) {
        float[] q = unit(query);
        double[] out = new double[keys.size()];
        for (int row = 0, base = 0; row < out.length; row++, base += dimension) {
            double dot = 0;
            for (int j = 0; j < dimension; j++) {
                dot += matrix[base + j] * q[j];
            }
            out[row] = dot;
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
