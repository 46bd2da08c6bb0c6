package io.policybot.app;

import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.BaselineRetriever;
import io.policybot.answering.Evaluation;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Answer quality on a question file: the hybrid engine, the lexical engine and the plain BM25 baseline in one run. */
@Command(name = "eval", description = {"Measure answers on a TSV question file (lang, question, expected ids or '-').",
        "Prints Recall@1/@3, MRR, wrong answers, hedged answers and declines for the hybrid engine, the engine without",
        "embeddings and the plain BM25 baseline, and which section took which section's questions."})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "The TSV question file.")
    Path questions;

    @Option(names = "--misses", description = "Also list the questions the engine got wrong.")
    boolean misses;

    @Option(names = "--add-content", paramLabel = "DIR",
            description = "Add the policies of another content directory (repeatable), e.g. a policy under test.")
    List<Path> addContent = new ArrayList<>();

    @Option(names = "--strip-keywords", description = "Remove every keywords comment first (a policy written without them).")
    boolean stripKeywords;

    @Option(names = "--dump", paramLabel = "FILE", hidden = true,
            description = "Write the hybrid engine's per-question evidence as TSV (for calibrating the settings).")
    Path dump;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Evaluation.Question> qs = Evaluation.read(questions);
        AppConfig config = parent.config();
        ContentLibrary library = config.loadContent();
        for (Path dir : addContent) {
            library = Evaluation.withPolicies(library, new ContentLoader().load(dir));
        }
        if (stripKeywords) {
            library = Evaluation.withoutKeywords(library);
        }
        Map<String, BiFunction<String, String, Evaluation.Outcome>> systems = new LinkedHashMap<>();
        QuestionAnswerer main = null;
        if (config.embeddings()) {
            QuestionAnswerer hybrid = BotRuntime.answererFactory(config).apply(library);
            main = hybrid;
            systems.put("hybrid", Evaluation.engine(hybrid));
            if (dump != null) {
                dump(qs, hybrid);
            }
        }
        QuestionAnswerer lexical = new QuestionAnswerer(library, AnsweringSettings.DEFAULTS);
        main = main == null ? lexical : main;
        systems.put("lexical", Evaluation.engine(lexical));
        systems.put("bm25", Evaluation.baseline(new BaselineRetriever(library)));
        out.printf("%d questions from %s%s%s%n%n", qs.size(), questions,
                addContent.isEmpty() ? "" : " with " + addContent, stripKeywords ? ", keywords stripped" : "");
        // The settings' "not covered" topics that a loaded policy answers are left to it: say which.
        for (String lang : library.languages()) {
            List<String> listed = library.settings().notCovered(lang);
            List<String> inForce = main.notCoveredTopics(lang);
            if (!listed.equals(inForce)) {
                out.printf("not-covered topics [%s] that a loaded policy answers (left out, or the items it answers):%n", lang);
                for (String t : listed) {
                    if (inForce.contains(t)) {
                        continue;
                    }
                    String name = t.split("[:：]", 2)[0];
                    String kept = inForce.stream().filter(f -> f.split("[:：]", 2)[0].equals(name)).findFirst().orElse(null);
                    out.printf("  - %s%n", kept == null ? name + " (left out)" : t + "  ->  " + kept);
                }
                out.println();
            }
        }
        out.printf("%-8s %-4s %4s %6s %6s %6s %7s %7s %8s %9s %10s%n", "system", "lang", "n", "R@1", "R@3", "MRR",
                "wrong", "hedged", "declined", "oos-decl", "oos-hedged");
        Evaluation.Report first = null;
        for (var e : systems.entrySet()) {
            Evaluation.Report r = Evaluation.run(qs, e.getValue());
            first = first == null ? r : first;
            print(out, e.getKey(), r.byLanguage());
        }
        out.println();
        out.println("wrong = answered with a wrong section, hedged = only suggestions, declined = in-scope questions declined;");
        out.println("oos-decl = out-of-scope questions declined (right), the rest were answered (wrong) or hedged.");
        if (!first.confusion().isEmpty()) {
            out.printf("%nconfusion (%s): expected -> answered instead%n", systems.keySet().iterator().next());
            first.confusion().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(c -> out.printf("  %2d  %s%n", c.getValue(), c.getKey()));
        }
        if (misses) {
            out.println();
            for (Evaluation.Miss m : first.misses()) {
                String top = m.outcome().ranked().isEmpty() ? "-" : m.outcome().ranked().getFirst();
                // The right section ranked first but only suggested or declined reads as such, not "expected X, got X".
                boolean rightFirst = !m.question().outOfScope() && m.question().expects(top);
                out.printf("miss [%s] %s | expected %s | %s (%s)%n", m.question().language(), m.question().text(),
                        m.question().outOfScope() ? "-" : String.join("|", m.question().expected()),
                        rightFirst ? "right section first, not answered: " + top : "got " + top, m.outcome().kind());
            }
        }
        return 0;
    }

    private void dump(List<Evaluation.Question> qs, QuestionAnswerer answerer) {
        StringBuilder sb = new StringBuilder("lang\toos\tkind\tconf\ttop\tsecond\ttopok\tsecondok\tin3\tcoverage\tsim\ttopcos\tsecondcos\tlexagree\tsemagree\tlextop\ttopiccos\ttopiccov\twords\ttopic\ttopprob\tquestion\n");
        for (Evaluation.Question q : qs) {
            io.policybot.answering.Answer a = answerer.answer(q.text(), q.language());
            var ss = a.sections();
            boolean topOk = !ss.isEmpty() && q.expects(ss.get(0).policyId() + "/" + ss.get(0).sectionId());
            boolean secondOk = ss.size() > 1 && q.expects(ss.get(1).policyId() + "/" + ss.get(1).sectionId());
            boolean in3 = ss.stream().limit(3).anyMatch(r -> q.expects(r.policyId() + "/" + r.sectionId()));
            sb.append(String.join("\t", q.language(), String.valueOf(q.outOfScope()), a.kind().id(),
                    String.valueOf(a.confidence()), ss.isEmpty() ? "0" : String.valueOf(ss.get(0).score()),
                    ss.size() < 2 ? "0" : String.valueOf(ss.get(1).score()), String.valueOf(topOk), String.valueOf(secondOk),
                    String.valueOf(in3), answerer.explain(q.text(), q.language()), q.text())).append('\n');
        }
        try {
            java.nio.file.Files.writeString(dump, sb.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void print(PrintStream out, String system, Map<String, Evaluation.Scores> scores) {
        scores.forEach((lang, s) -> out.printf(Locale.ROOT, "%-8s %-4s %4d %6.3f %6.3f %6.3f %6.1f%% %6.1f%% %8d %5d/%-3d %10d%n",
                system, lang, s.inScope() + s.outOfScope(), s.recallAt1(), s.recallAt3(), s.mrr(), 100 * s.wrongAnswerRate(),
                100 * s.hedgedRate(), s.falseDeclines(), s.declinedOutOfScope(), s.outOfScope(), s.hedgedOutOfScope()));
    }
}
