package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HR's import workflow on the command line: import, validate, lint, ask, re-import a revised document. */
class ContentImportCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = PolicyBotCommand.commandLine().execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static final String HANDBOOK = """
            # Office access
            ## Badges
            Wear your badge at all times in the building.
            - Lost badges are replaced at reception for 10 EUR.
            ## Visitors
            Sign visitors in at reception and stay with them.
            ## FAQ
            **Can I lend my badge to a colleague?**
            No, badges are personal and logged at every door.
            """;

    @Test
    void importValidateLintAskAndReImport() throws Exception {
        Path content = dir.resolve("content");
        Path page = Files.writeString(dir.resolve("office-access.md"), HANDBOOK);
        String[] common = {"--no-embeddings", "--data", dir.resolve("data").toString()};

        Run imported = run(concat(common, "content", "import", page.toString(), "--policy", "office-access", "--into", content.toString()));
        assertEquals(0, imported.code(), imported.out() + imported.err());
        assertTrue(imported.out().contains("Recognised: 3 sections"), imported.out());
        assertTrue(imported.out().contains("1 FAQ question\n") || imported.out().contains("1 FAQ question" + System.lineSeparator()), imported.out());
        assertTrue(imported.out().contains("3 of 3 sections have no short answer"), imported.out());
        assertTrue(Files.exists(content.resolve("settings.yaml")), "a content directory that loads on its own");

        Run valid = run(concat(common, "content", "validate", content.toString()));
        assertEquals(0, valid.code(), valid.err());
        Run lint = run(concat(common, "content", "lint", content.toString()));
        assertEquals(0, lint.code(), lint.err());
        assertTrue(lint.out().contains("office-access/policy.en.md:") && lint.out().contains("has no short answer"), lint.out());
        assertTrue(lint.out().contains("acknowledgement only"), lint.out());

        Run ask = run(concat(common, "--content", content.toString(), "ask", "can I lend my badge to a colleague for a day?"));
        assertEquals(0, ask.code(), ask.err());
        assertTrue(ask.out().contains("badges are personal"), ask.out());

        Files.writeString(page, HANDBOOK.replace("10 EUR", "15 EUR").replace("## Visitors\nSign visitors in at reception and stay with them.\n", ""));
        Run again = run(concat(common, "content", "import", page.toString(), "--policy", "office-access", "--into", content.toString()));
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("version 1.1 (was 1.0)"), again.out());
        assertTrue(again.out().contains("changed  Badges (badges)"), again.out());
        assertTrue(again.out().contains("removed  Visitors (visitors)"), again.out());
    }

    @Test
    void anUnknownFileTypeIsBadUsageAndWritesNothing() throws Exception {
        Path sheet = Files.writeString(dir.resolve("rates.xlsx"), "x");
        Run r = run("content", "import", sheet.toString(), "--policy", "rates", "--into", dir.resolve("content").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown document type"), r.err());
        assertFalse(Files.exists(dir.resolve("content/rates/policy.en.md")));
        Run help = run("content", "import", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("--policy") && help.out().contains("Exit codes"), help.out());
    }

    @Test
    void anEffectiveDateThatIsNotARealDayIsBadUsageAndWritesNothing() throws Exception {
        Path page = Files.writeString(dir.resolve("office-access.md"), HANDBOOK);
        Run r = run("--no-embeddings", "content", "import", page.toString(), "--policy", "office-access", "--into",
                dir.resolve("content").toString(), "--effective", "2027-13-01");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'2027-13-01' is not a real date written YYYY-MM-DD"), r.err());
        assertFalse(Files.exists(dir.resolve("content/office-access/policy.en.md")));
        Run ok = run("--no-embeddings", "content", "import", page.toString(), "--policy", "office-access", "--into",
                dir.resolve("content").toString(), "--effective", "2027-01-01");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(Files.readString(dir.resolve("content/office-access/policy.en.md")).contains("effective: 2027-01-01"));
        assertTrue(ok.out().contains("Effective date 2027-01-01, as given with --effective"), ok.out());
    }

    @Test
    void theReportSaysWhichEffectiveDateTheDocumentStates() throws Exception {
        Path page = Files.writeString(dir.resolve("office-access.md"), HANDBOOK.replace("# Office access\n",
                "# Office access\n\nEffective date: 1 March 2027\n\n"));
        Run r = run("--no-embeddings", "content", "import", page.toString(), "--policy", "office-access", "--into",
                dir.resolve("content").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Effective date 2027-03-01, from the document: 'Effective date: 1 March 2027'"), r.out());
        assertTrue(Files.readString(dir.resolve("content/office-access/policy.en.md")).contains("effective: 2027-03-01"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
