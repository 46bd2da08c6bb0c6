package io.policybot.importing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.answering.Evaluation;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy outline from {@code src/test/resources/NAME/policy-outline.txt} built as a Word document (left in
 * {@code target/eval/NAME.docx} for {@code policybot content import} by hand), imported with no hand editing beside the
 * bundled content, and the hybrid answerer on the result.
 */
record ImportedOutline(Path docx, ContentLibrary library, QuestionAnswerer engine) {

    static ImportedOutline of(String name, String policyId, String owner, Path dir) throws IOException {
        Path docx = Files.createDirectories(Path.of("target", "eval")).resolve(name + ".docx");
        TestDocuments.docx(docx, TestDocuments.outline(Files.readString(Path.of("src/test/resources", name, "policy-outline.txt"))));
        Path content = ImportedPolicyQualityTest.copyBundled(dir.resolve("content"));
        ImportReport report = new PolicyImporter(PolicyImporterTest.CLOCK).run(new PolicyImporter.Request(List.of(docx),
                policyId, "en", content, null, owner, null, null));
        assertTrue(report.ok(), report.problems().toString());
        ContentLibrary library = new ContentLoader().load(content);
        return new ImportedOutline(docx, library, PolicyImporterTest.engine(library));
    }

    /** The misses of a run, one per line ("question -> where it went"), for the printed figures and failure messages. */
    static String misses(Evaluation.Report report) {
        return report.misses().stream().map(m -> m.question().text() + " -> "
                + (m.outcome().ranked().isEmpty() ? "-" : m.outcome().ranked().getFirst()) + (m.outcome().answered() ? "" : " (declined)"))
                .reduce("", (a, b) -> a + "\n  " + b);
    }
}
