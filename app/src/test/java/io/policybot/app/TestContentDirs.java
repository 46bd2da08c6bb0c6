package io.policybot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Content directories for tests: a copy of the bundled content to edit (tests run in a module's folder). */
public final class TestContentDirs {
    private TestContentDirs() {
    }

    public static Path copyBundled(Path to) throws IOException {
        Path from = Path.of("../content/src/main/resources/policybot/content");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
