package io.policybot.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as separate processes the way a user runs it, on a temporary data directory and a copy of the
 * bundled content: exit codes, output, and no JVM crash file. Lexical retrieval (--no-embeddings) wherever the
 * embedding models are not the point, so the suite stays quick.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {
    private static final Predicate<String> BUTTONS = l -> l.startsWith("[1] ");
    private static final Predicate<String> QUIZ_OPTIONS = l -> l.startsWith("[1] A");

    @TempDir
    static Path tmp;
    private Path work;
    private Path data;
    private Path content;
    private PackagedJar jar;
    private PackagedJar plain;
    private QuizKey key;

    @BeforeAll
    void setUp() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        data = tmp.resolve("data");
        content = tmp.resolve("content");
        copy(Path.of(System.getProperty("policybot.content.src", "../content/src/main/resources/policybot/content")), content);
        jar = new PackagedJar(work, List.of("--data", data.toString(), "--content", content.toString()));
        plain = new PackagedJar(work, List.of("--data", data.toString(), "--content", content.toString(), "--no-embeddings"));
        key = new QuizKey(content);
    }

    @AfterAll
    void noCrashFiles() {
        assertEquals(List.of(), jar.crashFiles(), "a JVM crash left hs_err files");
    }

    // ---- the command line ----

    @Test
    @Order(1)
    void B8_helpAndDashHOnEveryCommand() {
        List<List<String>> commands = new ArrayList<>();
        collect(io.policybot.app.CommandList.all(), commands);
        assertTrue(commands.size() >= 15, "the commands: " + commands);
        for (List<String> command : commands) {
            // -h on every command is checked in-process (ConsoleFindingsTest); here --help on all, -h on a few
            for (String flag : command.size() == 2 ? List.of("--help", "-h") : List.of("--help")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                PackagedJar.Run r = plain.run("", args).clean().exits(0);
                assertTrue(r.out().contains("Usage: policybot"), r.toString());
                assertTrue(r.out().contains("Exit codes:"), "the exit codes are in every help: " + r);
            }
        }
    }

    private static void collect(List<List<String>> from, List<List<String>> to) {
        to.addAll(from);
    }

    @Test
    @Order(2)
    void B18_exitCodesAreDocumentedAndConsistent() throws IOException {
        plain.run("", "no-such-command").clean().exits(2);
        plain.run("", "chat", "--no-such-option").clean().exits(2);
        PackagedJar.Run lang = plain.run("", "chat", "--lang", "xx").clean().exits(2);
        assertTrue(lang.err().contains("--lang"), lang.toString());
        plain.run("", "ask").clean().exits(2);
        PackagedJar.Run gaps = plain.run("", "gaps", "--days", "0").clean().exits(2);
        assertTrue(gaps.err().contains("--days"), "CLI wording, not chat syntax: " + gaps);
        plain.run("", "announce", "--policy", "nonexistent").clean().exits(3);
        // B15: a plain sentence naming the cause, no stack trace, no Java exception name
        PackagedJar.Run eval = plain.run("", "eval", "--questions", tmp.resolve("nonexistent.tsv").toString()).clean().exits(1);
        assertTrue(eval.err().contains("no such file"), eval.toString());
        PackagedJar.Run roster = plain.run("", "roster", "import", tmp.resolve("nonexistent.csv").toString()).clean().exits(1);
        assertTrue(roster.err().contains("no such file"), roster.toString());
    }

    @Test
    @Order(3)
    void B3_twentyQuickAskRunsNeverCrashTheJvm() {
        String[][] runs = {{"ask"}, {"ask", "?"}, {"ask", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"}, {"ask", "*:*"}};
        for (int i = 0; i < 20; i++) {
            String[] args = runs[i % runs.length];
            PackagedJar.Run r = jar.run("", args).clean();
            assertEquals(args.length == 1 ? 2 : 0, r.exit(), r.toString());
        }
        assertEquals(List.of(), jar.crashFiles(), "hs_err files after quick ask runs");
    }

    // ---- the chat, scripted over standard input ----

    @Test
    @Order(10)
    void B7_B25_chatScriptedThroughAQuizByLettersARolePlayAndCancel() {
        // Questions are shuffled and have three or four options: only A to C is valid for every one of them.
        StringBuilder script = new StringBuilder("quiz\n");
        for (int i = 0; i < 10; i++) {
            script.append("ABC".charAt(i % 3)).append('\n');
        }
        // Every scenario has at least two steps, so after one choice the role-play is still running.
        script.append("roleplay\n1\nA\nstatus\ncancel\nstatus\nquiz\nstop\nquit\n");
        PackagedJar.Run r = plain.run(script.toString(), "chat", "--user", "scripted").clean().exits(0);
        assertTrue(r.out().contains("== Quiz finished:"), "ten letters finish the quiz: " + r.out());
        String quiz = r.out().substring(0, r.out().indexOf("== Quiz finished:"));
        assertFalse(quiz.contains("I don't know"), "a letter is never taken for a question: " + quiz);
        assertTrue(r.out().contains("== Role-play: "), r.out());
        assertTrue(r.out().contains("Role-play stopped."), "cancel leaves the role-play: " + r.out());
        assertTrue(r.out().contains("Quiz stopped."), "stop leaves the quiz: " + r.out());
        assertTrue(r.out().strip().endsWith("Bye."), r.out());
    }

    @Test
    @Order(11)
    void B22_chineseChatBannerGoodbyeAndTypography() {
        PackagedJar.Run r = plain.run("测验\nA\n取消\n退出\n", "chat", "--user", "li", "--lang", "zh").clean().exits(0);
        assertTrue(r.out().startsWith("PolicyBot 控制台"), r.out());
        assertTrue(r.out().strip().endsWith("再见。"), r.out());
        assertTrue(r.out().contains("测验已停止"), r.out());
        assertFalse(r.out().matches("(?s).*[？：。]:.*"), "no ASCII colon after full-width punctuation: " + r.out());
        assertFalse(r.out().matches("(?s).*[。？！] \\S.*"), "no stray space after a full-width full stop: " + r.out());
    }

    // ---- HR: content, announcement, acknowledgement, update quiz, report, CSV, audit ----

    @Test
    @Order(20)
    void hr1_rosterAndFirstPublication() throws IOException {
        Path roster = tmp.resolve("roster.csv");
        Files.writeString(roster, """
                platform,platform_user_id,name,email,team,manager_email,joined_on,role
                console,hrhelen,Helen HR,helen@acme.example,People,,2024-01-01,hr
                console,mike,Mike Manager,mike@acme.example,Sales,,2024-01-01,manager
                console,sara,Sara Smith,sara@acme.example,Sales,mike@acme.example,2024-02-01,employee
                """);
        plain.run("", "roster", "import", roster.toString()).clean().exits(0);
        PackagedJar.Run reload = plain.run("", "content", "reload").clean().exits(0);
        assertTrue(reload.out().contains("social-media 1.0"), reload.toString());
    }

    @Test
    @Order(21)
    void hr2_saraPassesTheQuizInTheChat() {
        try (PackagedJar.Chat sara = plain.chat("--user", "sara")) {
            sara.send(null, l -> l.startsWith("PolicyBot console"));
            String question = sara.send("quiz", QUIZ_OPTIONS);
            for (int i = 0; i < 10; i++) {
                String reply = sara.send(key.letter(question), l -> QUIZ_OPTIONS.test(l) || l.startsWith("== Quiz finished"));
                if (reply.contains("== Quiz finished")) {
                    String rest = sara.send(null, BUTTONS);
                    assertTrue((reply + rest).contains("You passed"), sara.transcript());
                    break;
                }
                question = reply;
            }
            assertTrue(sara.transcript().contains("== Quiz finished: 10/10"), sara.transcript());
            assertEquals(0, sara.quit());
        }
    }

    @Test
    @Order(22)
    void B11_textChangedWithoutAVersionIsRefusedAndNotServed() throws IOException {
        Path en = content.resolve("social-media/policy.en.md");
        String original = Files.readString(en);
        String marker = "and keep your badge photo off public profiles";
        Files.writeString(en, original.replaceFirst("(?m)(^> \\*\\*In short:\\*\\*[^\\n]*?)\\.?$", "$1, " + marker + "."));
        assertTrue(Files.readString(en).contains(marker), "the edit must land in a short answer");
        PackagedJar.Run refused = plain.run("", "content", "reload").clean().exits(3);
        assertTrue(refused.out().contains("raise"), refused.toString());
        PackagedJar.Run ask = plain.run("", "ask", "--json", "What is the purpose of the social media policy?").clean();
        assertFalse(ask.out().contains(marker), "refused text is not served: " + ask);
        assertTrue(ask.err().contains("WARNING"), "the refusal is said loudly: " + ask);
        Files.writeString(en, original);
    }

    @Test
    @Order(23)
    void B10_B29_aBrokenContentDirectoryAtStartServesTheLastPublishedVersion() throws IOException {
        Path en = content.resolve("social-media/policy.en.md");
        String original = Files.readString(en);
        Files.writeString(en, original.replaceFirst("(?m)^version: .*$", "version: [broken"));
        PackagedJar.Run r = plain.run("", "ask", "Can I mention my employer on LinkedIn?").clean().exits(0);
        assertTrue(r.err().contains("WARNING") && r.err().contains("invalid"), r.toString());
        assertTrue(r.out().contains("(version 1.0)"), "the last published version answers: " + r);
        assertFalse(r.out().contains("[1] "), "B29: a one-shot ask shows no button it cannot honour: " + r);
        Files.writeString(en, original);
    }

    @Test
    @Order(24)
    void hr3_editPublishAndAnnounceVersion11() throws IOException {
        for (String lang : List.of("en", "zh")) {
            Path file = content.resolve("social-media/policy." + lang + ".md");
            String text = Files.readString(file).replaceFirst("(?m)^version: .*$", "version: 1.1");
            Files.writeString(file, lang.equals("en")
                    ? text.replace("never imply you speak for {{company}}.", "never imply you speak for {{company}}; do not use the company logo in your banner image.")
                    : text);
        }
        PackagedJar.Run reload = plain.run("", "content", "reload").clean().exits(0);
        assertTrue(reload.out().contains("social-media 1.1: new version published"), reload.toString());
        assertTrue(reload.out().contains("[en] changed"), reload.toString());
        PackagedJar.Run announce = plain.run("", "announce", "--yes").clean().exits(0);
        assertTrue(announce.out().contains("1.1"), announce.toString());
        PackagedJar.Run status = plain.run("", "announce", "status").clean().exits(0);
        assertTrue(status.out().contains("1.1") && status.out().matches("(?s).*pending 0\\b.*"), status.toString());
    }

    @Test
    @Order(25)
    void hr4_B21_saraAcknowledgesInTheConsoleAndTakesTheUpdateQuiz() {
        try (PackagedJar.Chat sara = plain.chat("--user", "sara")) {
            String start = sara.send(null, BUTTONS);
            assertTrue(start.contains("== A message for you =="), "the announcement DM is shown: " + start);
            assertTrue(start.contains("1.1"), start);
            int ack = buttonNumber(start, "I have read it");
            String thanks = sara.send(Integer.toString(ack), l -> !l.isBlank());
            assertFalse(thanks.contains("no longer works"), sara.transcript());
            // B21: quiz while an update quiz is due starts the update quiz
            String question = sara.send("quiz", QUIZ_OPTIONS);
            assertFalse(question.contains("Question 1/10"), "the short update quiz, not the full one: " + question);
            for (int i = 0; i < 10; i++) {
                String reply = sara.send(key.letter(question), l -> QUIZ_OPTIONS.test(l) || l.startsWith("== Quiz finished"));
                if (reply.contains("== Quiz finished")) {
                    break;
                }
                question = reply;
            }
            assertTrue(sara.transcript().contains("== Quiz finished"), sara.transcript());
            assertEquals(0, sara.quit());
        }
        PackagedJar.Run status = plain.run("", "announce", "status").clean().exits(0);
        assertTrue(status.out().matches("(?s).*acknowledged (by )?1\\b.*"), "the console acknowledgement counts: " + status);
        PackagedJar.Run training = plain.run("", "training", "status", "--user", "sara").clean().exits(0);
        assertTrue(training.out().contains("1.1") && training.out().contains("passed"), training.toString());
    }

    @Test
    @Order(26)
    void hr5_reportCsvAndAuditAfterTheUpdate() throws IOException {
        Path csv = tmp.resolve("report.csv");
        PackagedJar.Run report = plain.run("", "report", "--csv", csv.toString()).clean().exits(0);
        assertTrue(Files.isRegularFile(csv), report.toString());
        String rows = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(rows.contains("Sara Smith"), rows);
        // B15: a CSV path that cannot be written is one plain sentence, exit 1
        PackagedJar.Run bad = plain.run("", "report", "--csv", tmp.resolve("no/such/dir/x.csv").toString()).clean().exits(1);
        assertTrue(bad.err().contains("no such file") || bad.err().contains("does not exist"), bad.toString());
        PackagedJar.Run audit = plain.run("", "audit", "--limit", "200").clean().exits(0);
        assertTrue(audit.out().contains("report.export"), audit.toString());
        assertTrue(audit.out().contains("social-media 1.1"), audit.toString());
    }

    @Test
    @Order(27)
    void B1_reportCountsThePassedUpdateQuiz() {
        PackagedJar.Run report = plain.run("", "report").clean().exits(0);
        String sara = report.out().lines().filter(l -> l.contains("Sara Smith")).findFirst().orElse("");
        assertTrue(sara.contains("completed"), "a passed update quiz is done in the report: " + report);
    }

    @Test
    @Order(28)
    void B4_cliAnnouncementIsAudited() {
        PackagedJar.Run audit = plain.run("", "audit", "--limit", "200").clean().exits(0);
        assertTrue(audit.out().lines().anyMatch(l -> l.contains("announcement") && l.contains("confirmed")), audit.toString());
    }

    private static int buttonNumber(String text, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)] " + java.util.regex.Pattern.quote(label))
                .matcher(text);
        assertTrue(m.find(), "no button \"" + label + "\" in:\n" + text);
        return Integer.parseInt(m.group(1));
    }

    private static void copy(Path from, Path to) throws IOException {
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
    }
}
