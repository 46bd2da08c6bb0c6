package io.policybot.slack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSON snapshots under src/test/resources/snapshots, compared after normalising (keys sorted, pretty-printed).
 * Regenerate with {@code ./verify -pl slack-adapter -am -Dsnapshots.update=true} and review the diff.
 */
public final class Snapshots {
    private static final Path DIR = Path.of("src", "test", "resources", "snapshots");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Snapshots() {
    }

    public static void assertMatches(String name, JsonNode actual) {
        Path file = DIR.resolve(name + ".json");
        String normalised = normalise(actual);
        try {
            if (Boolean.getBoolean("snapshots.update") || !Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
                if (!Boolean.getBoolean("snapshots.update")) {
                    throw new AssertionError("snapshot " + file + " did not exist; wrote it: review and commit it");
                }
                return;
            }
            String expected = normalise(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
            assertEquals(expected, normalised, "snapshot " + file
                    + " differs (if the change is intended, rerun with -Dsnapshots.update=true)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(JsonNode node) {
        try {
            Object tree = JSON.treeToValue(node, Object.class);
            return JSON.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
