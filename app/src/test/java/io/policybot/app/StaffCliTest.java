package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke tests of {@code roster import}, {@code report}, {@code gaps} and {@code audit}. */
class StaffCliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            var cli = PolicyBotCommand.commandLine();
            cli.setErr(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8));
            int code = cli.execute(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void importReportGapsAndAudit() throws Exception {
        Path data = dir.resolve("data");
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, """
                platform,platform_user_id,name,email,team,manager_email,joined_on,role
                slack,U1,Ada Boss,ada@acme.example,Exec,,2020-01-06,hr
                slack,U2,Bo Lead,bo@acme.example,Sales,ada@acme.example,2021-03-01,
                slack,U3,Cy Junior,cy@acme.example,Sales,bo@acme.example,2026-10-01,
                """);
        Run imported = run("--data", data.toString(), "roster", "import", roster.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("Imported roster.csv: 3 created, 0 updated, 1 role changes."), imported.out());

        Path csv = dir.resolve("sales.csv");
        Run report = run("--data", data.toString(), "report", "--team", "Sales", "--csv", csv.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().contains("Training report: team Sales"), report.out());
        assertEquals(3, Files.readAllLines(csv).size());

        Run asBo = run("--data", data.toString(), "report", "--as", "slack:U2");
        assertTrue(asBo.out().contains("Training report: your reports"), asBo.out());
        Run refused = run("--data", data.toString(), "report", "--as", "slack:U3", "--person", "ada@acme.example");
        assertEquals(3, refused.code());
        assertTrue(refused.out().contains("You can only see your own training record."), refused.out());

        Run gaps = run("--data", data.toString(), "gaps", "--days", "7");
        assertEquals(0, gaps.code(), gaps.err());
        assertTrue(gaps.out().contains("No declined or 👎 questions in the last 7 days."), gaps.out());

        Run audit = run("--data", data.toString(), "audit", "--limit", "10");
        assertEquals(0, audit.code(), audit.err());
        String[] lines = audit.out().strip().split("\n");
        assertTrue(lines[0].contains("slack:U3") && lines[0].contains("refused") && lines[0].contains("report slack:U1"), lines[0]);
        assertTrue(audit.out().contains("report.export"), audit.out());
        assertTrue(audit.out().contains("role.change") && audit.out().contains("none -> hr"), audit.out());
        assertTrue(audit.out().contains("roster.import"), audit.out());
    }

    @Test
    void aBadRosterNamesItsRowsAndImportsNothing() throws Exception {
        Path roster = dir.resolve("bad.csv");
        Files.writeString(roster, "platform,platform_user_id,name,joined_on\nslack,U1,Ada,2020-02-30\nslack,U1,Ada again,\n");
        Run run = run("--data", dir.resolve("data").toString(), "roster", "import", roster.toString());
        assertEquals(1, run.code(), "a roster that cannot be imported failed (exit 1), like invalid content");
        assertTrue(run.err().contains("row 2: joined_on '2020-02-30' is not a date (YYYY-MM-DD)"), run.err());
        assertTrue(run.err().contains("row 3: duplicate id slack:U1 (already on row 2)"), run.err());
    }
}
