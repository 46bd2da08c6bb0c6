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
        static final OnnxEmbedders MODELS = new OnnxEmbedders();
        static final VectorCache VECTORS = new VectorCache(Path.of(System.getProperty("java.io.tmpdir"), "policybot-test-vectors"));
        static final QuestionAnswerer ANSWERER = new QuestionAnswerer(TestContent.bundled(), AnsweringSettings.DEFAULTS,
                MODELS, VECTORS);
    }

    /** A hybrid answerer on other content, sharing the models and the vector cache. */
    public static QuestionAnswerer hybridOn(io.policybot.content.ContentLibrary library) {
        return new QuestionAnswerer(library, AnsweringSettings.DEFAULTS, Hybrid.MODELS, Hybrid.VECTORS);
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
