package io.policybot.answering;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bundled sentence-embedding models (LangChain4j's quantised ONNX builds of BAAI bge-small v1.5):
 * English and Chinese. Each is loaded on first use (about 0.5 s) and then shared by every content version.
 */
public final class OnnxEmbedders implements Function<String, Optional<SentenceEmbedder>>, AutoCloseable {
    private final Executor executor;
    /** Where the model files are unpacked once (null: read out of the jars at every load, as LangChain4j does). */
    private final ModelFiles files;
    private final Map<String, SentenceEmbedder> loaded = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Thread preloading;

    /** @param executor runs the model's work; a direct executor keeps each call on the caller's thread */
    public OnnxEmbedders(Executor executor) {
        this(executor, null);
    }

    /**
     * @param executor runs the model's work; a direct executor keeps each call on the caller's thread
     * @param filesDir where the model files are unpacked on first use and read from after (the data directory's
     *                 {@code models}); null reads them out of the jars at every load
     */
    public OnnxEmbedders(Executor executor, Path filesDir) {
        // DJL, under the ONNX tokenizer, reports usage to the network unless told not to: this bot never phones home.
        System.setProperty("OPT_OUT_TRACKING", "true");
        this.executor = executor;
        this.files = filesDir == null ? null : new ModelFiles(filesDir);
    }

    public OnnxEmbedders() {
        this(Runnable::run);
    }

    /** Models loaded from files unpacked into {@code filesDir} once (see {@link #OnnxEmbedders(Executor, Path)}). */
    public OnnxEmbedders(Path filesDir) {
        this(Runnable::run, filesDir);
    }

    /**
     * Starts loading the models of these languages on a background thread, so that loading overlaps with the rest of
     * start-up (content, index) instead of delaying the first answer.
     */
    public void preload(java.util.Collection<String> languages) {
        Thread thread = Thread.ofPlatform().daemon().name("embedding-model-preload").unstarted(() -> {
            for (String language : languages) {
                if (closing.get()) {
                    return;
                }
                apply(language).ifPresent(e -> e.embedQuery("warm-up"));
            }
        });
        preloading = thread;
        // A JVM that exits while ONNX Runtime is still creating a session tears the native library down under it
        // (SIGSEGV in libonnxruntime): every way out (return from main, System.exit, Ctrl-C) waits for it first.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedding-model-shutdown").unstarted(this::close));
        thread.start();
    }

    /**
     * Stops preloading what has not started and waits for the model load in progress: native work cannot be
     * interrupted, only finished. Safe to call more than once.
     */
    @Override
    public void close() {
        closing.set(true);
        Thread thread = preloading;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The embedder for {@code language}, when a model for it is bundled. */
    @Override
    public Optional<SentenceEmbedder> apply(String language) {
        return switch (language) {
            case "en" -> Optional.of(loaded.computeIfAbsent("en", k -> new Model("bge-small-en-v1.5-q",
                    () -> files == null ? new BgeSmallEnV15QuantizedEmbeddingModel(executor)
                            : fromFiles(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q"),
                    "Represent this sentence for searching relevant passages: ", 0.55, 0.75, 0.05)));
            case "zh" -> Optional.of(loaded.computeIfAbsent("zh", k -> new Model("bge-small-zh-v1.5-q",
                    () -> files == null ? new BgeSmallZhV15QuantizedEmbeddingModel(executor)
                            : fromFiles(BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q"), "", 0.52, 0.77, 0.1)));
            default -> Optional.empty();
        };
    }

    /**
     * The same model as LangChain4j's class {@code bundled} loads (its ONNX file and tokenizer, CLS pooling), from
     * files unpacked once; ONNX Runtime's native libraries likewise (unless the JVM was told where they are).
     * {@code bundled} is only named, never initialised: its static initialiser would load the model from the jar.
     */
    private EmbeddingModel fromFiles(Class<?> bundled, String name) {
        synchronized (files) {
            if (System.getProperty(ORT_NATIVE_PATH) == null) {
                Path natives = files.nativeLibraries(OnnxEmbeddingModel.class);
                if (natives != null) {
                    System.setProperty(ORT_NATIVE_PATH, natives.toString());
                }
            }
        }
        Path model = files.file(bundled, name + ".onnx");
        Path tokenizer = files.file(bundled, name + "-tokenizer.json");
        return new UnpackedModel(model, tokenizer, executor);
    }

    /** ONNX Runtime's system property: the directory its native libraries are loaded from. */
    private static final String ORT_NATIVE_PATH = "onnxruntime.native.path";

    /**
     * A bge model: English queries get the instruction the model was trained with; Chinese ones do without, which
     * ranked better on our questions (Recall@1 0.74 -> 0.85 with the lexical weight 0.3); passages never get one. The ONNX model is
     * loaded on the first text to embed: with the passage vectors cached on disk, a restarted bot loads a model
     * only when the first question in its language arrives, which keeps start-up short.
     */
    private static final class Model implements SentenceEmbedder {
        private final String name;
        private final Supplier<EmbeddingModel> loader;
        private final String queryInstruction;
        private final double unrelatedBelow;
        private final double relatedAbove;
        private final double lexicalWeight;
        private volatile EmbeddingModel model;

        Model(String name, Supplier<EmbeddingModel> loader, String queryInstruction, double unrelatedBelow,
              double relatedAbove, double lexicalWeight) {
            this.name = name;
            this.loader = loader;
            this.queryInstruction = queryInstruction;
            this.unrelatedBelow = unrelatedBelow;
            this.relatedAbove = relatedAbove;
            this.lexicalWeight = lexicalWeight;
        }

        private EmbeddingModel model() {
            EmbeddingModel m = model;
            if (m == null) {
                synchronized (this) {
                    m = model;
                    if (m == null) {
                        m = loader.get();
                        model = m;
                    }
                }
            }
            return m;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public float[] embedPassage(String text) {
            return model().embed(text).content().vector();
        }

        @Override
        public float[] embedQuery(String text) {
            return model().embed(queryInstruction + text).content().vector();
        }

        @Override
        public double unrelatedBelow() {
            return unrelatedBelow;
        }

        @Override
        public double relatedAbove() {
            return relatedAbove;
        }

        @Override
        public double lexicalWeight() {
            return lexicalWeight;
        }
    }
}
