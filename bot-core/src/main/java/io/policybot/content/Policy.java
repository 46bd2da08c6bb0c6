package io.policybot.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A policy in all its languages, with its training material.
 *
 * @param documents the policy text by language
 * @param quizzes   quiz questions by language (same ids in each)
 * @param scenarios role-plays by language (same ids in each)
 */
public record Policy(String id, Map<String, PolicyDocument> documents, Map<String, List<QuizQuestion>> quizzes,
                     Map<String, List<Scenario>> scenarios) {
    public Policy {
        documents = Map.copyOf(documents);
        quizzes = Map.copyOf(quizzes);
        scenarios = Map.copyOf(scenarios);
    }

    public Set<String> languages() {
        return new TreeSet<>(documents.keySet());
    }

    /** The document in {@code language}, else English, else any. */
    public PolicyDocument document(String language) {
        PolicyDocument doc = documents.get(language);
        if (doc == null) {
            doc = documents.get("en");
        }
        return doc != null ? doc : documents.values().iterator().next();
    }

    public Optional<PolicyDocument> exactDocument(String language) {
        return Optional.ofNullable(documents.get(language));
    }

    public List<QuizQuestion> quiz(String language) {
        return quizzes.getOrDefault(bestLanguage(language), List.of());
    }

    public List<Scenario> scenarios(String language) {
        return scenarios.getOrDefault(bestLanguage(language), List.of());
    }

    /** {@code language} when the policy has it, else the language {@link #document} falls back to. */
    public String bestLanguage(String language) {
        return document(language).language();
    }

    /**
     * A policy without a quiz (in any language) is still announced and acknowledged: its training is reading it and
     * saying so ("I have read it"), with nothing to pass. Role-plays, if it has any, stay practice.
     */
    public boolean acknowledgementOnly() {
        return quizzes.values().stream().allMatch(List::isEmpty);
    }

    /** The version every language shares (validated at load). */
    public String version() {
        return documents.values().iterator().next().version();
    }
}
