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
    void declinesGoToTheContactTheDocumentStatesAndAPlaceholderContactIsFlagged() throws Exception {
        String[] common = {"--no-embeddings", "--data", dir.resolve("data").toString()};
        // no contact in the document: the copied settings' example address is what declines would give, and both
        // the import and lint say so
        Path plain = Files.writeString(dir.resolve("office-access.md"), HANDBOOK);
        Path first = dir.resolve("first");
        Run imported = run(concat(common, "content", "import", plain.toString(), "--policy", "office-access", "--into", first.toString()));
        assertEquals(0, imported.code(), imported.out() + imported.err());
        assertTrue(imported.out().contains("Owner: HR, the default: the document names no owner"), imported.out());
        assertTrue(imported.out().contains("Needs a look before people use it: questions this policy does not answer send people "
                + "to People & Culture (HR): hr@acme.example"), imported.out());
        Run lint = run(concat(common, "content", "lint", first.toString()));
        assertTrue(lint.out().contains("office-access/policy.en.md: questions this policy does not answer send people to "
                + "People & Culture (HR): hr@acme.example, #ask-hr, an example address"), lint.out());

        // a document-control table naming the owner and a contact: the policy's own, and what "I don't know" gives
        Path html = Files.writeString(dir.resolve("office-access.html"), "<html><body><main><h1>Office access</h1>"
                + "<table><tr><th>Owner</th><td>Workplace team</td></tr>"
                + "<tr><th>Contact</th><td>workplace@northwind.com, #ask-workplace</td></tr></table>"
                + "<h2>Badges</h2><p>Wear your badge at all times in the building.</p>"
                + "<h2>Visitors</h2><p>Sign visitors in at reception and stay with them.</p></main></body></html>");
        Path second = dir.resolve("second");
        Run stated = run(concat(common, "content", "import", html.toString(), "--policy", "office-access", "--into", second.toString()));
        assertEquals(0, stated.code(), stated.out() + stated.err());
        assertTrue(stated.out().contains("Owner: Workplace team, from the document: 'Owner | Workplace team'"), stated.out());
        assertTrue(stated.out().contains("Questions it does not answer go to Workplace team: workplace@northwind.com, #ask-workplace, "
                + "from the document: 'Contact | workplace@northwind.com, #ask-workplace'"), stated.out());
        assertFalse(stated.out().contains("Needs a look before people use it"), stated.out());
        Run declined = run(concat(common, "--content", second.toString(), "ask", "what is the canteen lunch menu on friday?"));
        assertEquals(0, declined.code(), declined.err());
        assertTrue(declined.out().contains("workplace@northwind.com"), declined.out());
        assertFalse(declined.out().contains("acme.example"), declined.out());
        Run quiet = run(concat(common, "content", "lint", second.toString()));
        assertFalse(quiet.out().contains("an example address"), quiet.out());
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
