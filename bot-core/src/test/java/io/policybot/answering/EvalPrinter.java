package io.policybot.answering;

import io.policybot.content.ContentLoader;
import io.policybot.content.ContentLibrary;
import java.nio.file.Path;

/** Dev tool: prints eval scores and misses. Run via exec or a test IDE. */
public final class EvalPrinter {
    public static void main(String[] args) {
        ContentLibrary lib = new ContentLoader().loadBundled();
        QuestionAnswerer qa = new QuestionAnswerer(lib, new AnsweringSettings(Double.parseDouble(System.getProperty("pb.min", "0.5")), 1000, 100), new OnnxEmbedders(), new VectorCache(java.nio.file.Path.of("/tmp/pbvec")));
        var qs = Evaluation.read(Path.of(args[0]));
        var r = Evaluation.run(qs, Evaluation.engine(qa));
        r.byLanguage().forEach((k, v) -> System.out.println(k + " " + v));
        var b = Evaluation.run(qs, Evaluation.baseline(new BaselineRetriever(lib)));
        b.byLanguage().forEach((k, v) -> System.out.println("baseline " + k + " " + v));
        for (var m : (args.length > 1 ? r.misses() : qs.stream().map(q -> new Evaluation.Miss(q, null)).toList())) {
            Answer a = qa.answer(m.question().text(), m.question().language());
            System.out.printf("%s %s | exp %s | ans=%s conf=%.2f %s%n", m.outcome() == null ? "Q" : "MISS", m.question().text(), m.question().expected(),
                    a.answered(), a.confidence(), a.sections().stream().map(s -> s.sectionId() + String.format(":%.1f", s.score())).toList());
        }
    }
}
