package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Actions;
import io.policybot.testing.TestClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Regression tests for the console and command-line findings of the December 2026 walkthrough, named after them. */
class ConsoleFindingsTest {
    @TempDir
    Path data;

    private BotRuntime runtime() {
        return BotRuntime.console(new AppConfig(null, data, false), TestClock.at("2026-11-21T09:00:00Z"));
    }

    private ConsoleChat chat(BotRuntime runtime, String user, Locale locale) {
        return new ConsoleChat(runtime.engine(), user, locale, new ConsoleRenderer(data.resolve("files")));
    }

    @Test
    void B7_quizLetterAnswersTheQuestion() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = chat(runtime, "ana", null);
            assertTrue(chat.send("quiz").contains("(Question 1/10)"));
            String feedback = chat.send("A");
            assertFalse(feedback.contains("I don't know"), feedback);
            assertTrue(feedback.contains("(your answer)") && feedback.contains("(Question 2/10)"), feedback);
            String lower = chat.send("b.");
            assertTrue(lower.contains("(your answer)") && lower.contains("(Question 3/10)"), lower);
            String outOfRange = chat.send("H");
            // questions are shuffled and have three or four options: the note names the ones this question has
            assertTrue(outOfRange.matches("(?s).*from A to [CD].*"), outOfRange);
            assertTrue(chat.send("status").contains("next is question 3/10"), "a wrong letter answers nothing");
        }
    }

    @Test
    void B25_cancelAndStopLeaveAQuizOrARolePlay() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = chat(runtime, "ben", null);
            chat.send("quiz");
            chat.send("A");
            assertTrue(chat.send("cancel").contains("Quiz stopped."));
            assertFalse(chat.send("status").contains("in progress"), "no quiz in progress after cancel");
            chat.send("roleplay");
            assertTrue(chat.send("1").contains("(Step 1)"));
            String busy = chat.send("quiz");
            assertTrue(busy.contains("type cancel to stop it"), "a busy note says how to stop: " + busy);
            assertTrue(chat.send("quit quiz").contains("Role-play stopped."));
            assertTrue(chat.send("stop").contains("nothing to stop"));
            chat.send("quiz");
            assertTrue(chat.send("取消").contains("测验已停止"), "取消 works, and answers in Chinese");
            // "stop ..." with other words is still a question
            assertFalse(chat.send("stop sharing customer data on LinkedIn?").contains("nothing to stop"));
        }
    }

    @Test
    void B25_statusDuringAQuizOffersContinueAndStopOnly() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = chat(runtime, "cy", null);
            chat.send("quiz");
            String status = chat.send("status");
            assertTrue(status.contains("[1] Continue   [2] Stop it"), status);
            assertFalse(status.contains("Try a role-play"), "no button that would be refused: " + status);
            assertTrue(chat.send("2").contains("Quiz stopped."), "the Stop button stops it");
        }
    }

    @Test
    void B22_chineseConsoleWordsAndTypography() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = chat(runtime, "li", Locale.SIMPLIFIED_CHINESE);
            assertEquals("再见。", chat.words().get("bye"));
            assertTrue(chat.words().get("banner").startsWith("PolicyBot 控制台"));
            chat.send("测验");
            String feedback = chat.send("A");
            assertFalse(feedback.matches("(?s).*[。？] \\S.*"), "no stray space after a full-width stop: " + feedback);
            chat.send("取消");
            chat.send("情景演练");
            String step = chat.send("1");
            assertTrue(step.contains("你会怎么做？\n"), "no colon after the question mark: " + step);
            String help = chat.send("帮助");
            assertTrue(help.contains("情景演练") && !help.contains("角色扮演"), "help names the buttons' word: " + help);
        }
        assertEquals("What do you do?", ConsoleRenderer.label("What do you do?"));
        assertEquals("建议重读的章节：", ConsoleRenderer.label("建议重读的章节"));
        assertEquals("Sections to re-read:", ConsoleRenderer.label("Sections to re-read"));
    }

    @Test
    void B22_aChineseCommandStartsTheChineseQuiz() {
        try (BotRuntime runtime = runtime()) {
            ConsoleChat chat = chat(runtime, "wu", null);
            chat.send("Can I mention my employer on LinkedIn?");
            String quiz = chat.send("测验");
            assertTrue(quiz.contains("第 1/10 题") || quiz.contains("1/10") && quiz.contains("测验"), quiz);
        }
    }

    @Test
    void B29_helpListsTheStaffCommandsTheRoleAllows() throws IOException {
        Files.writeString(data.resolve("roles.yaml"), "hr:\n  - console:helen\nmanager:\n  - console:mike\n");
        try (BotRuntime runtime = runtime()) {
            String employee = chat(runtime, "sam", null).send("help");
            assertFalse(employee.contains("report") || employee.contains("announce"), employee);
            String manager = chat(runtime, "mike", null).send("help");
            assertTrue(manager.contains("report") && !manager.contains("announce"), manager);
            String hr = chat(runtime, "helen", null).send("help");
            assertTrue(hr.contains("report") && hr.contains("gaps") && hr.contains("announce"), hr);
            assertTrue(hr.contains("cancel"), hr);
            assertTrue(hr.contains("“Can I mention my employer on LinkedIn?”"), "the example is quoted: " + hr);
        }
    }

    @Test
    void B8_helpAndDashHOnEveryCommand() {
        for (List<String> command : CommandList.all()) {
            for (String flag : List.of("--help", "-h")) {
                StringWriter out = new StringWriter();
                CommandLine cli = PolicyBotCommand.commandLine();
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(new StringWriter()));
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                assertEquals(0, cli.execute(args.toArray(String[]::new)), "exit code of " + args);
                assertTrue(out.toString().contains("Usage: policybot"), args + ": " + out);
                assertTrue(out.toString().contains("3   Refused"), "the exit codes are documented: " + out);
            }
        }
    }

    @Test
    void B15_B18_failuresAreOneSentenceWithTheRightExitCode() {
        FriendlyErrors errors = new FriendlyErrors();
        assertEquals(ExitCodes.FAILED, handle(errors, new java.io.UncheckedIOException(
                new java.nio.file.NoSuchFileException("/nonexistent/x.csv")), "/nonexistent/x.csv: there is no such file"));
        assertEquals(ExitCodes.FAILED, handle(errors, new java.nio.file.NoSuchFileException("/nonexistent.tsv"),
                "/nonexistent.tsv: there is no such file"));
        assertEquals(ExitCodes.FAILED, handle(errors, new io.policybot.PolicyBotException("Slack HTTP mode did not start",
                new java.net.UnknownHostException("slack.com: Name or service not known")), "cannot reach slack.com"));
        assertEquals(ExitCodes.REFUSED, handle(errors, new Refused("nothing to announce"), "nothing to announce"));
        assertEquals(ExitCodes.USAGE, handle(errors, new BadUsage("give --team or --person, not both"), "not both"));
        // A bug is a bug: not reported as the user's bad input (exit 2), and no stack trace on screen
        assertEquals(ExitCodes.FAILED, handle(errors, new NullPointerException(), "This is a bug in PolicyBot"));
        assertEquals(ExitCodes.FAILED, handle(errors, new IllegalArgumentException("index 3"), "index 3"));
    }

    private static int handle(FriendlyErrors errors, Exception e, String expected) {
        StringWriter err = new StringWriter();
        CommandLine cli = PolicyBotCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = errors.handleExecutionException(e, cli, null);
        String text = err.toString();
        assertTrue(text.contains(expected), text);
        assertFalse(text.contains("\tat ") || text.matches("(?s).*java\\.[a-z]+\\.[A-Za-z.]*Exception.*"), text);
        return code;
    }

    @Test
    void B26_pipedInputReadsPlainLines() {
        try (ConsoleLines lines = ConsoleLines.open(data.resolve("history"))) {
            assertInstanceOf(ConsoleLines.Plain.class, lines, "a test's stdin is not a terminal: no escape codes");
        }
    }

    @Test
    void consoleUsersDmShowsInTheirChatAndItsButtonCanBePressed() {
        ConsoleGateway gateway = new ConsoleGateway(System.out, true);
        AtomicReference<List<Block>> mine = new AtomicReference<>();
        List<String> lines = new ArrayList<>();
        gateway.openInbox("sara", mine::set, lines::add);
        List<Block> dm = List.of(new Block.Text("Policy update"),
                new Block.Buttons(List.of(new Button(Actions.ACKNOWLEDGE, "I have read it", "a1"))));
        gateway.sendDirect("sara", dm, "Policy update", "k1");
        gateway.sendDirect("raj", dm, "Policy update", "k2");
        assertEquals(dm, mine.get());
        assertEquals(List.of("[DM to raj] Policy update"), lines);
    }

    @Test
    void B10_chatWatchesTheContentDirectoryAndKeepsTheLastGoodContent() throws Exception {
        Path content = copyBundled(data.resolve("content"));
        try (BotRuntime runtime = BotRuntime.console(new AppConfig(content, data.resolve("d"), false),
                TestClock.at("2026-11-21T09:00:00Z"))) {
            Path en = content.resolve("social-media/policy.en.md");
            String original = Files.readString(en);
            CountDownLatch said = new CountDownLatch(1);
            AtomicReference<String> message = new AtomicReference<>();
            try (ContentWatcher watcher = ContentWatcher.forRuntime(runtime, java.time.Duration.ofMillis(200), m -> {
                message.set(m);
                said.countDown();
            })) {
                Files.writeString(en, original.replaceFirst("(?m)^version: .*$", "version: [broken"));
                assertTrue(said.await(30, TimeUnit.SECONDS), "the invalid save is reported");
            }
            assertTrue(message.get().contains("problems") && message.get().contains("policy.en.md"), message.get());
            assertEquals("1.0", runtime.answerer().library().policy("social-media").orElseThrow().version(),
                    "the last good content stays");
            Files.writeString(en, original.replaceFirst("(?m)^version: .*$", "version: 1.1"));
            Files.writeString(content.resolve("social-media/policy.zh.md"), Files.readString(
                    content.resolve("social-media/policy.zh.md")).replaceFirst("(?m)^version: .*$", "version: 1.1"));
            BotRuntime.Reload reload = runtime.reloadContent();
            assertTrue(reload.changed() && reload.refused().isEmpty(), reload.toString());
            assertEquals("1.1", runtime.answerer().library().policy("social-media").orElseThrow().version());
        }
    }

    @Test
    void B11_textChangedUnderAPublishedVersionIsNotServed() throws IOException {
        Path content = copyBundled(data.resolve("content"));
        Path dataDir = data.resolve("d");
        List<String> warnings = new ArrayList<>();
        try (BotRuntime first = BotRuntime.builder(new AppConfig(content, dataDir, false), TestClock.at("2026-11-21T09:00:00Z")).warnings(warnings::add).withIndex().build()) {
            assertTrue(warnings.isEmpty(), warnings.toString());
        }
        Path en = content.resolve("social-media/policy.en.md");
        String marker = "UNPUBLISHED-MARKER";
        Files.writeString(en, Files.readString(en).replaceFirst("(?m)(^> \\*\\*In short:\\*\\*[^\\n]*)$", "$1 " + marker));
        try (BotRuntime second = BotRuntime.builder(new AppConfig(content, dataDir, false),
                TestClock.at("2026-11-22T09:00:00Z")).warnings(warnings::add).withIndex().build()) {
            String served = second.answerer().library().policy("social-media").orElseThrow().document("en").sections()
                    .stream().map(s -> s.shortAnswer()).reduce("", String::concat);
            assertFalse(served.contains(marker), "the refused text is not served");
            assertTrue(warnings.stream().anyMatch(w -> w.contains("Raise `version:`")), warnings.toString());
        }
        // Forgetting --content: the published content is served, with the right advice
        warnings.clear();
        try (BotRuntime bundled = BotRuntime.builder(new AppConfig(null, dataDir, false), TestClock.at("2026-11-23T09:00:00Z")).warnings(warnings::add).withIndex().build()) {
            assertTrue(warnings.isEmpty() || warnings.getFirst().contains("--content"), warnings.toString());
        }
    }

    static Path copyBundled(Path to) throws IOException {
        return TestContentDirs.copyBundled(to);
    }
}
