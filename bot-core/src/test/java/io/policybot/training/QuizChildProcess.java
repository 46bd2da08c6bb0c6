package io.policybot.training;

import io.policybot.chat.Actor;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.store.Database;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestServices;
import io.policybot.testing.TrainingDriver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The bot process {@link CrashRecoveryTest} kills: takes a quiz on the database file given as argument, one
 * answer per "answer" line on stdin, and prints "ACK index value" once the reply to that answer exists, i.e.
 * once the person could have seen it. Question {@code i} is answered right when {@code i} is even.
 */
public final class QuizChildProcess {
    static final Actor ACTOR = new Actor("slack", "U-crash", "Crash Tester", null);

    private QuizChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Database db = Database.sqlite(Path.of(args[0]));
        TrainingService service = TestServices.training(db, TestClock.at("2026-11-10T09:00:00Z"), 3);
        TrainingDriver driver = new TrainingDriver(service, TestContent.bundled());
        List<Reply> replies = service.startQuiz(ACTOR, TrainingDriver.dm(ACTOR), "en", null);
        out.println("STARTED");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int i = 0; "answer".equals(in.readLine()); i++) {
            Button button = driver.quizButton(Replies.lastWithButtons(replies), "en", i % 2 == 0);
            replies = driver.press(ACTOR, button, "en");
            if (!replies.getFirst().placement().equals(Reply.REPLACE)) {
                out.println("REFUSED " + replies.getFirst().fallback());
                return;
            }
            out.println("ACK " + i + " " + button.value());
        }
        db.close();
    }
}
