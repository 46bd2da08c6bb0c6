package io.policybot.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.Contact;
import io.policybot.content.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner and the contact a document states about itself become the policy's owner and the contact its
 * "I don't know" replies give, as HR reads them in the front matter and the import report.
 */
class StatedOwnershipTest {
    @TempDir
    Path dir;

    private ImportReport importInto(Path file, String policy, String lang, String owner, String contact) throws IOException {
        ImportReport r = new PolicyImporter(PolicyImporterTest.CLOCK).run(new PolicyImporter.Request(List.of(file), policy, lang,
                dir.resolve("content"), null, owner, null, contact));
        assertTrue(r.ok(), r.problems().toString());
        return r;
    }

    private Contact declinesGoTo(String policy, String lang) {
        ContentLibrary lib = new ContentLoader().load(dir.resolve("content"));
        PolicyDocument doc = lib.policy(policy).orElseThrow().exactDocument(lang).orElseThrow();
        return doc.contact(lib.settings()).orElseThrow();
    }

    @Test
    void aWordDocumentControlTableGivesTheOwnerAndTheContact() throws IOException {
        Path docx = TestDocuments.docx(dir.resolve("leave.docx"), TestDocuments.outline("""
                # Leave Policy
                | Owner | People team |
                | Contact | people@northwind.com |
                ## Asking
                Ask your manager a week ahead.
                """));
        ImportReport r = importInto(docx, "leave", "en", null, null);
        String text = Files.readString(r.written());
        assertTrue(text.contains("owner: \"People team\""), text);
        assertEquals("Owner: People team, from the document: 'Owner | People team'", r.ownerLine());
        Contact c = declinesGoTo("leave", "en");
        assertEquals("People team: people@northwind.com", c.plain(), "the address alone takes the owner's name");
        assertTrue(r.contactLine().endsWith("from the document: 'Contact | people@northwind.com'"), r.contactLine());
        assertTrue(!r.placeholderContact());
    }

    @Test
    void labelledLinesInEnglishAndChineseGiveThem() throws IOException {
        Path md = Files.writeString(dir.resolve("travel.md"), """
                # Travel Policy

                Policy owner: Finance operations

                Questions? Email travel@northwind.com or ask in #travel-desk

                ## Booking

                Book through the portal.
                """);
        importInto(md, "travel", "en", null, null);
        assertEquals("Finance operations: travel@northwind.com, #travel-desk", declinesGoTo("travel", "en").plain());

        Path zh = Files.writeString(dir.resolve("expenses.zh.md"), """
                # 报销制度

                负责部门：财务部

                联系方式：finance@northwind.cn

                ## 报销

                出差结束后30天内提交报销。
                """);
        ImportReport r = importInto(zh, "expenses", "zh", null, null);
        assertTrue(Files.readString(r.written()).contains("owner: \"财务部\""));
        assertEquals("财务部: finance@northwind.cn", declinesGoTo("expenses", "zh").plain());
    }

    @Test
    void aSentenceThatMentionsAnOwnerOrAnAddressIsNotTaken() throws IOException {
        Path md = Files.writeString(dir.resolve("travel.md"), """
                # Travel Policy

                Every traveller is the owner of their own booking. You can contact the travel desk at travel@northwind.com.

                ## Booking

                Book through the portal.
                """);
        ImportReport r = importInto(md, "travel", "en", null, null);
        assertEquals("Owner: HR, the default: the document names no owner", r.ownerLine());
        assertTrue(r.placeholderContact(), "declines still go to the copied settings' example contact: " + r.contactLine());
        assertTrue(r.contactLine().contains("a placeholder from"), r.contactLine());
    }

    @Test
    void givenOptionsWinAndAReImportFollowsTheDocumentsNewOwner() throws IOException {
        Path md = dir.resolve("travel.md");
        Files.writeString(md, """
                # Travel Policy

                | Owner | Finance operations |
                |---|---|

                ## Booking

                Book through the portal.
                """);
        ImportReport given = importInto(md, "travel", "en", "Travel desk", "hr");
        assertEquals("Owner: Travel desk, as given with --owner", given.ownerLine());
        assertTrue(given.notes().stream().anyMatch(n -> n.contains("the document names its owner 'Finance operations'")), given.notes().toString());

        Files.writeString(md, Files.readString(md).replace("Finance operations", "Procurement").replace("the portal", "the new portal"));
        ImportReport again = importInto(md, "travel", "en", null, null);
        assertEquals("Owner: Procurement, from the document: 'Owner | Procurement'", again.ownerLine());
    }
}
