package io.policybot.testing;

import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;

/** The bundled content (the {@code content} module), loaded once per test JVM: it is immutable. */
public final class TestContent {
    private TestContent() {
    }

    private static final class Holder {
        static final ContentLibrary BUNDLED = new ContentLoader().loadBundled();
    }

    public static ContentLibrary bundled() {
        return Holder.BUNDLED;
    }
}
