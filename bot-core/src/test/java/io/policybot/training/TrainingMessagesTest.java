package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.Policy;
import io.policybot.testing.TestContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrainingMessagesTest {

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TrainingMessagesTest.class.getResourceAsStream("/i18n/training_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseHaveTheSameKeysAndValidPatterns() throws IOException {
        Properties en = bundle("en");
        Properties zh = bundle("zh");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        for (Properties p : new Properties[] {en, zh}) {
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                new MessageFormat(value); // throws on a broken pattern
                assertFalse(value.contains("'"), key + ": a straight apostrophe vanishes in MessageFormat, write ’");
            }
        }
    }

    @Test
    void everyKeyTheTrainingCodeUsesExists() throws IOException {
        Properties en = bundle("en");
        Pattern key = Pattern.compile("\"((?:quiz|answer|roleplay|button|home|resume|dm|stale|session|error|sentence)\\.[a-z.]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/policybot/training"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(en.containsKey(m.group(1)), f.getFileName() + " uses a missing key " + m.group(1));
                }
            }
        }
    }

    @Test
    void theBundledPolicyHasTrainingInBothLanguages() {
        Policy policy = TestContent.bundled().policy("social-media").orElseThrow();
        assertEquals(policy.quiz("en").size(), policy.quiz("zh").size());
        assertTrue(policy.quiz("en").size() >= 10);
        assertEquals(policy.scenarios("en").size(), policy.scenarios("zh").size());
        assertTrue(policy.scenarios("en").stream().allMatch(s -> s.steps().values().stream()
                .allMatch(step -> step.choices().stream().anyMatch(c -> c.best()))));
    }

    @Test
    void enginePackagesReachTheDatabaseOnlyThroughRepositoryInterfaces() throws IOException {
        for (String pkg : new String[] {"training", "people", "questions"}) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/io/policybot", pkg))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String source = Files.readString(f);
                    assertFalse(source.contains("io.policybot.store") || source.contains("java.sql"),
                            f + " must use the repository interfaces, not the store");
                }
            }
        }
    }
}
