package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorTableTest {

    @Test
    void cosinesAreExactWhateverTheVectorsLength() {
        VectorTable table = new VectorTable(List.of("a", "b", "c"),
                List.of(new float[] {2, 0}, new float[] {0, 5}, new float[] {1, 1}));
        double[] cos = table.cosines(new float[] {3, 3});
        assertEquals(Math.sqrt(0.5), cos[0], 1e-6);
        assertEquals(Math.sqrt(0.5), cos[1], 1e-6);
        assertEquals(1.0, cos[2], 1e-6);
        assertEquals("c", table.key(2));
    }

    @Test
    void aZeroVectorMatchesNothing() {
        VectorTable table = new VectorTable(List.of("a"), List.of(new float[] {0, 0}));
        assertEquals(0.0, table.cosines(new float[] {1, 0})[0], 1e-9);
    }
}
