package io.policybot.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.answering.Evaluation;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.Passage;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second policy of another kind: a ~2,000-word travel and expenses policy (limits in tables, rules in lists, an FAQ
 * of bold questions), built as a Word document here and imported with no hand editing beside the bundled social media
 * policy, asked 48 situational questions (written from the policy text before any run) and 7 it does not cover. The
 * DOCX is left in {@code importer/target/eval/expenses.docx} for {@code policybot content import} and {@code eval}.
 */
class ImportedExpensesPolicyQualityTest {
    static final Path QUESTIONS = Path.of("src/test/resources/expenses/questions.tsv");

    @TempDir
    static Path dir;
    static ContentLibrary library;
    static PolicyDocument doc;
    static QuestionAnswerer engine;

    @BeforeAll
    static void importTheExpensesPolicy() throws IOException {
        ImportedOutline imported = ImportedOutline.of("expenses", "expenses", "Finance", dir);
        library = imported.library();
        doc = library.policy("expenses").orElseThrow().document("en");
        engine = imported.engine();
    }

    @Test
    void theImportKeepsTheDocumentsStructureAsPassages() {
        assertEquals("Travel and Expenses Policy", doc.title());
        assertEquals(List.of("about-this-policy", "before-you-travel", "flights", "trains-cars-and-taxis", "hotels",
                "meals-and-daily-allowance", "client-entertainment", "what-is-not-reimbursed", "claiming-your-expenses",
                "corporate-card", "approval-and-payment", "travelling-safely", "misuse-of-expenses",
                "frequently-asked-questions", "contacts"), doc.sections().stream().map(Section::id).toList());
        // A table row is one readable passage with its column names, not a line of cells.
        List<String> hotels = plain("hotels");
        assertTrue(hotels.contains("City: Other capital cities; Limit per night: 180 EUR")
                || hotels.stream().anyMatch(p -> p.contains("Other capital cities") && p.contains("180 EUR")
                && p.contains("Limit per night") && !p.contains("250 EUR")), hotels.toString());
        // Each list item is its own passage; no wall of text anywhere.
        assertTrue(plain("what-is-not-reimbursed").stream().anyMatch(p -> p.startsWith("Fines of any kind")
                && !p.contains("Minibar")), plain("what-is-not-reimbursed").toString());
        for (Section s : doc.sections()) {
            for (Passage p : s.passages()) {
                assertTrue(p.plain().length() <= 700, s.id() + ": " + p.plain().length() + " characters: " + p.plain());
            }
        }
        // FAQ: each bold question with its answer, the question kept as the passage's group.
        List<Passage> faq = doc.section("frequently-asked-questions").orElseThrow().passages();
        assertTrue(faq.stream().anyMatch(p -> p.kind() == Passage.Kind.FAQ && p.group().contains("Who pays for a visa?")
                && p.plain().contains("business visas")), faq.toString());
        assertEquals(5, faq.stream().filter(p -> p.kind() == Passage.Kind.FAQ).map(Passage::group).distinct().count(),
                faq.toString());
    }

    private static List<String> plain(String section) {
        return doc.section(section).orElseThrow().passages().stream().map(Passage::plain).toList();
    }

    @Test
    void situationalQuestionsFindTheirSectionAndUncoveredOnesAreDeclined() {
        Evaluation.Report report = Evaluation.run(Evaluation.read(QUESTIONS), Evaluation.engine(engine));
        Evaluation.Scores all = report.byLanguage().get("all");
        String misses = ImportedOutline.misses(report);
        System.out.printf("imported expenses policy: n=%d R@1=%.3f R@3=%.3f MRR=%.3f out-of-scope declined %d/%d%s%n",
                all.inScope(), all.recallAt1(), all.recallAt3(), all.mrr(), all.declinedOutOfScope(), all.outOfScope(), misses);
        // Floors a little under what the import reaches today (see the README); the target is 0.85 / 0.95.
        assertTrue(all.recallAt1() >= FLOOR_R1, "Recall@1 " + all.recallAt1() + misses);
        assertTrue(all.recallAt3() >= FLOOR_R3, "Recall@3 " + all.recallAt3() + misses);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.5, "declined " + all.declinedOutOfScope() + "/" + all.outOfScope() + misses);
    }

    static final double FLOOR_R1 = 0.55;
    static final double FLOOR_R3 = 0.87;

    @Test
    void theImportedPolicyDoesNotTakeAnswersFromTheSocialMediaPolicy() {
        List<Evaluation.Question> questions = Evaluation.read(ImportedPolicyQualityTest.SOCIAL_MEDIA_QUESTIONS).stream()
                .filter(q -> q.language().equals("en") && !q.outOfScope()).toList();
        long taken = questions.stream().map(q -> engine.answer(q.text(), "en"))
                .filter(a -> a.answered() && a.citation().policyId().equals("expenses")).count();
        System.out.printf("social media questions answered from the expenses policy: %d of %d%n", taken, questions.size());
        assertTrue(taken <= questions.size() / 50, taken + " social media questions answered from the expenses policy");
    }
}
