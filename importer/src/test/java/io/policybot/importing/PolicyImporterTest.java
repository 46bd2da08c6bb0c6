package io.policybot.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.answering.Answer;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.OnnxEmbedders;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.answering.VectorCache;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.Passage;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Word, PDF, HTML and Markdown policies built here import into content that validates and answers, with no hand editing. */
class PolicyImporterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    /** A short expenses policy with what real ones have: nested lists, a table, an FAQ, a picture and a footnote. */
    static final String EXPENSES = """
            # Travel and Expenses Policy
            This policy explains what Northwind pays for when you travel for work and how to claim it back.
            ## Booking travel
            Book all flights and hotels through the travel portal at least 14 days before you travel.
            - Economy class for flights under six hours.
            - Premium economy for flights of six hours or more, with your manager's approval.
            - Trains instead of flights for journeys under three hours.
            ### Hotels
            Choose a hotel within the nightly limit for the city you visit.
            [image]
            ## Meals and daily allowances
            Meals are paid through a daily allowance instead of receipts.
            | City group | Daily meal allowance | Hotel limit per night |
            | London, New York, Tokyo | 75 EUR | 250 EUR |
            | Other capitals | 60 EUR | 180 EUR |
            | Everywhere else | 45 EUR | 140 EUR |
            [footnote] Allowances are reviewed every January by Finance.
            ## Claiming expenses
            Claim your expenses within 30 days of the trip in the expenses app.
            - Receipts are needed for:
              - taxis and ride-hailing over 20 EUR;
              - hotel stays;
              - conference fees.
            - Claims older than 90 days are not paid.
            ## Frequently asked questions
            **Can I claim a taxi to the airport?**
            Yes, when the trip starts before 6 am or public transport takes more than twice as long.
            **Who approves my expense claim?**
            Your line manager approves claims up to 2,000 EUR; larger claims also need the Finance director.
            """;

    @TempDir
    Path dir;

    @Test
    void aWordDocumentBecomesSectionsWithSubHeadingsNestedListsATableAndAnFaq() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("expenses.docx"), TestDocuments.outline(EXPENSES));
        ImportReport report = importInto(docx, "travel-expenses");
        assertTrue(report.ok(), report.problems().toString());
        PolicyDocument doc = load().policy("travel-expenses").orElseThrow().document("en");
        assertEquals("Travel and Expenses Policy", doc.title());
        assertEquals(List.of("booking-travel", "meals-and-daily-allowances", "claiming-expenses", "frequently-asked-questions"),
                doc.sections().stream().map(Section::id).toList(), "every heading; the short first paragraph is the introduction");
        assertTrue(doc.intro().startsWith("This policy explains"));
        checkStructure(doc);
        assertEquals(1, report.dropped().stream().filter(d -> d.kind().equals("image")).count(), report.dropped().toString());
        assertTrue(report.dropped().stream().anyMatch(d -> d.kind().equals("footnote") && d.detail().contains("reviewed every January")));
        assertEquals(4, report.shortAnswerMissing().size(), "no section has a short answer yet");
    }

    @Test
    void aPdfBecomesTheSameSections() throws IOException {
        Path pdf = TestDocuments.pdf(dir.resolve("expenses.pdf"), TestDocuments.outline(EXPENSES));
        ImportReport report = importInto(pdf, "travel-expenses");
        assertTrue(report.ok(), report.problems().toString());
        PolicyDocument doc = load().policy("travel-expenses").orElseThrow().document("en");
        assertEquals("Travel and Expenses Policy", doc.title());
        assertEquals(List.of("booking-travel", "meals-and-daily-allowances", "claiming-expenses", "frequently-asked-questions"),
                doc.sections().stream().map(Section::id).toList(), Files.readString(report.written()));
        checkStructure(doc);
        assertTrue(report.dropped().stream().anyMatch(d -> d.kind().equals("image")), report.dropped().toString());
        assertTrue(report.dropped().stream().anyMatch(d -> d.kind().equals("footnote") && d.detail().contains("reviewed every January")),
                report.dropped().toString());
        assertFalse(Files.readString(report.written()).contains("Page 1"), "page numbers are not policy text");
    }

    private static void checkStructure(PolicyDocument doc) {
        Section booking = doc.section("booking-travel").orElseThrow();
        assertTrue(booking.passages().stream().anyMatch(p -> p.group().equals("Hotels") && p.plain().contains("nightly limit")),
                "the sub-heading groups its text: " + booking.passages());
        assertEquals(3, booking.passages().stream().filter(p -> p.kind() == Passage.Kind.RULE).count());
        Section meals = doc.section("meals-and-daily-allowances").orElseThrow();
        List<Passage> rows = meals.passages().stream().filter(p -> p.kind() == Passage.Kind.TABLE_ROW).toList();
        assertEquals(3, rows.size(), meals.passages().toString());
        assertEquals("City group: Other capitals · Daily meal allowance: 60 EUR · Hotel limit per night: 180 EUR", rows.get(1).markdown());
        Section claims = doc.section("claiming-expenses").orElseThrow();
        assertTrue(claims.passages().stream().anyMatch(p -> p.markdown().startsWith("hotel stays")
                        && p.plain().startsWith("Receipts are needed for:")),
                "a nested item is its own passage and keeps its parent's words for search: " + claims.passages());
        Section faq = doc.section("frequently-asked-questions").orElseThrow();
        List<Passage> answers = faq.passages().stream().filter(p -> p.kind() == Passage.Kind.FAQ).toList();
        assertEquals(List.of("Can I claim a taxi to the airport?", "Who approves my expense claim?"),
                answers.stream().map(Passage::question).toList());
        assertTrue(answers.getFirst().markdown().startsWith("Yes, when the trip starts before 6 am"));
    }

    @Test
    void theImportedPolicyAnswersStraightAway() throws IOException {
        importInto(TestDocuments.docx(dir.resolve("expenses.docx"), TestDocuments.outline(EXPENSES)), "travel-expenses");
        QuestionAnswerer bot = engine(load());
        Answer allowance = bot.answer("what is the daily meal allowance in Tokyo?", "en");
        assertEquals("meals-and-daily-allowances", allowance.citation().sectionId(), allowance.toString());
        assertTrue(allowance.shortAnswer().contains("75 EUR"),
                "without an In short answer the best-matching passage (here a table row) leads: " + allowance.shortAnswer());
        // FAQ answers are found, though a topical section can still rank above them (retrieval, issue 9)
        for (String q : List.of("who has to approve my expense claim?", "can I expense a taxi to the airport")) {
            Answer a = bot.answer(q, "en");
            assertTrue(a.answered() && a.sections().stream().limit(3).anyMatch(s -> s.sectionId().equals("frequently-asked-questions")),
                    a.toString());
        }
        assertFalse(bot.answer("what is the wifi password in the office?", "en").answered());
    }

    @Test
    void anHtmlPageWithoutItsNavigationBecomesAPolicy() throws IOException {
        Path html = dir.resolve("leave.html");
        Files.writeString(html, """
                <!doctype html><html><head><title>Parental leave | Intranet</title><script>var x = 1;</script></head>
                <body><nav><a href="/">Home</a> <a href="/hr">HR</a></nav>
                <main>
                  <h1>Parental Leave Policy</h1>
                  <p>Every parent at Northwind can take paid leave when a child arrives.</p>
                  <h2>How much leave you get</h2>
                  <p>Birth parents get <strong>26 weeks</strong> at full pay; partners get 12 weeks at full pay.</p>
                  <ul><li>Adoptive parents get the same as birth parents.<ul><li>from the placement date</li></ul></li>
                      <li>Leave can be split into up to three blocks.</li></ul>
                  <img src="family.jpg" alt="A family photo">
                  <h2>Telling us</h2>
                  <table><tr><th>What</th><th>When</th></tr><tr><td>Tell your manager</td><td>15 weeks before the due date</td></tr>
                         <tr><td>Book the dates in Workday</td><td>8 weeks before</td></tr></table>
                  <h2>Questions</h2>
                  <dl><dt>Can I work during my leave?</dt><dd>Yes, up to ten keeping-in-touch days, paid as normal.</dd>
                      <dt>Does leave affect my bonus?</dt><dd>No, your bonus is calculated as if you had worked.</dd></dl>
                  <details><summary>Can I take leave if I have worked here less than a year?</summary><p>Yes, from your first day.</p></details>
                </main><footer>© Northwind 2026</footer></body></html>
                """);
        ImportReport report = importInto(html, "parental-leave");
        assertTrue(report.ok(), report.problems().toString());
        PolicyDocument doc = load().policy("parental-leave").orElseThrow().document("en");
        assertEquals("Parental Leave Policy", doc.title());
        assertEquals(List.of("how-much-leave-you-get", "telling-us", "questions"), doc.sections().stream().map(Section::id).toList());
        String text = Files.readString(report.written());
        assertFalse(text.contains("Home") || text.contains("var x") || text.contains("© Northwind"), text);
        assertEquals(3, doc.section("questions").orElseThrow().passages().stream().filter(p -> p.kind() == Passage.Kind.FAQ).count());
        assertEquals(2, doc.section("telling-us").orElseThrow().passages().stream().filter(p -> p.kind() == Passage.Kind.TABLE_ROW).count());
        assertTrue(report.dropped().stream().anyMatch(d -> d.detail().equals("A family photo")));
        QuestionAnswerer bot = engine(load());
        Answer a = bot.answer("can I do some work while on parental leave?", "en");
        assertEquals("questions", a.citation().sectionId(), a.toString());
        assertTrue(a.shortAnswer().contains("keeping-in-touch") || a.passages().stream().anyMatch(p -> p.markdown().contains("keeping-in-touch")),
                a.toString());
    }

    /**
     * A document-control table (labels down the side, no header row) becomes one rule per label, "Owner: People
     * team", instead of a table whose first label and value read as column names; a table with a header row stays a
     * table.
     */
    @Test
    void aTableOfLabelsAndValuesBecomesOneRulePerLabel() throws IOException {
        Path html = dir.resolve("dress.html");
        Files.writeString(html, """
                <html><body><h1>Dress Code Policy</h1>
                <table><tr><th>Owner</th><td>People team</td></tr><tr><th>Applies to</th><td>All office staff</td></tr></table>
                <h2>What to wear</h2><p>Business casual from Monday to Thursday.</p>
                <table><tr><th>Day</th><th>Dress</th></tr><tr><td>Friday</td><td>Casual</td></tr></table>
                </body></html>
                """);
        Path docx = dir.resolve("dress.docx");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.OutputStream out = Files.newOutputStream(docx)) {
            doc.createParagraph().createRun().setText("Dress Code Policy");
            var table = doc.createTable(2, 2);
            String[][] cells = {{"Owner", "People team"}, {"Applies to", "All office staff"}};
            for (int r = 0; r < 2; r++) {
                var label = table.getRow(r).getCell(0).getParagraphs().getFirst().createRun();
                label.setText(cells[r][0]);
                label.setBold(true);
                table.getRow(r).getCell(1).getParagraphs().getFirst().createRun().setText(cells[r][1]);
            }
            var h = doc.createParagraph();
            h.setStyle("Heading1");
            h.createRun().setText("What to wear");
            doc.createParagraph().createRun().setText("Business casual from Monday to Thursday.");
            doc.write(out);
        }
        for (Path file : List.of(html, docx)) {
            ImportReport report = importInto(file, "dress-code");
            assertTrue(report.ok(), report.problems().toString());
            String text = Files.readString(report.written());
            assertTrue(text.contains("- Owner: People team\n- Applies to: All office staff\n"), file + ":\n" + text);
            assertFalse(text.contains("| Owner |"), text);
            List<String> rules = load().policy("dress-code").orElseThrow().document("en").sections().stream()
                    .flatMap(sec -> sec.passages().stream()).filter(Passage::rule).map(Passage::plain).toList();
            assertTrue(rules.contains("Owner: People team"), file + ": " + rules);
        }
        assertTrue(Files.readString(importInto(html, "dress-code").written()).contains("| Day | Dress |"),
                "a header row keeps its table");
    }

    @Test
    void aMarkdownHandbookPageBecomesAPolicy() throws IOException {
        Path md = dir.resolve("security.md");
        Files.writeString(md, """
                ---
                title: Device security
                layout: handbook
                ---
                Everyone keeps their laptop and phone safe.

                ## Passwords and sign-in

                Use the password manager for every work account.

                1. At least 14 characters.
                2. Never reused between accounts.
                   - not even between work and personal accounts

                > Tip: a passphrase of four random words is easy to remember.

                ## Lost or stolen devices

                ![diagram](lost.png)

                | Device | Call |
                |---|---|
                | Laptop | IT service desk, +44 20 0000 0000 |
                | Phone | Security on-call |

                ### What happens next

                IT wipes the device remotely within an hour.

                ## FAQ

                ### Can I use my own phone for work email?
                Yes, with the company app installed and a screen lock.
                """);
        ImportReport report = importInto(md, "device-security");
        assertTrue(report.ok(), report.problems().toString());
        PolicyDocument doc = load().policy("device-security").orElseThrow().document("en");
        assertEquals("Device security", doc.title());
        assertEquals(List.of("passwords-and-sign-in", "lost-or-stolen-devices", "faq"), doc.sections().stream().map(Section::id).toList());
        Section passwords = doc.section("passwords-and-sign-in").orElseThrow();
        assertEquals("", passwords.shortAnswer(), "a blockquote that is not '**In short:**' is ordinary text");
        assertTrue(passwords.passages().stream().anyMatch(p -> p.markdown().contains("passphrase")));
        List<Passage> rows = doc.section("lost-or-stolen-devices").orElseThrow().passages().stream()
                .filter(p -> p.kind() == Passage.Kind.TABLE_ROW).toList();
        assertEquals(2, rows.size());
        // Each cell is its own text: no table pipes carried into it (the table renderer ends cells with " | ").
        assertTrue(rows.getFirst().plain().contains("Device: Laptop · Call: IT service desk"), rows.getFirst().plain());
        assertTrue(rows.stream().noneMatch(p -> p.markdown().contains("\\|")), rows.toString());
        assertEquals("Can I use my own phone for work email?", doc.section("faq").orElseThrow().passages().getFirst().question());
        assertTrue(report.dropped().stream().anyMatch(d -> d.kind().equals("image")));
    }

    @Test
    void aReImportOfARevisedDocumentKeepsTheIdsAndReportsWhatChanged() throws IOException {
        importInto(TestDocuments.docx(dir.resolve("expenses.docx"), TestDocuments.outline(EXPENSES)), "travel-expenses");
        // HR adds a short answer by hand after the first import: a re-import keeps it
        Path file = dir.resolve("content/travel-expenses/policy.en.md");
        String text = Files.readString(file).replace("## Booking travel {#booking-travel}\n\n",
                "## Booking travel {#booking-travel}\n\n> **In short:** Book through the travel portal, economy under six hours.\n\n");
        Files.writeString(file, text);
        String revised = EXPENSES
                .replace("at least 14 days before", "at least 21 days before")           // changed
                .replace("## Claiming expenses", "## Claiming your expenses")               // renamed, same text
                .replace("## Frequently asked questions", """
                        ## Travel insurance
                        Northwind's travel insurance covers every work trip, including medical costs abroad.
                        ## Frequently asked questions""");                                   // added
        String withoutMeals = revised.substring(0, revised.indexOf("## Meals")) + revised.substring(revised.indexOf("## Claiming"));
        ImportReport again = importInto(TestDocuments.docx(dir.resolve("expenses-v2.docx"), TestDocuments.outline(withoutMeals)),
                "travel-expenses");
        assertTrue(again.ok(), again.problems().toString());
        assertEquals("1.0", again.fromVersion());
        assertEquals("1.1", again.version(), "a changed text gets a new version, so that it can be published");
        assertEquals(List.of("travel-insurance"), again.added().stream().map(ImportReport.Change::sectionId).toList());
        assertEquals(List.of("booking-travel", "claiming-expenses"), again.changed().stream().map(ImportReport.Change::sectionId).toList(),
                "the renamed heading keeps its id");
        assertEquals(List.of("meals-and-daily-allowances"), again.removed().stream().map(ImportReport.Change::sectionId).toList());
        PolicyDocument doc = load().policy("travel-expenses").orElseThrow().document("en");
        assertEquals("Book through the travel portal, economy under six hours.", doc.section("booking-travel").orElseThrow().shortAnswer());
        assertEquals("Claiming your expenses", doc.section("claiming-expenses").orElseThrow().title());

        ImportReport same = importInto(TestDocuments.docx(dir.resolve("expenses-v3.docx"), TestDocuments.outline(withoutMeals)),
                "travel-expenses");
        assertTrue(same.unchanged(), same.toString());
        assertEquals("1.1", same.version());
    }

    @Test
    void aDocumentThatCannotBeReadChangesNothingAndSaysWhy() throws IOException {
        Path fake = dir.resolve("policy.docx");
        Files.writeString(fake, "this is not a Word file");
        var e = org.junit.jupiter.api.Assertions.assertThrows(PolicyImporter.ImportException.class, () -> importInto(fake, "x"));
        assertTrue(e.getMessage().contains("policy.docx: cannot be read as docx"), e.getMessage());
        var old = org.junit.jupiter.api.Assertions.assertThrows(PolicyImporter.ImportException.class,
                () -> importInto(Files.writeString(dir.resolve("old.doc"), "x"), "x"));
        assertTrue(old.getMessage().contains("save it as .docx"), old.getMessage());
        assertFalse(Files.exists(dir.resolve("content/x/policy.en.md")));
    }

    /** A Word document typed without heading styles: "1. Purpose" in bold on its own line, as many real ones are. */
    static Path boldHeadingDocx(Path file, String... paragraphs) throws IOException {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.OutputStream out = Files.newOutputStream(file)) {
            for (String p : paragraphs) {
                boolean bold = p.startsWith("**");
                var run = doc.createParagraph().createRun();
                run.setText(bold ? p.substring(2).replaceAll("\\*\\*$", "") : p);
                run.setBold(bold);
            }
            doc.write(out);
        }
        return file;
    }

    @Test
    void boldNumberedLinesWithoutHeadingStylesBecomeSectionsWhoseIdsSurviveRenumbering() throws IOException {
        Path docx = boldHeadingDocx(dir.resolve("clean-desk.docx"), "**Clean Desk Policy",
                "This policy keeps papers and screens safe in the office.",
                "**1. Purpose", "Confidential papers left on desks are the most common cause of small leaks.",
                "**2. Rules", "Clear your desk of papers at the end of every day and lock them in your pedestal.",
                "**2.1 Screens", "Lock your screen whenever you leave your desk, even for a minute.",
                "**3. Questions", "**Can I leave my notebook on my desk overnight?**", "Only if it holds nothing confidential.");
        ImportReport report = importInto(docx, "clean-desk");
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("short bold lines were read as headings")), report.notes().toString());
        PolicyDocument doc = load().policy("clean-desk").orElseThrow().document("en");
        assertEquals("Clean Desk Policy", doc.title());
        assertEquals(List.of("purpose", "rules", "questions"), doc.sections().stream().map(Section::id).toList());
        assertEquals("2. Rules", doc.section("rules").orElseThrow().title());
        assertTrue(doc.section("rules").orElseThrow().passages().stream().anyMatch(p -> p.group().contains("Screens")),
                doc.section("rules").orElseThrow().passages().toString());
        assertEquals("Can I leave my notebook on my desk overnight?",
                doc.section("questions").orElseThrow().passages().getFirst().question());

        // The revision inserts a section: the others are renumbered and keep their ids; only the new one is added.
        boldHeadingDocx(docx, "**Clean Desk Policy",
                "This policy keeps papers and screens safe in the office.",
                "**1. Purpose", "Confidential papers left on desks are the most common cause of small leaks.",
                "**2. Printing", "Collect what you print at once; the printers hold jobs for one hour.",
                "**3. Rules", "Clear your desk of papers at the end of every day and lock them in your pedestal.",
                "**3.1 Screens", "Lock your screen whenever you leave your desk, even for a minute.",
                "**4. Questions", "**Can I leave my notebook on my desk overnight?**", "Only if it holds nothing confidential.");
        ImportReport again = importInto(docx, "clean-desk");
        assertTrue(again.ok(), again.problems().toString());
        assertEquals(List.of("printing"), again.added().stream().map(ImportReport.Change::sectionId).toList());
        assertTrue(again.removed().isEmpty(), again.removed().toString());
        assertEquals(List.of("purpose", "printing", "rules", "questions"),
                load().policy("clean-desk").orElseThrow().document("en").sections().stream().map(Section::id).toList());
    }

    @Test
    void aPdfTableCellThatWrapsOntoSeveralLinesStaysOneCell() throws IOException {
        Path pdf = TestDocuments.pdf(dir.resolve("allowances.pdf"), TestDocuments.outline("""
                # Home Working Policy
                ## Allowances
                Acme pays towards the costs of working from home.
                | Item | What Acme pays | How to get it |
                | Home office allowance | 30 EUR a month for mostly remote and fully remote employees | Paid automatically with your salary |
                | Internet | Up to 25 EUR a month towards your broadband bill for fully remote employees | Claim in the expenses app with a copy of your bill |
                | Chair | One chair every five years | Order it |
                Allowances are taxed according to local rules.
                """));
        ImportReport report = importInto(pdf, "home-working");
        assertTrue(report.ok(), report.problems().toString());
        List<String> passages = load().policy("home-working").orElseThrow().document("en").section("allowances").orElseThrow()
                .passages().stream().map(Passage::plain).toList();
        assertTrue(passages.stream().anyMatch(p -> p.contains("30 EUR a month for mostly remote and fully remote employees")
                && p.contains("Paid automatically with your salary") && !p.contains("Chair")), passages.toString());
        assertTrue(passages.stream().anyMatch(p -> p.contains("One chair every five years") && p.contains("Order it")),
                passages.toString());
        // A cell that fills its column comes closer to the next than a cell gap: the table's columns split it.
        assertTrue(passages.stream().anyMatch(p -> p.contains("What Acme pays: Up to 25 EUR a month towards your broadband bill"
                + " for fully remote employees") && p.contains("How to get it: Claim in the expenses app with a copy of your bill")),
                passages.toString());
        assertTrue(passages.stream().anyMatch(p -> p.startsWith("Allowances are taxed")), "the paragraph after the table"
                + " stays a paragraph: " + passages);
    }

    @Test
    void theEffectiveDateIsTheOneAskedForAndADateStillToComeSurvivesAReImport() throws IOException {
        Path v1 = TestDocuments.docx(dir.resolve("v1.docx"), TestDocuments.outline("# Leave\n## Asking\nAsk your manager."));
        Path content = dir.resolve("content");
        new PolicyImporter(CLOCK).run(new PolicyImporter.Request(List.of(v1), "leave", "en", content, null, null, null, null,
                java.time.LocalDate.parse("2027-01-01")));
        Path file = content.resolve("leave/policy.en.md");
        assertTrue(read(file).contains("effective: 2027-01-01"), read(file));
        // A revised document: the date HR set, still to come, is kept (it was reset to today).
        Path v2 = TestDocuments.docx(dir.resolve("v2.docx"), TestDocuments.outline("# Leave\n## Asking\nAsk your manager a week ahead."));
        importInto(v2, "leave");
        assertTrue(read(file).contains("effective: 2027-01-01"), read(file));
        // One already past gives way to today for a changed text.
        Files.writeString(file, read(file).replace("effective: 2027-01-01", "effective: 2026-01-01"));
        Path v3 = TestDocuments.docx(dir.resolve("v3.docx"), TestDocuments.outline("# Leave\n## Asking\nAsk your manager two weeks ahead."));
        importInto(v3, "leave");
        assertTrue(read(file).contains("effective: 2026-12-01"), read(file));
    }

    @Test
    void anImportThatDoesNotLoadLeavesTheContentDirectoryAsItWas() throws IOException {
        importInto(TestDocuments.docx(dir.resolve("expenses.docx"), TestDocuments.outline(EXPENSES)), "travel-expenses");
        Path content = dir.resolve("content");
        List<String> before;
        try (var files = Files.walk(content)) {
            before = files.map(f -> content.relativize(f).toString()).sorted().toList();
        }
        ImportReport rejected = new PolicyImporter(CLOCK).run(new PolicyImporter.Request(
                List.of(TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline("# Leave\n## Asking for leave\nAsk your manager."))),
                "leave", "en", content, null, null, null, "no-such-contact"));
        assertFalse(rejected.ok(), "an unknown contact must refuse the import");
        assertTrue(rejected.problems().toString().contains("no-such-contact"), rejected.problems().toString());
        List<String> after;
        try (var files = Files.walk(content)) {
            after = files.map(f -> content.relativize(f).toString()).sorted().toList();
        }
        assertEquals(before, after, "no empty policy folder or other file is left behind");
    }

    private ImportReport importInto(Path file, String policy) throws IOException {
        return new PolicyImporter(CLOCK).run(new PolicyImporter.Request(List.of(file), policy, "en", dir.resolve("content"),
                null, null, null, null));
    }

    /** The engine as it ships: BM25 and sentence embeddings. */
    static QuestionAnswerer engine(ContentLibrary library) {
        return new QuestionAnswerer(library, AnsweringSettings.DEFAULTS, EMBEDDERS, VECTORS);
    }

    private static final OnnxEmbedders EMBEDDERS = new OnnxEmbedders();
    /** The same on-disk cache as bot-core's tests: the bundled policy's vectors are computed once per machine. */
    private static final VectorCache VECTORS = new VectorCache(Path.of(System.getProperty("java.io.tmpdir"), "policybot-test-vectors"));

    private ContentLibrary load() {
        return new ContentLoader().load(dir.resolve("content"));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
