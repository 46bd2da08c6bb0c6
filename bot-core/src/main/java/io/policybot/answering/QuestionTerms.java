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
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A question as the index sees it: one group per word position, holding the word's stem and its synonyms' stems.
 * Coverage (how much of the question a section speaks to) is counted per group, so a synonym never counts twice.
 */
record QuestionTerms(List<Set<String>> groups) {

    static QuestionTerms analyze(Analyzer analyzer, String text) {
        List<Set<String>> groups = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || groups.isEmpty()) {
                    groups.add(new LinkedHashSet<>());
                }
                groups.getLast().add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        groups.removeIf(Set::isEmpty);
        return new QuestionTerms(groups.stream().map(Set::copyOf).toList());
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }
}
