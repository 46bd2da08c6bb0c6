package io.policybot.answering;

import io.policybot.content.ContentLibrary;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The answerer for the content in force. A reload builds the new index beside the old one and swaps it in one
 * step: questions in flight finish on the old content, and the old answer cache goes with it.
 */
public final class LiveAnswerer implements Supplier<QuestionAnswerer> {
    private final Function<ContentLibrary, QuestionAnswerer> factory;
    private final AtomicReference<QuestionAnswerer> current;

    public LiveAnswerer(ContentLibrary initial, Function<ContentLibrary, QuestionAnswerer> factory) {
        this.factory = factory;
        // Every language's index is built before the first question, not on it.
        this.current = new AtomicReference<>(factory.apply(initial).warmUp());
    }

    @Override
    public QuestionAnswerer get() {
        return current.get();
    }

    public ContentLibrary library() {
        return current.get().library();
    }

    /** Switches to {@code library}; returns false when it is the content already in force. */
    public boolean reload(ContentLibrary library) {
        if (library.fingerprint().equals(library().fingerprint())) {
            return false;
        }
        current.set(factory.apply(library).warmUp());
        return true;
    }
}
