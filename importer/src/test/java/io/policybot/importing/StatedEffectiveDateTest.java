package io.policybot.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The effective date a document states about itself becomes the imported version's, as HR reads it in the front matter
 * and the import report. The clock is fixed at 2026-12-01.
 */
class StatedEffectiveDateTest {
    private static final String LEAVE = """
            # Leave Policy
            Effective date: 1 March 2027
            This policy explains how to ask for leave.
            ## Asking
            Ask your manager a week ahead.
            ## Sick leave
            Tell your manager before 10 am.
            """;

    @TempDir
    Path dir;

    @Test
    void aWordDocumentsEffectiveDateLineBecomesTheEffectiveDateAndStaysInTheText() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline(LEAVE));
        ImportReport report = takesStatedDate(docx, "en", "2027-03-01", "Effective date: 1 March 2027");
        assertTrue(Files.readString(report.written()).contains("\nEffective date: 1 March 2027\n"), "the line is kept in the text");
    }

    @Test
    void aMetadataTableInWordGivesTheDate() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline("""
                # Leave Policy
                | Version | 2.0 |
                | Effective from | March 1, 2027 |
                | Owner | People team |
                ## Asking
                Ask your manager a week ahead.
                """));
        takesStatedDate(docx, "en", "2027-03-01", "Effective from | March 1, 2027");
    }

    @Test
    void aChineseMarkdownPageAndAChineseHtmlPageGiveTheirDates() throws IOException {
        Path md = Files.writeString(dir.resolve("leave.zh.md"), """
                # 休假制度

                生效日期：2027年3月1日

                ## 申请

                请提前一周向经理申请。
                """);
        takesStatedDate(md, "zh", "2027-03-01", "生效日期：2027年3月1日");

        Path html = Files.writeString(dir.resolve("expenses.html"), """
                <html><body><main><h1>差旅报销制度</h1>
                <p>本制度自2027年4月1日起施行，原报销规定同时废止。</p>
                <h2>报销</h2><p>出差结束后30天内提交报销。</p></main></body></html>
                """);
        ImportReport fromHtml = new PolicyImporter(PolicyImporterTest.CLOCK).run(new PolicyImporter.Request(List.of(html),
                "expenses", "zh", dir.resolve("content"), null, null, null, null));
        assertTrue(fromHtml.ok(), fromHtml.problems().toString());
        assertEquals("Effective date 2027-04-01, from the document: '自2027年4月1日起施行'", fromHtml.effectiveLine());
        assertTrue(Files.readString(fromHtml.written()).contains("effective: 2027-04-01"));
    }

    @Test
    void aMarkdownPagesFrontMatterDateIsItsStatedDate() throws IOException {
        Path md = Files.writeString(dir.resolve("travel.md"), """
                ---
                title: Travel Policy
                effective: 2027-05-01
                ---

                ## Booking

                Book every trip through the travel desk.
                """);
        takesStatedDate(md, "en", "2027-05-01", "Effective date: 2027-05-01");
    }

    @Test
    void effectiveOnTheCommandLineWins() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline(LEAVE));
        ImportReport report = importInto(docx, "en", LocalDate.parse("2027-04-01"));
        assertEquals("2027-04-01", effective(report));
        assertEquals("Effective date 2027-04-01, as given with --effective", report.effectiveLine());
        assertTrue(report.notes().contains("the document states 'Effective date: 1 March 2027'; the effective date given with"
                + " --effective (2027-04-01) is used instead"), report.notes().toString());
    }

    @Test
    void aDocumentWithoutADateTakesEffectToday() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline(LEAVE.replace("Effective date: 1 March 2027\n", "")
                + "## Changes\nEffective from 1 April 2027 the notice is two weeks.\n"));
        ImportReport report = importInto(docx, "en", null);
        assertEquals("2026-12-01", effective(report), "a date deep in the text is about a rule, not the document");
        assertEquals("Effective date 2026-12-01, today (the document states no effective date; set one with --effective)",
                report.effectiveLine());
    }

    @Test
    void aDayMonthNumericDateIsNotTakenAndTheReportSaysWhy() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline(LEAVE.replace("Effective date: 1 March 2027",
                "Valid from 01/03/2027")));
        ImportReport report = importInto(docx, "en", null);
        assertEquals("2026-12-01", effective(report));
        assertTrue(report.notes().contains("the document states 'Valid from 01/03/2027', but 01/03/2027 can be read day first or"
                + " month first: the effective date was not taken from it; write it with the month in words or as YYYY-MM-DD,"
                + " or give --effective"), report.notes().toString());
        assertTrue(Files.readString(report.written()).contains("Valid from 01/03/2027"));
    }

    @Test
    void aRevisedDocumentCannotTakeEffectBeforeTheVersionItReplaces() throws IOException {
        // An old document imported as it is keeps its date in the past
        Path v1 = TestDocuments.docx(dir.resolve("v1.docx"), TestDocuments.outline(LEAVE.replace("1 March 2027", "1 June 2026")));
        assertEquals("2026-06-01", effective(importInto(v1, "en", null)));

        // revised, but still stating the old date: the revision takes effect today
        Path v2 = TestDocuments.docx(dir.resolve("v2.docx"), TestDocuments.outline(LEAVE.replace("1 March 2027", "1 June 2026")
                .replace("a week ahead", "two weeks ahead")));
        ImportReport same = importInto(v2, "en", null);
        assertEquals("2026-12-01", effective(same));
        assertTrue(same.notes().contains("the document still states 'Effective date: 1 June 2026', the effective date of the"
                + " version it replaces: the revised text takes effect 2026-12-01 instead; update the date in the document or"
                + " give --effective"), same.notes().toString());

        // revised with a date before the one the policy has
        Path v3 = TestDocuments.docx(dir.resolve("v3.docx"), TestDocuments.outline(LEAVE.replace("1 March 2027", "1 January 2026")
                .replace("a week ahead", "three weeks ahead")));
        ImportReport earlier = importInto(v3, "en", null);
        assertEquals("2026-12-01", effective(earlier));
        assertTrue(earlier.notes().contains("the document states 'Effective date: 1 January 2026', before 2026-12-01, the effective"
                + " date the policy has: a new version cannot take effect before the one it replaces, so it takes effect"
                + " 2026-12-01; give --effective to set another date"), earlier.notes().toString());

        // revised with a later date: that one
        Path v4 = TestDocuments.docx(dir.resolve("v4.docx"), TestDocuments.outline(LEAVE.replace("a week ahead", "a month ahead")));
        ImportReport later = importInto(v4, "en", null);
        assertEquals("2027-03-01", effective(later));
        assertEquals("Effective date 2027-03-01, from the document: 'Effective date: 1 March 2027'", later.effectiveLine());
    }

    @Test
    void theFormsOfAStatedDate() {
        assertEquals(Optional.of(LocalDate.parse("2027-03-01")), date("Effective from 2027-03-01"));
        assertEquals(Optional.of(LocalDate.parse("2027-03-01")), date("Applies from 1st March 2027"));
        assertEquals(Optional.of(LocalDate.parse("2027-03-01")), date("Date of effect: March 1, 2027"));
        assertEquals(Optional.of(LocalDate.parse("2027-09-01")), date("EFFECTIVE DATE: 1 SEPT 2027"));
        assertEquals(Optional.of(LocalDate.parse("2027-03-01")), date("Version 2.0 | Effective date: 1 Mar. 2027 | Owner: HR"));
        assertEquals(Optional.of(LocalDate.parse("2027-03-01")), date("（２０２７年３月１日起实施）"));
        assertEquals(Optional.empty(), date("It applies from 1 January 2027 and replaces the 2021 guidelines."), "prose, no label");
        assertEquals(Optional.empty(), date("Effective date: 31 February 2027"), "not a real day");
        assertEquals(Optional.empty(), date("Valid from 01/03/2027"));
        assertEquals(Optional.empty(), date("Effective date: to be agreed"));
    }

    private static Optional<LocalDate> date(String paragraph) {
        return StatedDates.find(List.of(new Block.Paragraph(paragraph, false))).stated().map(StatedDates.Stated::date);
    }

    /** Imports {@code file}; it loads and takes effect on {@code date}, the report quoting {@code statement}. */
    private ImportReport takesStatedDate(Path file, String lang, String date, String statement) throws IOException {
        ImportReport report = importInto(file, lang, null);
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(date, effective(report));
        assertEquals("Effective date " + date + ", from the document: '" + statement + "'", report.effectiveLine());
        return report;
    }

    private ImportReport importInto(Path file, String lang, LocalDate effective) throws IOException {
        return new PolicyImporter(PolicyImporterTest.CLOCK).run(new PolicyImporter.Request(List.of(file), "leave", lang,
                dir.resolve("content"), null, null, null, null, effective));
    }

    /** The {@code effective:} value of the written policy's front matter. */
    private static String effective(ImportReport report) throws IOException {
        return Files.readString(report.written()).lines().filter(l -> l.startsWith("effective: ")).findFirst().orElseThrow()
                .substring("effective: ".length());
    }
}
