package io.policybot.answering;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Measures answers on a question file (TSV: lang, question, expected section ids separated by '|', or '-' for a
 * question no policy covers; an id may name its policy, "policy/section"). Recall@1 counts only answers actually
 * given; a declined or merely suggested in-scope question is a miss at 1 (its suggestions still count at 3).
 */
public final class Evaluation {

    /** One line of the question file. */
    public record Question(String language, String text, Set<String> expected, int line) {
        public boolean outOfScope() {
            return expected.isEmpty();
        }

        /** Whether the section key "policy/section" is one of the expected ones. */
        public boolean expects(String key) {
            String section = key.substring(key.indexOf('/') + 1);
            return expected.contains(key) || expected.contains(section);
        }
    }

    /**
     * What a system did with one question.
     *
     * @param kind   answer, answer_with_alternatives, suggestions, declined or smalltalk
     * @param ranked section keys "policy/section", best first
     */
    public record Outcome(String kind, List<String> ranked) {
        public boolean answered() {
            return kind.equals("answer") || kind.equals("answer_with_alternatives");
        }
    }

    /**
     * Scores for one language (or "all").
     *
     * @param wrongAnswers in-scope questions answered with a wrong section
     * @param hedged       in-scope questions given suggestions instead of an answer
     * @param falseDeclines in-scope questions declined (or taken for small talk)
     * @param declinedOutOfScope out-of-scope questions declined or taken for small talk
     * @param hedgedOutOfScope   out-of-scope questions given suggestions
     */
    public record Scores(int inScope, double recallAt1, double recallAt3, double mrr, int wrongAnswers, int hedged,
                         int falseDeclines, int outOfScope, int declinedOutOfScope, int hedgedOutOfScope) {
        public double outOfScopeDeclinedRate() {
            return outOfScope == 0 ? 1 : (double) declinedOutOfScope / outOfScope;
        }

        public double wrongAnswerRate() {
            return inScope == 0 ? 0 : (double) wrongAnswers / inScope;
        }

        public double hedgedRate() {
            return inScope == 0 ? 0 : (double) hedged / inScope;
        }
    }

    /** A miss, for the report. */
    public record Miss(Question question, Outcome outcome) {
    }

    /**
     * @param confusion for each "expected -> answered" pair of section ids, how many questions went that way
     */
    public record Report(Map<String, Scores> byLanguage, List<Miss> misses, Map<String, Integer> confusion) {
    }

    public static List<Question> read(Path file) {
        try {
            List<Question> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 3 tab-separated columns: lang, question, expected ids");
                }
                String expected = cols[2].trim();
                Set<String> ids = expected.equals("-") ? Set.of() : Set.of(expected.split("\\s*\\|\\s*"));
                out.add(new Question(cols[0].trim(), cols[1].trim(), ids, i + 1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code system} (language, question) on every question and scores it per language and overall. */
    public static Report run(List<Question> questions, BiFunction<String, String, Outcome> system) {
        Map<String, List<Object[]>> byLang = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        Map<String, Integer> confusion = new TreeMap<>();
        for (Question q : questions) {
            Outcome o = system.apply(q.language(), q.text());
            byLang.computeIfAbsent(q.language(), k -> new ArrayList<>()).add(new Object[] {q, o});
            byLang.computeIfAbsent("all", k -> new ArrayList<>()).add(new Object[] {q, o});
            boolean hit = q.outOfScope() ? !o.answered()
                    : o.answered() && !o.ranked().isEmpty() && q.expects(o.ranked().getFirst());
            if (!hit) {
                misses.add(new Miss(q, o));
                if (o.answered()) {
                    String got = o.ranked().getFirst();
                    String want = q.outOfScope() ? "(not covered)" : String.join("|", new java.util.TreeSet<>(q.expected()));
                    confusion.merge(want + " -> " + got.substring(got.indexOf('/') + 1), 1, Integer::sum);
                }
            }
        }
        Map<String, Scores> scores = new LinkedHashMap<>();
        byLang.forEach((lang, rows) -> scores.put(lang, score(rows)));
        return new Report(scores, misses, confusion);
    }

    private static Scores score(List<Object[]> rows) {
        int in = 0, at1 = 0, at3 = 0, wrong = 0, hedged = 0, falseDeclines = 0, out = 0, declined = 0, hedgedOut = 0;
        double rr = 0;
        for (Object[] row : rows) {
            Question q = (Question) row[0];
            Outcome o = (Outcome) row[1];
            if (q.outOfScope()) {
                out++;
                if (o.kind().equals("suggestions")) {
                    hedgedOut++;
                } else if (!o.answered()) {
                    declined++;
                }
                continue;
            }
            in++;
            if (o.kind().equals("suggestions")) {
                hedged++;
            } else if (!o.answered()) {
                falseDeclines++;
            } else if (o.ranked().isEmpty() || !q.expects(o.ranked().getFirst())) {
                wrong++;
            }
            for (int i = 0; i < o.ranked().size(); i++) {
                if (q.expects(o.ranked().get(i))) {
                    if (i == 0 && o.answered()) {
                        at1++;
                    }
                    if (i < 3) {
                        at3++;
                    }
                    rr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        return new Scores(in, in == 0 ? 1 : (double) at1 / in, in == 0 ? 1 : (double) at3 / in, in == 0 ? 1 : rr / in,
                wrong, hedged, falseDeclines, out, declined, hedgedOut);
    }

    /** The engine as an evaluated system. */
    public static BiFunction<String, String, Outcome> engine(QuestionAnswerer answerer) {
        return (lang, text) -> {
            Answer a = answerer.answer(text, lang);
            return new Outcome(a.kind().id(), a.sections().stream().map(r -> r.policyId() + "/" + r.sectionId()).toList());
        };
    }

    /** The plain BM25 baseline as an evaluated system: it answers whenever anything matches. */
    public static BiFunction<String, String, Outcome> baseline(BaselineRetriever baseline) {
        return (lang, text) -> {
            List<String> keys = baseline.rank(lang, text, 5);
            return new Outcome(keys.isEmpty() ? "declined" : "answer", keys);
        };
    }

    /** The same content without any {@code keywords} comment: what a policy written without them gets. */
    public static ContentLibrary withoutKeywords(ContentLibrary library) {
        Map<String, Policy> policies = new TreeMap<>();
        for (Policy p : library.all()) {
            Map<String, PolicyDocument> docs = new TreeMap<>();
            p.documents().forEach((lang, d) -> docs.put(lang, new PolicyDocument(d.policyId(), d.language(), d.title(),
                    d.version(), d.effective(), d.owner(), d.link(), d.contactRole(), d.intro(),
                    d.sections().stream().map(s -> new Section(s.id(), s.title(), s.shortAnswer(), s.passages(), List.of(),
                            s.markdown(), s.line())).toList(), d.source(), d.contacts(), d.linkAnchors())));
            policies.put(p.id(), new Policy(p.id(), docs, p.quizzes(), p.scenarios()));
        }
        return new ContentLibrary(library.settings(), policies, library.fingerprint() + "-nokw");
    }

    /** {@code base} with the policies of {@code extra} added (its settings are not used). */
    public static ContentLibrary withPolicies(ContentLibrary base, ContentLibrary extra) {
        Map<String, Policy> policies = new TreeMap<>(base.policies());
        policies.putAll(extra.policies());
        return new ContentLibrary(base.settings(), policies, base.fingerprint() + "+" + extra.fingerprint());
    }

    private Evaluation() {
    }
}
