package io.policybot.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.answering.Answer;
import io.policybot.answering.Evaluation;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.Passage;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answer quality on a policy nobody tuned for: a ~3,000-word remote work policy, built as a Word document here,
 * imported with no hand editing beside the bundled social media policy, and asked 45 situational questions
 * (written from the policy text before any run) and 6 it does not cover. The DOCX is also left in
 * {@code importer/target/eval/} so that {@code policybot content import} and {@code policybot eval} can be run on it by hand.
 */
class ImportedPolicyQualityTest {
    static final Path QUESTIONS = Path.of("src/test/resources/remote-work/questions.tsv");
    static final Path SOCIAL_MEDIA_QUESTIONS = Path.of("..", "bot-core", "src", "test", "resources", "eval", "questions-holdout.tsv");

    @TempDir
    static Path dir;
    static ContentLibrary library;
    static QuestionAnswerer engine;

    @BeforeAll
    static void importTheRemoteWorkPolicy() throws IOException {
        ImportedOutline imported = ImportedOutline.of("remote-work", "remote-work", "People and Culture", dir);
        library = imported.library();
        engine = imported.engine();
    }

    @Test
    void situationalQuestionsFindTheirSectionAndUncoveredOnesAreDeclined() {
        Evaluation.Report report = Evaluation.run(Evaluation.read(QUESTIONS), Evaluation.engine(engine));
        Evaluation.Scores all = report.byLanguage().get("all");
        String misses = ImportedOutline.misses(report);
        System.out.printf("imported remote-work policy: n=%d R@1=%.3f R@3=%.3f MRR=%.3f out-of-scope declined %d/%d%s%n", all.inScope(),
                all.recallAt1(), all.recallAt3(), all.mrr(), all.declinedOutOfScope(), all.outOfScope(), misses);
        // The target is Recall@1 >= 0.85 and Recall@3 >= 0.95; retrieval (issue 9) is not there yet on a policy
        // without keyword comments beside one with them. These floors keep what the import reaches today from slipping.
        assertTrue(all.recallAt1() >= 0.64, "Recall@1 " + all.recallAt1() + misses);
        assertTrue(all.recallAt3() >= 0.93, "Recall@3 " + all.recallAt3() + misses);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.5, "declined " + all.declinedOutOfScope() + "/" + all.outOfScope() + misses);
    }

    @Test
    void theImportedPolicyDoesNotTakeAnswersFromTheSocialMediaPolicy() throws IOException {
        List<Evaluation.Question> questions = Evaluation.read(SOCIAL_MEDIA_QUESTIONS).stream()
                .filter(q -> q.language().equals("en") && !q.outOfScope()).toList();
        ContentLibrary alone = new ContentLoader().load(copyBundled(dir.resolve("bundled-only")));
        double before = Evaluation.run(questions, Evaluation.engine(PolicyImporterTest.engine(alone))).byLanguage().get("all").recallAt1();
        double after = Evaluation.run(questions, Evaluation.engine(engine)).byLanguage().get("all").recallAt1();
        long taken = questions.stream().map(q -> engine.answer(q.text(), "en"))
                .filter(a -> a.answered() && a.citation().policyId().equals("remote-work")).count();
        System.out.printf("social media questions: R@1 %.3f alone, %.3f beside the imported policy; %d of %d answered from it%n",
                before, after, taken, questions.size());
        assertTrue(after >= before - 0.02, "R@1 on the social media policy fell from " + before + " to " + after);
        assertTrue(taken <= questions.size() / 50, taken + " social media questions answered from the remote-work policy");
    }

    @Test
    void theSamePolicyAsAPdfGivesTheSameSectionsAndAboutTheSameAnswers() throws IOException {
        Path pdf = TestDocuments.pdf(Path.of("target", "eval", "remote-work.pdf"),
                TestDocuments.outline(Files.readString(Path.of("src/test/resources/remote-work/policy-outline.txt"))));
        Path content = copyBundled(dir.resolve("from-pdf"));
        ImportReport report = new PolicyImporter(PolicyImporterTest.CLOCK).run(new PolicyImporter.Request(List.of(pdf),
                "remote-work", "en", content, null, "People and Culture", null, null));
        assertTrue(report.ok(), report.problems().toString());
        ContentLibrary fromPdf = new ContentLoader().load(content);
        var docxDoc = library.policy("remote-work").orElseThrow().document("en");
        var pdfDoc = fromPdf.policy("remote-work").orElseThrow().document("en");
        assertEquals(docxDoc.sections().stream().map(s -> s.id()).toList(), pdfDoc.sections().stream().map(s -> s.id()).toList());
        Evaluation.Scores docx = Evaluation.run(Evaluation.read(QUESTIONS), Evaluation.engine(engine)).byLanguage().get("all");
        Evaluation.Scores all = Evaluation.run(Evaluation.read(QUESTIONS), Evaluation.engine(PolicyImporterTest.engine(fromPdf)))
                .byLanguage().get("all");
        System.out.printf("imported from PDF: R@1=%.3f R@3=%.3f (from DOCX: %.3f / %.3f); %d passages (DOCX %d)%n",
                all.recallAt1(), all.recallAt3(), docx.recallAt1(), docx.recallAt3(), passages(pdfDoc), passages(docxDoc));
        // Every passage of the Word document is in the PDF word for word: table cells wrapped over several lines and
        // sentences that run on over a page break are joined again (the PDF also has its two sub-headings as bold lines).
        Set<String> pdfTexts = pdfDoc.sections().stream().flatMap(s -> s.passages().stream()).map(Passage::plain)
                .collect(Collectors.toSet());
        List<String> missing = docxDoc.sections().stream().flatMap(s -> s.passages().stream()).map(Passage::plain)
                .filter(t -> !pdfTexts.contains(t)).toList();
        assertTrue(missing.isEmpty(), "passages of the DOCX not in the PDF: " + missing);
        assertTrue(all.recallAt1() >= docx.recallAt1() - 0.05, "PDF R@1 " + all.recallAt1() + " vs DOCX " + docx.recallAt1());
        assertTrue(all.recallAt3() >= docx.recallAt3() - 0.05, "PDF R@3 " + all.recallAt3() + " vs DOCX " + docx.recallAt3());
    }

    private static int passages(io.policybot.content.PolicyDocument doc) {
        return doc.sections().stream().mapToInt(s -> s.passages().size()).sum();
    }

    @Test
    void anAnswerFromTheImportedPolicyCitesItsSectionAndLeadsWithTheRule() {
        Answer a = engine.answer("how much does Acme pay towards my internet if I'm fully remote?", "en");
        assertTrue(a.answered(), a.toString());
        assertEquals("remote-work", a.citation().policyId());
        assertEquals("expenses-and-allowances", a.citation().sectionId());
        assertTrue((a.shortAnswer() + a.passages()).contains("25 EUR"), a.toString());
    }

    /** The bundled content, copied to a directory as HR would before adding their own policies. */
    static Path copyBundled(Path target) throws IOException {
        try {
            URI uri = ContentLoader.class.getClassLoader().getResource(ContentLoader.BUNDLED_ROOT + "/settings.yaml").toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copy(jar.getPath("/" + ContentLoader.BUNDLED_ROOT), target);
                }
            } else {
                copy(Path.of(uri).getParent(), target);
            }
            return target;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
