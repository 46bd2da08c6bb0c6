package io.policybot.answering;

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
 * Measures retrieval on a question file (TSV: lang, question, expected section ids separated by '|', or '-' for a
 * question no policy covers). Recall@1 counts only answers actually given; a declined in-scope question is a miss.
 */
public final class Evaluation {

    /** One line of the question file. */
    public record Question(String language, String text, Set<String> expected, int line) {
        public boolean outOfScope() {
            return expected.isEmpty();
        }
    }

    /** What a system did with one question: whether it answered, and its section ids best first. */
    public record Outcome(boolean answered, List<String> ranked) {
    }

    /** Scores for one language (or "all"). */
    public record Scores(int inScope, double recallAt1, double recallAt3, double mrr, int falseDeclines,
                         int outOfScope, int declinedOutOfScope) {
        public double outOfScopeDeclinedRate() {
            return outOfScope == 0 ? 1 : (double) declinedOutOfScope / outOfScope;
        }
    }

    /** A miss, for the report. */
    public record Miss(Question question, Outcome outcome) {
    }

    public record Report(Map<String, Scores> byLanguage, List<Miss> misses) {
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
        for (Question q : questions) {
            Outcome o = system.apply(q.language(), q.text());
            byLang.computeIfAbsent(q.language(), k -> new ArrayList<>()).add(new Object[] {q, o});
            byLang.computeIfAbsent("all", k -> new ArrayList<>()).add(new Object[] {q, o});
            boolean hit = q.outOfScope() ? !o.answered()
                    : o.answered() && !o.ranked().isEmpty() && q.expected().contains(o.ranked().getFirst());
            if (!hit) {
                misses.add(new Miss(q, o));
            }
        }
        Map<String, Scores> scores = new LinkedHashMap<>();
        byLang.forEach((lang, rows) -> scores.put(lang, score(rows)));
        return new Report(scores, misses);
    }

    private static Scores score(List<Object[]> rows) {
        int in = 0, at1 = 0, at3 = 0, falseDeclines = 0, out = 0, declined = 0;
        double rr = 0;
        for (Object[] row : rows) {
            Question q = (Question) row[0];
            Outcome o = (Outcome) row[1];
            if (q.outOfScope()) {
                out++;
                if (!o.answered()) {
                    declined++;
                }
                continue;
            }
            in++;
            if (!o.answered()) {
                falseDeclines++;
            }
            for (int i = 0; i < o.ranked().size(); i++) {
                if (q.expected().contains(o.ranked().get(i))) {
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
                falseDeclines, out, declined);
    }

    /** The engine as an evaluated system. */
    public static BiFunction<String, String, Outcome> engine(QuestionAnswerer answerer) {
        return (lang, text) -> {
            Answer a = answerer.answer(text, lang);
            return new Outcome(a.answered(), a.sections().stream().map(RankedSection::sectionId).toList());
        };
    }

    /** The plain BM25 baseline as an evaluated system: it answers whenever anything matches. */
    public static BiFunction<String, String, Outcome> baseline(BaselineRetriever baseline) {
        return (lang, text) -> {
            List<String> keys = baseline.rank(lang, text, 5);
            return new Outcome(!keys.isEmpty(), keys.stream().map(k -> k.substring(k.indexOf('/') + 1)).toList());
        };
    }

    private Evaluation() {
    }
}
