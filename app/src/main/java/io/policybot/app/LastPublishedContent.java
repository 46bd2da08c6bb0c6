package io.policybot.app;

import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A copy of the last content directory whose every policy was published, kept in the data directory next to the
 * database. It is what the bot serves when the content directory is broken at start-up, when a text change was
 * refused for publishing, or when the bot is started without the {@code --content} it was published from.
 */
final class LastPublishedContent {
    private final Path home;

    LastPublishedContent(Path dataDir) {
        this.home = dataDir.resolve("published-content");
    }

    Path directory() {
        return home.resolve("content");
    }

    boolean exists() {
        return Files.isRegularFile(directory().resolve("settings.yaml"));
    }

    /** The content directory this copy was taken from. */
    Optional<Path> source() {
        try {
            Path file = home.resolve("source.txt");
            return Files.isRegularFile(file) ? Optional.of(Path.of(Files.readString(file, StandardCharsets.UTF_8).strip()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    ContentLibrary load() {
        return new ContentLoader().load(directory());
    }

    /** Keeps a copy of {@code contentDir}: copied aside first, then swapped in, so a crash leaves one whole copy. */
    void save(Path contentDir) {
        Path fresh = home.resolve("content.new");
        Path old = home.resolve("content.old");
        try {
            Files.createDirectories(home);
            delete(fresh);
            copy(contentDir, fresh);
            delete(old);
            if (Files.exists(directory())) {
                Files.move(directory(), old);
            }
            Files.move(fresh, directory());
            Files.writeString(home.resolve("source.txt"), contentDir.toAbsolutePath().normalize().toString(),
                    StandardCharsets.UTF_8);
            delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of the published content in " + home, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (hidden) {
                    continue; // editor swap files, .git
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.delete(p);
            }
        }
    }
}
