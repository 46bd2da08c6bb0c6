package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankerTest {
    private static final Ranker DEFAULTS = Ranker.defaults(0.1, 1.0);

    /**
     * Labelled texts whose right section has the lower mean cosine but covers the text's words: the defaults rank
     * it second, a fitted ranker learns to weigh coverage.
     */
    private static List<Ranker.Example> coverageDecides(int n, long seed) {
        Random random = new Random(seed);
        List<Ranker.Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[][] candidates = new double[6][];
            int right = random.nextInt(candidates.length);
            for (int k = 0; k < candidates.length; k++) {
                double base = 0.6 + 0.05 * random.nextDouble();
                double[] f = new double[Ranker.FEATURES.size()];
                f[Ranker.BEST] = base + (k == right ? 0 : 0.02);
                f[Ranker.SECOND] = base - 0.02;
                f[Ranker.PASSAGE] = base - 0.03;
                f[Ranker.SUMMARY] = base - 0.04;
                f[Ranker.TOP3] = base - 0.02;
                f[Ranker.COVERAGE] = k == right ? 0.8 : 0.2 * random.nextDouble();
                candidates[k] = f;
            }
            out.add(new Ranker.Example(candidates, right, i + 1));
        }
        return out;
    }

    private static long ranksFirst(Ranker r, List<Ranker.Example> examples) {
        return examples.stream().filter(r::ranksFirst).count();
    }

    @Test
    void aFitThatRanksHeldOutLabelledTextsBetterIsKept() {
        List<Ranker.Example> train = coverageDecides(120, 1);
        Ranker fitted = Ranker.fit(train, DEFAULTS);
        assertTrue(fitted.fitted(), "a clear gain on held-out folds is kept");
        assertTrue(fitted.weights()[Ranker.COVERAGE] > 0.05, "coverage learnt: " + java.util.Arrays.toString(fitted.weights()));
        List<Ranker.Example> fresh = coverageDecides(100, 2);
        assertTrue(ranksFirst(fitted, fresh) > ranksFirst(DEFAULTS, fresh) + 20,
                ranksFirst(fitted, fresh) + " vs defaults " + ranksFirst(DEFAULTS, fresh));
    }

    @Test
    void tooFewLabelledTextsOrNoGainKeepTheDefaultOrder() {
        assertEquals(DEFAULTS, Ranker.fit(coverageDecides(Ranker.MIN_EXAMPLES - 1, 3), DEFAULTS));
        // the defaults already rank every text first: nothing to gain, the default order stays
        List<Ranker.Example> easy = new ArrayList<>();
        for (Ranker.Example e : coverageDecides(80, 4)) {
            double[][] c = e.candidates();
            c[e.right()][Ranker.BEST] += 0.2;
            c[e.right()][Ranker.SECOND] += 0.2;
            easy.add(e);
        }
        Ranker r = Ranker.fit(easy, DEFAULTS);
        assertFalse(r.fitted());
        assertArrayEquals(DEFAULTS.weights(), r.weights());
    }

    @Test
    void weightsReadBackAsWritten() {
        Ranker fitted = Ranker.fit(coverageDecides(60, 5), DEFAULTS);
        Ranker back = Ranker.parse(fitted.lines(), DEFAULTS);
        assertArrayEquals(fitted.weights(), back.weights());
        assertEquals(fitted.scale(), back.scale());
        assertEquals(DEFAULTS, Ranker.parse(List.of("true", "garbage"), DEFAULTS));
    }

    @Test
    void theTopProbabilityFallsAsTheRunnerUpCloses() {
        assertTrue(DEFAULTS.topProbability(new double[] {0.80, 0.60}) > DEFAULTS.topProbability(new double[] {0.80, 0.78}));
        assertTrue(DEFAULTS.topProbability(new double[] {0.80, 0.79, 0.78}) < 0.5);
    }
}
