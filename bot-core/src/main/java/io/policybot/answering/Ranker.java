package io.policybot.answering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a language's sections are ordered for a question: a weighted sum of each section's evidence (its features),
 * and, through a softmax over the sections, how likely the best one is the right one. The weights are fitted when
 * the index is built, on the texts the content labels with a section (quiz questions and explanations, role-play
 * steps), each ranked with its own group left out; a language without such texts keeps {@link #DEFAULT}.
 * The fitted weights are drawn towards the defaults, and are kept only when they rank clearly more labelled texts
 * first than the defaults do on folds they were not fitted on (five folds by group).
 *
 * @param weights one per feature (see {@link #FEATURES})
 * @param scale   the softmax's inverse temperature: how much a gap in score means
 * @param fitted  whether the weights were fitted (false: the defaults)
 */
record Ranker(double[] weights, double scale, boolean fitted) {

    /** The features, in order. Cosines are raw; the policy prior is 0 with one policy. */
    static final List<String> FEATURES = List.of("best", "second", "policy", "lexical", "passage", "summary", "coverage",
            "top3");
    static final int BEST = 0;
    static final int SECOND = 1;
    static final int POLICY = 2;
    static final int LEXICAL = 3;
    static final int PASSAGE = 4;
    static final int SUMMARY = 5;
    static final int COVERAGE = 6;
    static final int TOP3 = 7;
    /** The features on the cosine scale: their weights are scaled to sum to 1, so scores stay cosine-like. */
    private static final int[] COSINES = {BEST, SECOND, PASSAGE, SUMMARY, TOP3};

    /**
     * The ranking before any fitting: the two best cosines and the best passage's (0.4 / 0.4 / 0.2), the policy prior,
     * the scaled lexical score. Measured over every dev and hold-out set (docs/answering.md): the best passage's share
     * and a lexical weight half what it was (en 0.05, zh 0.1) ranked the right section first more often on all of them,
     * most on policies without keyword comments.
     */
    static Ranker defaults(double lexicalWeight, double policyWeight) {
        double[] w = new double[FEATURES.size()];
        w[BEST] = 0.4;
        w[SECOND] = 0.4;
        w[PASSAGE] = 0.2;
        w[POLICY] = policyWeight;
        w[LEXICAL] = lexicalWeight;
        return new Ranker(w, 40, false);
    }

    double score(double[] features) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * features[i];
        }
        return s;
    }

    /**
     * The score from the evidence every policy has, whatever was written for it by hand: the best passage's cosine,
     * the policy prior and the words (keyword phrases and quiz texts feed only the other cosines).
     */
    double sharedEvidenceScore(double[] features) {
        return features[PASSAGE] + weights[POLICY] * features[POLICY] + weights[LEXICAL] * features[LEXICAL];
    }

    /** The softmax probability of the best of {@code scores} (higher is surer). */
    double topProbability(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(scale * (s - max));
        }
        return sum == 0 ? 0 : 1 / sum;
    }

    /** Weights as text (for the cache beside the vectors). */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.valueOf(fitted));
        out.add(String.valueOf(scale));
        for (double w : weights) {
            out.add(String.valueOf(w));
        }
        return out;
    }

    static Ranker parse(List<String> lines, Ranker fallback) {
        try {
            if (lines.size() != FEATURES.size() + 2) {
                return fallback;
            }
            double[] w = new double[FEATURES.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = Double.parseDouble(lines.get(i + 2));
            }
            return new Ranker(w, Double.parseDouble(lines.get(1)), Boolean.parseBoolean(lines.getFirst()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * One labelled text ranked with its own group left out.
     *
     * @param candidates each section's features
     * @param right      the index of the labelled section in {@code candidates}
     * @param group      the labelled group (folds never split one)
     */
    record Example(double[][] candidates, int right, int group) {
    }

    /** Below this many labelled examples the defaults stay: too few to fit eight weights on. */
    static final int MIN_EXAMPLES = 30;
    private static final int FOLDS = 5;
    /** Pull towards the defaults (L2 on the difference): the labelled texts are few and not quite questions. */
    static final double SHRINK = Double.parseDouble(System.getProperty("policybot.rankerShrink", "0.02"));

    /** Fits the weights on {@code examples}; the defaults when they do not rank held-out folds better. */
    static Ranker fit(List<Example> examples, Ranker defaults) {
        if (examples.size() < MIN_EXAMPLES) {
            return defaults;
        }
        int defaultRight = 0;
        int fittedRight = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> train = new ArrayList<>();
            List<Example> test = new ArrayList<>();
            for (Example e : examples) {
                (Math.floorMod(e.group(), FOLDS) == fold ? test : train).add(e);
            }
            Ranker r = descend(train, defaults, true);
            for (Example e : test) {
                defaultRight += defaults.ranksFirst(e) ? 1 : 0;
                fittedRight += r.ranksFirst(e) ? 1 : 0;
            }
        }
        org.slf4j.LoggerFactory.getLogger(Ranker.class).debug("ranker folds: defaults rank {} first, fitted {}, of {}",
                defaultRight, fittedRight, examples.size());
        // Fitted weights must rank clearly more held-out labelled texts first (2 or more, 1% or more): a tie or a
        // one-text gain is noise on a hundred or so texts.
        if (fittedRight < defaultRight + Math.max(2, examples.size() / 100)) {
            // keep the default order, with a softmax scale fitted to the labelled texts
            return descend(examples, defaults, false);
        }
        return descend(examples, defaults, true);
    }

    boolean ranksFirst(Example e) {
        double right = score(e.candidates()[e.right()]);
        for (int i = 0; i < e.candidates().length; i++) {
            if (i != e.right() && score(e.candidates()[i]) >= right) {
                return false;
            }
        }
        return true;
    }

    /** Adam on the mean softmax loss plus the pull towards the defaults; the scale is fitted alongside. */
    private static Ranker descend(List<Example> examples, Ranker start, boolean fitWeights) {
        int n = start.weights().length;
        double[] w = start.weights().clone();
        double logScale = Math.log(start.scale());
        double[] m = new double[n + 1];
        double[] v = new double[n + 1];
        double rate = 0.01;
        for (int step = 1; step <= 400; step++) {
            double[] grad = new double[n + 1];
            double scale = Math.exp(logScale);
            for (Example e : examples) {
                double[][] c = e.candidates();
                double[] s = new double[c.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < c.length; i++) {
                    double dot = 0;
                    for (int j = 0; j < n; j++) {
                        dot += w[j] * c[i][j];
                    }
                    s[i] = dot;
                    max = Math.max(max, scale * dot);
                }
                double sum = 0;
                double[] p = new double[c.length];
                for (int i = 0; i < c.length; i++) {
                    p[i] = Math.exp(scale * s[i] - max);
                    sum += p[i];
                }
                for (int i = 0; i < c.length; i++) {
                    double d = p[i] / sum - (i == e.right() ? 1 : 0);
                    for (int j = 0; j < n; j++) {
                        grad[j] += d * scale * c[i][j] / examples.size();
                    }
                    grad[n] += d * scale * s[i] / examples.size();
                }
            }
            for (int j = 0; j < n; j++) {
                grad[j] += 2 * SHRINK * (w[j] - start.weights()[j]) * 100;
            }
            for (int j = 0; j <= n; j++) {
                m[j] = 0.9 * m[j] + 0.1 * grad[j];
                v[j] = 0.999 * v[j] + 0.001 * grad[j] * grad[j];
                double mh = m[j] / (1 - Math.pow(0.9, step));
                double vh = v[j] / (1 - Math.pow(0.999, step));
                double delta = rate * mh / (Math.sqrt(vh) + 1e-8);
                if (j < n) {
                    w[j] -= fitWeights ? delta : 0;
                } else {
                    logScale = Math.clamp(logScale - delta, Math.log(2), Math.log(500));
                }
            }
        }
        // Keep the scores on the cosine scale (margins and settings are in cosine units).
        double cos = 0;
        for (int j : COSINES) {
            cos += w[j];
        }
        if (cos < 0.3) {
            return start;
        }
        for (int j = 0; j < n; j++) {
            w[j] /= cos;
        }
        return new Ranker(w, Math.exp(logScale) * cos, fitWeights);
    }
}
