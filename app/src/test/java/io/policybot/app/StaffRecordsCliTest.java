package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HR's records through the CLI, as the walkthrough used them (findings B4, B5, B6, B12, B16, B17, B19, B27, B29):
 * a roster, reports as HR and as a manager, announcements from the CLI and the console chat, people and the audit.
 */
class StaffRecordsCliTest {
    static final String ROSTER = """
            platform,platform_user_id,name,email,team,manager_email,joined_on,role
            console,hrhelen,Helen HR,helen@acme.example,People,,2020-01-06,hr
            console,mike,Mike Manager,mike@acme.example,Engineering,,2020-01-06,
            console,sara,"Sara Smith, PhD",sara@acme.example,Engineering,mike@acme.example,2020-01-06,
            console,raj,Raj Patel,raj@acme.example,Engineering,mike@acme.example,2020-01-06,
            console,omar,Omar Ali,omar@acme.example,Sales,,2020-01-06,
            """;

    @TempDir
    Path dir;
    Path data;
    Path content;

    private record Run(int code, String out, String err) {
    }

    private Run runWith(String stdin, String... args) {
        String[] all = Stream.concat(Stream.of("--data", data.toString(), "--content", content.toString(),
                "--no-embeddings"), Stream.of(args)).toArray(String[]::new);
        CliRun run = CliRun.of(stdin, all);
        return new Run(run.code(), run.out(), run.err());
    }

    private Run run(String... args) {
        return runWith("", args);
    }

    @BeforeEach
    void roster() throws IOException {
        data = dir.resolve("data");
        content = dir.resolve("content");
        copy(Path.of("../content/src/main/resources/policybot/content"), content);
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, ROSTER);
        Run imported = run("roster", "import", roster.toString());
        assertEquals(0, imported.code(), imported.err());
    }

    @Test
    void B6_readOnlyCommandsCreateNoOne() {
        assertEquals(0, run("report").code());
        assertEquals(0, run("report", "--as", "console:mike").code());
        Run ghost = run("report", "--as", "console:ghost");
        assertEquals(1, ghost.code());
        assertTrue(ghost.err().contains("no one is known as console:ghost"), ghost.err());
        Run typo = run("training", "status", "--user", "bob");
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("no one is known as console:bob"), typo.err());
        assertEquals(2, run("training", "status", "--user", "U1", "--platform", "teams").code());
        run("announce", "status");
        runWith("no\n", "announce");

        Run people = run("people", "list");
        assertTrue(people.out().startsWith("5 people"), people.out());
        for (String phantom : new String[] {"cli:operator", "console:hr ", "console:ghost", "console:bob", "teams:"}) {
            assertFalse(people.out().contains(phantom), phantom + " in\n" + people.out());
        }
        assertTrue(run("report").out().contains("(5 people)"));
    }

    @Test
    void B6_hrCanRemoveAPersonAndItIsAudited() {
        Run refused = runWith("no\n", "people", "remove", "omar");
        assertEquals(ExitCodes.REFUSED, refused.code());
        Run removed = run("people", "remove", "console:omar", "--yes");
        assertEquals(0, removed.code(), removed.err());
        assertTrue(removed.out().contains("Removed Omar Ali (console:omar)"), removed.out());
        assertTrue(run("people", "list").out().startsWith("4 people"));
        assertTrue(run("audit").out().lines().anyMatch(l -> l.contains("cli:operator") && l.contains("person.remove")
                && l.contains("console:omar")));
        assertEquals(ExitCodes.FAILED, run("people", "remove", "console:omar", "--yes").code());
    }

    @Test
    void B12_rosterRefusesUnknownPlatforms() throws IOException {
        Path teams = dir.resolve("teams2.csv");
        Files.writeString(teams, "platform,platform_user_id,name\nteams,a9,Ana Nine\nSlack,U1,Upper Case\n");
        Run run = run("roster", "import", teams.toString());
        assertEquals(ExitCodes.FAILED, run.code()); // a roster that cannot be imported failed, nothing imported
        assertTrue(run.err().contains("row 2: platform 'teams' is not slack, discord or console"), run.err());
        assertFalse(run.err().contains("row 3"), run.err()); // "Slack" is slack
        assertTrue(run("people", "list").out().startsWith("5 people"));
    }

    @Test
    void B16_cliReportClaimsAndAuditsOnlyAFileItWrote() throws IOException {
        Run report = run("report");
        assertEquals(0, report.code());
        assertFalse(report.out().contains("attached"), report.out());
        assertFalse(run("audit").out().contains("report.export"));

        Run bad = run("report", "--csv", dir.resolve("no/such/dir/x.csv").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("could not write") && bad.err().contains("its folder does not exist"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertFalse(run("audit").out().contains("report.export"));

        Path csv = dir.resolve("everyone.csv");
        Run good = run("report", "--csv", csv.toString());
        assertEquals(0, good.code(), good.err());
        assertTrue(Files.exists(csv));
        assertTrue(run("audit").out().lines().anyMatch(l -> l.contains("report.export")
                && l.contains(csv.toAbsolutePath().toString())));
    }

    @Test
    void B17_reportAsRecordsTheOperatorAndThePersonActedAs() {
        run("report", "--as", "console:mike");
        String audit = run("audit", "--limit", "1").out();
        assertTrue(audit.contains("cli:operator as console:mike") && audit.contains("org of console:mike"), audit);
    }

    @Test
    void B19_teamNamesAnyCaseAndBareIdsAreFound() {
        Run team = run("report", "--team", "engineering");
        assertEquals(0, team.code(), team.out());
        assertTrue(team.out().contains("Training report: team Engineering") && team.out().contains("(3 people)"),
                team.out());
        Run person = run("report", "--person", "raj");
        assertEquals(0, person.code(), person.out());
        assertTrue(person.out().contains("Training report: Raj Patel") && person.out().contains("(1 person)"),
                person.out());
        assertEquals(0, run("report", "--person", "RAJ@acme.example").code());
        Run missing = run("report", "--person", "nobody");
        assertFalse(missing.out().contains("@mention"), missing.out());
    }

    @Test
    void B4_B27_cliAnnouncementsAreAuditedAndStatusListsEveryOneNewestFirst() throws IOException {
        run("announce", "status"); // publishes 1.0
        bump("1.1", "Do not use the company logo in your banner image.");
        Run cancelled = runWith("no\n", "announce");
        assertTrue(cancelled.out().contains("Cancelled: nothing was sent."), cancelled.out());
        Run sent = run("announce", "--yes");
        assertEquals(0, sent.code(), sent.err());
        bump("1.2", "Keep your profile up to date.");
        assertEquals(0, run("announce", "--yes").code());

        String audit = run("audit").out();
        assertTrue(audit.lines().anyMatch(l -> l.contains("cli:operator") && l.contains("announcement")
                && l.endsWith("cancelled")), audit);
        assertEquals(2, audit.lines().filter(l -> l.contains("cli:operator") && l.contains("confirmed: social-media"))
                .count(), audit);

        String status = run("announce", "status").out();
        int v12 = status.indexOf("version 1.2");
        int v11 = status.indexOf("version 1.1");
        assertTrue(v12 >= 0 && v11 > v12, status);
        assertTrue(status.contains("sent 5, pending 0, failed 0; acknowledged by 0"), status);
    }

    @Test
    void B5_anAnnouncementConfirmedInTheConsoleChatIsDelivered() throws IOException {
        run("announce", "status");
        bump("1.1", "Do not use the company logo in your banner image.");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try (BotRuntime runtime = BotRuntime.console(new AppConfig(content, data, false), TestClock.at("2026-12-01T09:00:00Z"))) {
                ConsoleChat chat = new ConsoleChat(runtime.engine(), "hrhelen", null, new ConsoleRenderer(data));
                String preview = chat.send("announce");
                assertTrue(preview.contains("[1] Send the announcement"), preview);
                String sent = chat.send("1");
                assertTrue(sent.contains("Delivered from this console"), sent);
                String status = chat.send("announce status");
                assertTrue(status.contains("sent 5, pending 0, failed 0"), status);
            }
        } finally {
            System.setOut(out);
        }
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("[DM to raj]"), printed.toString(StandardCharsets.UTF_8));
        // Nothing is left for a later CLI run to send, stale.
        Run next = run("announce", "status");
        assertTrue(next.out().contains("sent 5, pending 0"), next.out());
    }

    @Test
    void B29_pluralsUnchangedRosterAndAnEmptyAudit() throws IOException {
        Path roster = dir.resolve("roster.csv");
        Run again = run("roster", "import", roster.toString());
        assertTrue(again.out().contains("Imported roster.csv: 5 unchanged."), again.out());
        assertTrue(run("report", "--person", "console:raj").out().contains("(1 person)"));

        Path roster2 = data;
        data = dir.resolve("empty-data");
        Run audit = run("audit");
        data = roster2;
        assertEquals(0, audit.code());
        assertTrue(audit.out().contains("The audit log is empty"), audit.out());

        // Columns stay aligned whatever the actor's length.
        run("report", "--as", "console:hrhelen");
        java.util.List<String> lines = run("audit").out().lines().toList();
        java.util.Set<Integer> actionColumn = new java.util.HashSet<>();
        for (String l : lines) {
            for (String action : new String[] {"report.view", "roster.import", "role.change", "content.version"}) {
                int at = l.indexOf("  " + action);
                if (at >= 0) {
                    actionColumn.add(at);
                }
            }
        }
        assertEquals(1, actionColumn.size(), String.join("\n", lines));
    }

    /** Publishes a new version: the version raised in every language and one sentence added to a section. */
    private void bump(String version, String sentence) throws IOException {
        for (String lang : new String[] {"en", "zh"}) {
            Path p = content.resolve("social-media/policy." + lang + ".md");
            String s = Files.readString(p).replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"");
            if (lang.equals("en")) {
                int section = s.indexOf("{#identifying-yourself}");
                int end = s.indexOf('\n', s.indexOf("> **In short:**", section));
                s = s.substring(0, end) + " " + sentence + s.substring(end);
            }
            Files.writeString(p, s);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
