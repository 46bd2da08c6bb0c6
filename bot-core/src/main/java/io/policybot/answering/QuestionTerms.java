package io.policybot.answering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * A question as the index sees it: one group per word position, holding the word's stem and its synonyms' stems.
 * Coverage (how much of the question a section speaks to) is counted per group, so a synonym never counts twice.
 */
record QuestionTerms(List<Set<String>> groups) {

    static QuestionTerms analyze(Analyzer analyzer, String text) {
        // Terms by absolute position; a position holding only synonym words is the tail of a multi-word synonym
        // ("line manager" for boss), not a word the person wrote, and is left out.
        java.util.TreeMap<Integer, Set<String>> byPosition = new java.util.TreeMap<>();
        Set<Integer> written = new java.util.HashSet<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                byPosition.computeIfAbsent(position, k -> new LinkedHashSet<>()).add(term.toString());
                if (!SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    written.add(position);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Set<String>> groups = new ArrayList<>();
        byPosition.forEach((pos, terms) -> {
            if (written.contains(pos)) {
                groups.add(Set.copyOf(terms));
            }
        });
        return new QuestionTerms(List.copyOf(groups));
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }
}
