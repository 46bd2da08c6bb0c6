package io.policybot.testing;

import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.LiveAnswerer;
import io.policybot.answering.OnnxEmbedders;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.VectorCache;
import java.nio.file.Path;

/**
 * The answerer as the app builds it (hybrid retrieval on the bundled content), built once per test JVM because
 * embedding the policy takes seconds. Answerers are immutable, so sharing one between tests is safe.
 */
public final class TestAnswerers {
    private TestAnswerers() {
    }

    private static final class Hybrid {
        static final QuestionAnswerer ANSWERER = new QuestionAnswerer(TestContent.bundled(), AnsweringSettings.DEFAULTS,
                new OnnxEmbedders(), new VectorCache(Path.of(System.getProperty("java.io.tmpdir"), "policybot-test-vectors")));
    }

    public static QuestionAnswerer hybrid() {
        return Hybrid.ANSWERER;
    }

    /** A live answerer over the shared hybrid one (its reload builds lexical answerers, enough for reload tests). */
    public static LiveAnswerer live() {
        return new LiveAnswerer(TestContent.bundled(), lib -> lib == TestContent.bundled() ? Hybrid.ANSWERER
                : new QuestionAnswerer(lib, AnsweringSettings.DEFAULTS));
    }
}
