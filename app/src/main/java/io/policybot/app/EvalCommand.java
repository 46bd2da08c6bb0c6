package io.policybot.app;

import io.policybot.answering.BaselineRetriever;
import io.policybot.answering.Evaluation;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Retrieval quality on a question file, for the engine and the plain BM25 baseline side by side. */
@Command(name = "eval", description = "Measure answers on a TSV question file (lang, question, expected ids or '-').")
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    PolicyBotCommand parent;

    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "The TSV question file.")
    Path questions;

    @Option(names = "--misses", description = "Also list the questions the engine got wrong.")
    boolean misses;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Evaluation.Question> qs = Evaluation.read(questions);
        AppConfig config = parent.config();
        ContentLibrary library = config.loadContent();
        QuestionAnswerer engine = BotRuntime.answererFactory(config).apply(library);
        Evaluation.Report mine = Evaluation.run(qs, Evaluation.engine(engine));
        Evaluation.Report base = Evaluation.run(qs, Evaluation.baseline(new BaselineRetriever(library)));
        out.printf("%d questions from %s (retrieval: %s)%n%n", qs.size(), questions,
                config.embeddings() ? "hybrid BM25 + embeddings" : "lexical BM25 with synonyms");
        out.printf("%-9s %-6s %5s %9s %9s %7s %14s %15s%n", "system", "lang", "n", "Recall@1", "Recall@3", "MRR",
                "out-of-scope", "wrong declines");
        print(out, "engine", mine.byLanguage());
        print(out, "baseline", base.byLanguage());
        if (misses) {
            out.println();
            for (Evaluation.Miss m : mine.misses()) {
                out.printf("miss [%s] %s | expected %s | got %s%s%n", m.question().language(), m.question().text(),
                        m.question().outOfScope() ? "-" : String.join("|", m.question().expected()),
                        m.outcome().ranked().isEmpty() ? "-" : m.outcome().ranked().getFirst(),
                        m.outcome().answered() ? "" : " (declined)");
            }
        }
        return 0;
    }

    private static void print(PrintStream out, String system, Map<String, Evaluation.Scores> scores) {
        scores.forEach((lang, s) -> out.printf(Locale.ROOT, "%-9s %-6s %5d %9.3f %9.3f %7.3f %8d/%-5d %15d%n", system, lang,
                s.inScope() + s.outOfScope(), s.recallAt1(), s.recallAt3(), s.mrr(), s.declinedOutOfScope(), s.outOfScope(),
                s.falseDeclines()));
    }
}
