package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.TestClock;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console chat as a person uses it: questions, numbered buttons, training, in both languages. */
class ConsoleChatTest {
    @TempDir
    Path data;

    private BotRuntime runtime() {
        return BotRuntime.console(new AppConfig(null, data, false), TestClock.at("2026-11-21T09:00:00Z"));
    }

    @Test
    void askThenPressANumberedButton() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = new ConsoleChat(runtime.engine(), "ana", null, new ConsoleRenderer(data));
            String answer = chat.send("Can I mention my employer on LinkedIn?");
            assertTrue(answer.contains("Source: Social Media Policy > Identifying yourself (version 1.0)"), answer);
            assertTrue(answer.contains("[1] Read the full section"), answer);
            String section = chat.send("1");
            assertTrue(section.contains("== Identifying yourself =="), section);
            String vote = chat.send("2");
            assertTrue(vote.contains("Thanks"), vote);
        }
    }

    @Test
    void aQuizIsTakenByNumbersAndSurvivesARestart() {
        String question;
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = new ConsoleChat(runtime.engine(), "ben", null, new ConsoleRenderer(data));
            question = chat.send("quiz");
            assertTrue(question.contains("[1]") && question.contains("1/10"), question);
            String feedback = chat.send("1");
            assertTrue(feedback.contains("2/10"), feedback);
        }
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = new ConsoleChat(runtime.engine(), "ben", null, new ConsoleRenderer(data));
            String resumed = chat.send("quiz");
            assertTrue(resumed.contains("2/10"), "resumes at the second question after a restart: " + resumed);
        }
    }

    @Test
    void chineseQuestionsAndCommands() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = new ConsoleChat(runtime.engine(), "li", Locale.SIMPLIFIED_CHINESE, new ConsoleRenderer(data));
            String answer = chat.send("我可以在朋友圈发同事的照片吗？");
            assertTrue(answer.contains("社交媒体政策"), answer);
            String help = chat.send("帮助");
            assertTrue(help.contains("测验"), help);
        }
    }

    @Test
    void oddInputNeverBreaksTheChat() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = new ConsoleChat(runtime.engine(), "cy", null, new ConsoleRenderer(data));
            for (String s : new String[] {"\ud83d\ude00", "AND OR *", "99", "x".repeat(5000), "((("}) {
                assertTrue(!chat.send(s).isBlank(), "a reply for " + s.substring(0, Math.min(10, s.length())));
            }
        }
    }
}
