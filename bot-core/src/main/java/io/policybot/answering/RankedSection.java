package io.policybot.answering;

/** A section found for a question, with its retrieval score (higher is better; comparable within one question). */
public record RankedSection(String policyId, String sectionId, String title, double score) {
}
