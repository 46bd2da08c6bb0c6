package io.policybot.answering;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.policybot.content.*;
import java.nio.file.Path;
import java.util.*;

public final class EmbedExperiment {
    public static void main(String[] args) {
        ContentLibrary lib = new ContentLoader().loadBundled();
        long t0 = System.nanoTime();
        EmbeddingModel en = args[1].equals("minilm") ? new AllMiniLmL6V2QuantizedEmbeddingModel() : new BgeSmallEnV15QuantizedEmbeddingModel();
        EmbeddingModel zh = new BgeSmallZhV15QuantizedEmbeddingModel();
        System.out.printf("load %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        var qs = Evaluation.read(Path.of(args[0]));
        Map<String, List<float[]>> secVecs = new LinkedHashMap<>();
        t0 = System.nanoTime();
        int n = 0;
        for (String lang : List.of("en", "zh")) {
            EmbeddingModel m = lang.equals("en") ? en : zh;
            PolicyDocument doc = lib.policy("social-media").get().document(lang);
            for (Section s : doc.sections()) {
                List<float[]> vs = new ArrayList<>();
                vs.add(m.embed(s.title() + ". " + s.shortAnswer()).content().vector()); n++;
                vs.add(m.embed(s.title() + ": " + String.join(", ", s.keywords())).content().vector()); n++;
                for (Passage p : s.passages()) { vs.add(m.embed(p.plain()).content().vector()); n++; }
                secVecs.put(lang + "/" + s.id(), vs);
            }
        }
        System.out.printf("embedded %d texts in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
        int hit = 0, in = 0;
        t0 = System.nanoTime();
        for (var q : qs) {
            EmbeddingModel m = q.language().equals("en") ? en : zh;
            String prefix = q.language().equals("zh") ? "为这个句子生成表示以用于检索相关文章：" : "Represent this sentence for searching relevant passages: ";
            float[] qv = m.embed((args.length > 2 ? prefix : "") + q.text()).content().vector();
            List<Map.Entry<String, Double>> scores = new ArrayList<>();
            for (var e : secVecs.entrySet()) {
                if (!e.getKey().startsWith(q.language() + "/")) continue;
                double best = -1;
                for (float[] v : e.getValue()) best = Math.max(best, cos(qv, v));
                scores.add(Map.entry(e.getKey().substring(3), best));
            }
            scores.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            boolean ok = q.outOfScope() || q.expected().contains(scores.get(0).getKey());
            if (!q.outOfScope()) { in++; if (ok) hit++; }
            System.out.printf("%s %.3f %.3f %s | %s | %s%n", ok ? "ok  " : "MISS", scores.get(0).getValue(), scores.get(1).getValue(), scores.get(0).getKey(), q.text(), q.expected());
        }
        System.out.printf("R@1 %d/%d, %d ms per question%n", hit, in, (System.nanoTime() - t0) / 1_000_000 / qs.size());
    }

    static double cos(float[] a, float[] b) {
        double d = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) { d += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return d / Math.sqrt(na * nb);
    }
}
