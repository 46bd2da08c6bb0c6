package io.policybot.app;

import io.policybot.content.ContentException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the content when HR saves a file in the content directory. Saves come in bursts (an editor writes a
 * temporary file, then renames it), so a reload waits until the directory has been quiet for a moment. Invalid
 * content is logged with its problems and the content in force stays.
 */
final class ContentWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

    private final Path root;
    private final Runnable reload;
    private final Duration quiet;
    private final WatchService watcher;
    private final Thread thread;

    ContentWatcher(Path root, Duration quiet, Runnable reload) throws IOException {
        this.root = root;
        this.quiet = quiet;
        this.reload = reload;
        this.watcher = FileSystems.getDefault().newWatchService();
        register(root);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                register(dir);
            }
        }
        this.thread = Thread.ofPlatform().daemon().name("content-watcher").start(this::run);
    }

    /**
     * Watches the runtime's content directory (none: null) and tells {@code say} what each save did: published and
     * served, refused (version not raised), or invalid (with its problems; the content in force stays).
     */
    static ContentWatcher forRuntime(BotRuntime runtime, Duration quiet, java.util.function.Consumer<String> say)
            throws IOException {
        Path dir = runtime.config().contentDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        return new ContentWatcher(dir, quiet, () -> {
            try {
                BotRuntime.Reload r = runtime.reloadContent();
                if (!r.refused().isEmpty()) {
                    say.accept("The content in " + dir + " changed, but " + r.refused().stream()
                            .map(x -> x.policyId() + " " + x.version()).collect(java.util.stream.Collectors.joining(", "))
                            + " was already published with other text: raise `version:` to publish the change. "
                            + "The content in force stays.");
                } else if (r.changed()) {
                    say.accept("The content in " + dir + " was reloaded: " + r.results().stream()
                            .map(x -> x.policyId() + " " + x.version() + " " + switch (x.outcome()) {
                                case FIRST -> "(first version)";
                                case NEW_VERSION -> "(new version published)";
                                case UNCHANGED, VERSION_NOT_RAISED -> "(unchanged)";
                            }).collect(java.util.stream.Collectors.joining(", ")) + ".");
                }
            } catch (ContentException e) {
                say.accept("The content in " + dir + " was saved with problems, so it is not served; the content in "
                        + "force stays until they are fixed:\n  " + e.problems().stream().map(Object::toString)
                        .collect(java.util.stream.Collectors.joining("\n  ")));
            }
        });
    }

    private void register(Path dir) throws IOException {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Wait for the burst of events to end before reloading once.
                for (WatchKey more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                    drain(more);
                }
                try {
                    reload.run();
                } catch (ContentException e) {
                    log.warn("content in {} changed but is invalid; the content in force stays:\n{}", root, e.getMessage());
                } catch (RuntimeException e) {
                    log.error("reloading the content of {} failed; the content in force stays", root, e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the bot is stopping
        }
    }

    private void drain(WatchKey key) {
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = ((Path) key.watchable()).resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        register(created); // a new policy folder
                    } catch (IOException e) {
                        log.warn("cannot watch the new folder {}: {}", created, e.toString());
                    }
                }
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
