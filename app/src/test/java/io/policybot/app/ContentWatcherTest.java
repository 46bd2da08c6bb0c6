package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWatcherTest {
    @TempDir
    Path content;

    @Test
    void aSavedFileTriggersOneReloadAfterTheBurst() throws Exception {
        Path policy = Files.createDirectories(content.resolve("social-media"));
        CountDownLatch reloaded = new CountDownLatch(1);
        AtomicInteger reloads = new AtomicInteger();
        try (ContentWatcher watcher = new ContentWatcher(content, Duration.ofMillis(200), () -> {
            reloads.incrementAndGet();
            reloaded.countDown();
        })) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(policy.resolve("policy.en.md"), "edit " + i);
            }
            assertTrue(reloaded.await(20, TimeUnit.SECONDS), "no reload after the content changed");
        }
        assertTrue(reloads.get() >= 1 && reloads.get() <= 2, "one reload per burst of saves, got " + reloads.get());
    }
}
