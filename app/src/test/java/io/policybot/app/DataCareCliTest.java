package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policybot.announcements.Acknowledgement;
import io.policybot.people.Person;
import io.policybot.questions.LoggedQuestion;
import io.policybot.training.Completion;
import io.policybot.training.Modules;
import io.policybot.training.RecordedAnswer;
import io.policybot.training.SessionStatus;
import io.policybot.training.TrainingSession;
import io.policybot.wiring.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data care as an operator runs it: {@code backup} of a database being written to and its restore, {@code purge}
 * (retention), {@code people export} and {@code people forget}, roles from the configuration file.
 */
class DataCareCliTest {
    static final String ROSTER = """
            platform,platform_user_id,name,email,team,manager_email,joined_on,role
            console,hrhelen,Helen HR,helen@acme.example,People,,2020-01-06,hr
            console,sara,Sara Smith,sara@acme.example,Engineering,,2020-01-06,
            console,raj,Raj Patel,raj@acme.example,Engineering,,2020-01-06,
            """;

    @TempDir
    Path dir;
    Path data;

    private CliRun run(String... args) {
        return CliRun.of("", Stream.concat(Stream.of("--data", data.toString(), "--no-embeddings"), Stream.of(args))
                .toArray(String[]::new));
    }

    private CliRun runIn(Path dataDir, String... args) {
        return CliRun.of("", Stream.concat(Stream.of("--data", dataDir.toString(), "--no-embeddings"), Stream.of(args))
                .toArray(String[]::new));
    }

    @BeforeEach
    void roster() throws IOException {
        data = dir.resolve("data");
        Path roster = Files.writeString(dir.resolve("roster.csv"), ROSTER);
        CliRun imported = run("roster", "import", roster.toString());
        assertEquals(0, imported.code(), imported.err());
    }

    private Storage storage() {
        return Storage.sqlite(data.resolve("policybot.db"));
    }

    /** Sara: a passed quiz, an acknowledgement, and questions asked {@code daysAgo} days ago each. */
    private void saraWithRecords(long... daysAgo) {
        try (Storage s = storage()) {
            Person sara = s.people().find("console", "sara").orElseThrow();
            Instant now = Instant.now();
            s.training().create(new TrainingSession("s1", sara.id(), Modules.QUIZ, "social-media", "1.0", "en",
                    SessionStatus.ACTIVE, "{}", now, now));
            s.training().recordAnswer(new RecordedAnswer("s1", 0, "q1", 1, true, now), "{}",
                    new Completion("c1", sara.id(), "s1", Modules.QUIZ, "social-media", "1.0", 1, 1, true, now), now);
            s.acknowledgements().record(new Acknowledgement("k1", sara.id(), "social-media", "1.0", null, "console", now));
            for (long d : daysAgo) {
                s.questions().log(new LoggedQuestion(null, sara.id(), "Sara's question " + d + " days ago", "en", true,
                        "social-media", "scope", 0.7, now.minus(Duration.ofDays(d))));
            }
        }
    }

    @Test
    void aBackupOfADatabaseBeingWrittenToRestoresEverything() throws Exception {
        saraWithRecords(1, 2);
        Path copy = dir.resolve("policybot-backup.db");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        CliRun backup;
        int questionsBefore;
        try (Storage live = storage()) {
            Person raj = live.people().find("console", "raj").orElseThrow();
            questionsBefore = live.questions().since(Instant.EPOCH).size();
            // The bot keeps answering while the operator takes the backup.
            CompletableFuture<Void> bot = CompletableFuture.runAsync(() -> {
                for (int i = 0; writing.get() || i < 20; i++) {
                    live.questions().log(new LoggedQuestion(null, raj.id(), "live question " + i, "en", true, null,
                            null, 0.5, Instant.now()));
                    written.incrementAndGet();
                }
            });
            backup = run("backup", copy.toString());
            writing.set(false);
            bot.get();
        }
        assertEquals(0, backup.code(), backup.err());
        assertTrue(backup.out().startsWith("Backed up ") && backup.out().contains("To restore: stop PolicyBot"),
                backup.out());

        CliRun again = run("backup", copy.toString());
        assertEquals(ExitCodes.FAILED, again.code());
        assertTrue(again.err().contains("already exists; nothing was written"), again.err());
        long size = Files.size(copy);
        assertEquals(0, run("backup", "--force", copy.toString()).code());
        assertTrue(Files.size(copy) >= size);
        assertTrue(run("audit").out().contains("database.backup"));

        // Restore as docs/operations.md says: the copy becomes policybot.db of a (stopped) bot's data directory.
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(copy, restored.resolve("policybot.db"));
        CliRun people = runIn(restored, "people", "list");
        assertTrue(people.out().startsWith("3 people") && people.out().contains("Sara Smith"), people.out());
        assertTrue(runIn(restored, "audit").out().contains("roster.import"));
        assertEquals(0, runIn(restored, "report").code());
        try (Storage s = Storage.sqlite(restored.resolve("policybot.db"))) {
            Person sara = s.people().find("console", "sara").orElseThrow();
            assertEquals(1, s.training().completions(sara.id()).size());
            assertEquals(1, s.training().acknowledgements(sara.id()).size());
            int questions = s.questions().since(Instant.EPOCH).size();
            assertTrue(questions >= questionsBefore && questions <= questionsBefore + written.get(),
                    questionsBefore + " <= " + questions + " <= " + (questionsBefore + written.get()));
        }
    }

    @Test
    void purgeCountsFirstThenRemovesOldQuestionsAndKeepsTraining() throws IOException {
        saraWithRecords(400, 380, 10);
        CliRun dry = run("purge");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("Kept 365 days: 2 questions and 0 feedback votes asked before"), dry.out());
        assertTrue(dry.out().contains("Nothing removed"), dry.out());

        Path config = Files.writeString(dir.resolve("policybot.yaml"), "retention:\n  questions: 5\n");
        CliRun shorter = run("--config", config.toString(), "purge");
        assertTrue(shorter.out().contains("Kept 5 days: 3 questions"), shorter.out());

        CliRun purged = run("purge", "--yes");
        assertEquals(0, purged.code(), purged.err());
        assertTrue(purged.out().contains("Removed 2 questions and 0 feedback votes"), purged.out());
        assertTrue(run("audit").out().lines().anyMatch(l -> l.contains("cli:operator") && l.contains("retention.purge")));
        assertTrue(run("purge").out().contains("0 questions"), "nothing left to purge");
        try (Storage s = storage()) {
            Person sara = s.people().find("console", "sara").orElseThrow();
            assertEquals(1, s.questions().since(Instant.EPOCH).size());
            assertEquals(1, s.training().completions(sara.id()).size(), "training evidence kept");
            assertEquals(1, s.training().acknowledgements(sara.id()).size(), "acknowledgement evidence kept");
        }
        assertEquals(ExitCodes.USAGE, run("purge", "--days", "0").code());
        Path forever = Files.writeString(dir.resolve("forever.yaml"), "retention:\n  questions: 0\n");
        assertEquals(ExitCodes.REFUSED, run("--config", forever.toString(), "purge", "--yes").code());
    }

    @Test
    void exportHoldsEverythingAndForgetPseudonymisesOnceOnlyForHrOrTheOperator() throws IOException {
        saraWithRecords(3);
        Path json = dir.resolve("sara.json");
        CliRun export = run("people", "export", "sara@acme.example", "--out", json.toString());
        assertEquals(0, export.code(), export.err());
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals("console:sara", doc.get("about").asText());
        assertEquals("Sara Smith", doc.get("person").get(0).get("display_name").asText());
        assertEquals("sara@acme.example", doc.get("person").get(0).get("email").asText());
        assertEquals("Engineering", doc.get("person").get(0).get("team").asText());
        assertEquals(1, doc.get("training_completions").size());
        assertEquals(1, doc.get("acknowledgements").size());
        assertEquals("Sara's question 3 days ago", doc.get("questions").get(0).get("question").asText());
        assertTrue(doc.get("audit").isArray());

        CliRun employee = run("people", "export", "console:sara", "--as", "console:raj");
        assertEquals(ExitCodes.REFUSED, employee.code());
        assertTrue(employee.err().contains("only HR and admins"), employee.err());
        CliRun hr = run("people", "export", "console:sara", "--as", "console:hrhelen");
        assertEquals(0, hr.code(), hr.err());
        assertTrue(hr.out().contains("\"display_name\" : \"Sara Smith\""), hr.out());
        CliRun audit = run("audit");
        assertTrue(audit.out().lines().anyMatch(l -> l.contains("console:raj") && l.contains("refused")), audit.out());
        assertTrue(audit.out().lines().anyMatch(l -> l.contains("cli:operator as console:hrhelen")
                && l.contains("person.export") && l.contains("console:sara")), audit.out());

        assertEquals(ExitCodes.REFUSED, run("people", "forget", "console:sara", "--yes", "--as", "console:raj").code());
        assertEquals(ExitCodes.REFUSED, CliRun.of("no\n", "--data", data.toString(), "--no-embeddings", "people",
                "forget", "console:sara").code());
        CliRun forget = run("people", "forget", "console:sara", "--yes");
        assertEquals(0, forget.code(), forget.err());
        assertTrue(forget.out().contains("Forgotten: now forgotten-") && forget.out().contains("1 question,")
                && forget.out().contains("1 quiz answer, 1 training result and 1 acknowledgement kept"), forget.out());
        String pseudonym = forget.out().substring(forget.out().indexOf("forgotten-"),
                forget.out().indexOf("forgotten-") + "forgotten-".length() + 12);

        CliRun list = run("people", "list");
        assertFalse(list.out().contains("Sara") || list.out().contains("sara@"), list.out());
        assertTrue(list.out().contains("console:" + pseudonym), list.out());
        CliRun twice = run("people", "forget", "console:sara", "--yes");
        assertEquals(0, twice.code());
        assertTrue(twice.out().contains("nothing to do"), twice.out());
        assertTrue(run("people", "forget", "console:" + pseudonym, "--yes").out().contains("already forgotten"));
        CliRun after = run("audit");
        assertEquals(1, after.out().lines().filter(l -> l.contains("person.forget")).count(), after.out());
        assertTrue(after.out().lines().anyMatch(l -> l.contains("person.forget") && l.contains(pseudonym)));

        CliRun anon = run("people", "export", "console:" + pseudonym);
        assertEquals(0, anon.code(), anon.err());
        assertFalse(anon.out().contains("Sara"), anon.out());
        JsonNode kept = new ObjectMapper().readTree(anon.out());
        assertEquals(1, kept.get("training_completions").size());
        assertEquals(0, kept.get("questions").size());
    }

    @Test
    void rolesComeFromTheConfigurationFile() throws IOException {
        assertEquals(ExitCodes.REFUSED, run("people", "export", "console:sara", "--as", "console:raj").code());
        Path config = Files.writeString(dir.resolve("policybot.yaml"), """
                roles:
                  hr: [console:raj]
                """);
        CliRun allowed = run("--config", config.toString(), "people", "export", "console:sara", "--as", "console:raj");
        assertEquals(0, allowed.code(), allowed.err());
        CliRun report = run("--config", config.toString(), "report", "--as", "console:raj");
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().contains("(3 people)"), report.out());
    }
}
