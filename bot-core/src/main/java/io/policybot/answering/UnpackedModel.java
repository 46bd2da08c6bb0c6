package io.policybot.answering;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executor;

/**
 * A bge model (CLS pooling, as LangChain4j's bundled classes load it) from unpacked files. ONNX Runtime optimises the
 * graph when it opens a model (a visible part of each start); the optimised graph is saved beside the model once and
 * opened as it is after that. Saved at the "extended" level, which stays portable between CPUs (the "all" level adds
 * layout changes for convolutions, which a BERT model does not have).
 */
final class UnpackedModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    UnpackedModel(Path model, Path tokenizer, Executor executor) {
        super(executor);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        Path optimised = model.resolveSibling(name + ".optimised-ort-" + env.getVersion() + ".onnx");
        try (InputStream tokens = Files.newInputStream(tokenizer)) {
            this.encoder = new OnnxBertBiEncoder(env, open(env, model, optimised), tokens, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tokenizer, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open the model " + model + ": " + e.getMessage(), e);
        }
    }

    private static OrtSession open(OrtEnvironment env, Path model, Path optimised) throws OrtException, IOException {
        if (Files.isRegularFile(optimised)) {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                return env.createSession(optimised.toString(), options);
            } catch (OrtException e) {
                Files.deleteIfExists(optimised); // damaged: optimise again from the model itself
            }
        }
        // Written under a temporary name and moved into place: a crash or a second process never leaves half a file.
        Path tmp = Files.createTempFile(optimised.getParent(), optimised.getFileName().toString(), ".tmp");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
            options.setOptimizedModelFilePath(tmp.toString());
            OrtSession session = env.createSession(model.toString(), options);
            Files.move(tmp, optimised, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return session;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }
}
