package io.policybot.benchmarks;

import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.OnnxEmbedders;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.VectorCache;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency of one uncached answer, lexical or hybrid. Run:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java @jvm.options -cp "benchmarks/target/policybot-bench.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main AnswerBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnswerBenchmark {
    private static final String[] QUESTIONS = {
        "Can I mention my employer on LinkedIn?", "Our Instagram account got hacked, who do I tell?",
        "Is it ok to post photos from the office party?", "How many vacation days do I get?",
        "我可以在朋友圈发同事的照片吗？", "公司微博账号被盗了怎么办？"};

    @Param({"lexical", "hybrid"})
    public String retrieval;

    private QuestionAnswerer answerer;
    private int next;

    @Setup
    public void setUp() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        ContentLibrary library = new ContentLoader().loadBundled();
        AnsweringSettings noCache = AnsweringSettings.DEFAULTS.withCacheSize(0);
        answerer = retrieval.equals("hybrid")
                ? new QuestionAnswerer(library, noCache, new OnnxEmbedders(), VectorCache.none()).warmUp()
                : new QuestionAnswerer(library, noCache).warmUp();
    }

    @Benchmark
    public Object answer() {
        String q = QUESTIONS[next++ % QUESTIONS.length];
        return answerer.answer(q, "en");
    }
}
