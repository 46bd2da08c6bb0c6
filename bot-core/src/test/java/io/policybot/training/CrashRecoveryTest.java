package io.policybot.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.policybot.chat.Actions;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 in the middle of a quiz loses nothing the person was told: a child JVM (the test classpath) takes a
 * quiz, is killed with destroyForcibly while answering, and a fresh service on the same file resumes.
 */
class CrashRecoveryTest {
    private static final int ACKED = 4;

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aKilledProcessLosesNoAcknowledgedAnswerAndTheQuizResumes() throws Exception {
        Path stderr = Files.createTempFile("quiz-child", ".log");
        Process child = new ProcessBuilder(javaCommand(db.file()))
                .redirectError(stderr.toFile()).start();
        List<String> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            expect(out, "STARTED", stderr);
            for (int i = 0; i < ACKED; i++) {
                in.write("answer\n");
                in.flush();
                String line = expect(out, "ACK " + i + " ", stderr);
                acks.add(line.split(" ")[2]);
            }
            // Two more answers on their way, and the process dies while handling them.
            in.write("answer\nanswer\n");
            in.flush();
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(stderr);
        }

        // The restart: the same file, a new service.
        Database database = db.database();
        String personId = new SqlPersonRepository(database).find("slack", "U-crash").orElseThrow().id();
        SqlTrainingRepository training = new SqlTrainingRepository(database);
        String sessionId = training.active(personId).orElseThrow().id();
        List<RecordedAnswer> answers = training.answers(sessionId);
        int stored = answers.size();
        assertTrue(stored >= ACKED && stored <= ACKED + 2, "answers stored: " + stored);
        for (int i = 0; i < stored; i++) {
            assertEquals(i, answers.get(i).index());
            assertEquals(i % 2 == 0, answers.get(i).correct(), "answer " + i);
        }

        TrainingService service = TestServices.training(database, TestClock.at("2026-11-10T10:00:00Z"), 11);
        List<Reply> resumed = service.resume(QuizChildProcess.ACTOR, TrainingDriver.dm(QuizChildProcess.ACTOR), "en");
        Reply question = Replies.lastWithButtons(resumed);
        assertEquals("Question " + (stored + 1) + "/10", Replies.blocks(question, Block.Context.class).getFirst().text());
        assertTrue(Replies.buttons(question).getFirst().value().startsWith(sessionId + ":" + stored + ":"));

        // An acknowledged answer pressed again after the restart is not counted twice.
        List<Reply> replay = service.onButton(new io.policybot.chat.Inbound.ButtonPress(QuizChildProcess.ACTOR,
                TrainingDriver.dm(QuizChildProcess.ACTOR), Actions.QUIZ_ANSWER, acks.getFirst()), "en");
        assertEquals(Reply.PRIVATE, replay.getFirst().placement());
        assertEquals(stored, training.answers(sessionId).size());

        TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
        List<Reply> replies = resumed;
        for (int i = stored; i < 10; i++) {
            Button b = driver.quizButton(Replies.lastWithButtons(replies), "en", i % 2 == 0);
            replies = driver.press(QuizChildProcess.ACTOR, b, "en");
        }
        assertTrue(Replies.text(replies.get(1)).contains("Quiz finished: 5/10 (50%)"), Replies.text(replies));
        assertEquals(10, training.answers(sessionId).size());
    }

    private static List<String> javaCommand(Path dbFile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"),
                "@" + System.getProperty("policybot.jvm.options"), QuizChildProcess.class.getName(), dbFile.toString());
    }

    private static String expect(BufferedReader out, String prefix, Path stderr) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(prefix)) {
            fail("expected '" + prefix + "' from the child, got '" + line + "'; its stderr:\n" + Files.readString(stderr));
        }
        return line;
    }
}
