package io.policybot.answering;

/**
 * Turns text into a vector whose cosine with another tells how close their meanings are.
 * One per language; the ONNX models run in the JVM, nothing leaves the machine.
 */
public interface SentenceEmbedder {

    /** A stable name for caches: vectors of different models never mix. */
    String name();

    /** The vector of a passage of the policy. */
    float[] embedPassage(String text);

    /** The vector of a question (some models want an instruction before queries). */
    float[] embedQuery(String text);

    /**
     * The cosine below which a question is unrelated to a passage, and the one above which it clearly matches:
     * each model spreads its cosines differently, so confidence is scaled between these two.
     */
    double unrelatedBelow();

    double relatedAbove();

    /**
     * How much the lexical score (scaled to 0..1 within a question) adds to this model's cosine when ranking:
     * measured per language, as the analyzers and the models are not equally good in each.
     */
    double lexicalWeight();
}
