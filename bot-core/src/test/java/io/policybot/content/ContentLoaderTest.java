package io.policybot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.testing.TestContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Content is validated at load: every problem is reported with its file and line, and nothing is half-loaded. */
class ContentLoaderTest {
    private static final List<String> OUTLINE_IDS = List.of("purpose-and-scope", "roles-and-contacts",
            "speaking-for-the-company", "account-security", "personal-use", "identifying-yourself", "confidential-information",
            "privacy-and-consent", "copyright-and-trademarks", "respectful-conduct", "negative-comments-and-complaints",
            "crisis-response", "endorsements-and-disclosure", "legal-and-regulatory", "political-and-social-issues",
            "employee-advocacy", "monitoring-and-privacy-of-employees", "reporting-and-enforcement",
            "training-and-acknowledgement", "policy-ownership-and-review");

    @TempDir
    Path dir;

    @Test
    void theBundledSocialMediaPolicyHasEveryOutlineSectionInBothLanguages() {
        Policy policy = TestContent.bundled().policy("social-media").orElseThrow();
        assertEquals(java.util.Set.of("en", "zh"), policy.languages());
        for (String lang : List.of("en", "zh")) {
            PolicyDocument doc = policy.exactDocument(lang).orElseThrow();
            assertEquals(OUTLINE_IDS, doc.sections().stream().map(Section::id).toList(), lang);
            for (Section s : doc.sections()) {
                assertTrue(!s.shortAnswer().isBlank(), s.id() + " has a short answer");
                assertTrue(s.passages().stream().filter(Passage::rule).count() >= 4, s.id() + " has do/don't rules in " + lang);
                assertTrue(!s.shortAnswer().contains("{{"), "placeholders are filled");
            }
            assertTrue(policy.quiz(lang).size() >= 3 * OUTLINE_IDS.size(), "3 quiz questions per section in " + lang);
            assertTrue(policy.scenarios(lang).size() >= 6, "6 role-plays in " + lang);
            assertTrue(policy.scenarios(lang).stream().filter(s -> s.depth() >= 2).count() >= 2, "deep role-plays in " + lang);
        }
        for (String id : OUTLINE_IDS) {
            assertTrue(policy.quiz("en").stream().filter(q -> q.sectionId().equals(id)).count() >= 3, "quiz for " + id);
        }
        assertTrue(TestContent.bundled().policy("social-media").get().document("en").section("roles-and-contacts")
                .orElseThrow().markdown().contains("hr@acme.example"), "contacts come from settings.yaml");
    }

    @Test
    void aValidMinimalDirectoryLoads() throws IOException {
        writeValid();
        ContentLibrary lib = new ContentLoader().load(dir);
        assertEquals(2, lib.policy("demo").orElseThrow().document("zh").sections().size());
        assertEquals("Demo Co", lib.settings().company());
        assertTrue(lib.policy("demo").get().document("en").section("alpha").get().shortAnswer().contains("Demo Co"));
    }

    @Test
    void theSameFilesGiveTheSameFingerprintAndAnEditChangesIt() throws IOException {
        writeValid();
        String first = new ContentLoader().load(dir).fingerprint();
        assertEquals(first, new ContentLoader().load(dir).fingerprint());
        Files.writeString(dir.resolve("demo/policy.en.md"), policy("en", "Alpha", "edited text"));
        assertTrue(!first.equals(new ContentLoader().load(dir).fingerprint()));
    }

    @Test
    void missingFrontMatter() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/policy.en.md"), "## Alpha {#alpha}\n\n> In short: x\n\n- rule\n");
        assertProblem("demo/policy.en.md:1:", "must start with front matter");
    }

    @Test
    void aLanguageMissingASectionIsNamed() throws IOException {
        writeValid();
        String zh = policy("zh", "甲", "文字");
        Files.writeString(dir.resolve("demo/policy.zh.md"), zh.substring(0, zh.indexOf("## Beta")));
        assertProblem("demo/policy.zh.md", "section 'beta' is missing in this language (zh)");
    }

    @Test
    void emptySection() throws IOException {
        writeValid();
        String en = policy("en", "Alpha", "text");
        Files.writeString(dir.resolve("demo/policy.en.md"), en.substring(0, en.indexOf("## Beta")) + "## Beta {#beta}\n\n");
        assertProblem("demo/policy.en.md:16:", "section 'beta' is empty");
    }

    @Test
    void unknownPlaceholder() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/policy.en.md"), policy("en", "Alpha", "mail {{contact.payroll.email}}"));
        assertProblem("demo/policy.en.md:14:", "unknown placeholder {{contact.payroll.email}}");
    }

    @Test
    void quizWithoutARightAnswerAndWithAnUnknownSection() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/quiz.en.yaml"), """
                policy: demo
                language: en
                questions:
                  - id: q1
                    section: nowhere
                    question: "Which?"
                    options:
                      - text: "A"
                      - text: "B"
                    explanation: "Because."
                """);
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        String all = e.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("demo/quiz.en.yaml:5: unknown section id 'nowhere'"), all);
        assertTrue(all.contains("demo/quiz.en.yaml:4: question 'q1' has no right answer"), all);
    }

    @Test
    void aQuizItemMissingInOneLanguage() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/quiz.en.yaml"), quiz("en", "q1"));
        Files.writeString(dir.resolve("demo/quiz.zh.yaml"), quiz("zh", "q2"));
        assertProblem("demo/quiz.en.yaml:4:", "question 'q1' has no match in language 'zh'");
    }

    @Test
    void roleplayDanglingBranchUnreachableStepAndNoBestChoice() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/roleplay.en.yaml"), """
                policy: demo
                language: en
                scenarios:
                  - id: s1
                    title: "A case"
                    sections: [alpha]
                    start: one
                    steps:
                      - id: one
                        text: "What now?"
                        choices:
                          - text: "Go on"
                            feedback: "Ok"
                            next: nowhere
                          - text: "Stop"
                            feedback: "Fine"
                            best: true
                      - id: lonely
                        text: "Never seen"
                        choices:
                          - text: "A"
                            feedback: "a"
                          - text: "B"
                            feedback: "b"
                """);
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        String all = e.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("demo/roleplay.en.yaml:9:") && all.contains("dangling branch"), all);
        assertTrue(all.contains("demo/roleplay.en.yaml:18: step 'lonely' of scenario 's1' has no best choice"), all);
    }

    @Test
    void roleplayLoopsAndUnreachableSteps() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/roleplay.en.yaml"), """
                policy: demo
                language: en
                scenarios:
                  - id: s1
                    title: "A case"
                    sections: [alpha]
                    start: one
                    steps:
                      - id: one
                        text: "What now?"
                        choices:
                          - text: "Again"
                            feedback: "Ok"
                            next: two
                          - text: "Stop"
                            feedback: "Fine"
                            best: true
                      - id: two
                        text: "And?"
                        choices:
                          - text: "Back"
                            feedback: "b"
                            next: one
                            best: true
                          - text: "End"
                            feedback: "e"
                      - id: three
                        text: "Orphan"
                        choices:
                          - text: "A"
                            feedback: "a"
                            best: true
                          - text: "B"
                            feedback: "b"
                """);
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        String all = e.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
        assertTrue(all.contains("demo/roleplay.en.yaml:27: step 'three' of scenario 's1' cannot be reached"), all);
        assertTrue(all.contains("loops back"), all);
    }

    @Test
    void brokenYamlNamesItsLine() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/quiz.en.yaml"), "policy: demo\nlanguage: en\nquestions:\n  - id: [q1\n");
        assertProblem("demo/quiz.en.yaml:", "broken YAML");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingLoads() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/policy.en.md"), policy("en", "Alpha", "{{oops}}").replace(" {#beta}", ""));
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        assertTrue(e.problems().size() >= 2, e.getMessage());
    }

    @Test
    void notUtf8() throws IOException {
        writeValid();
        Files.write(dir.resolve("demo/policy.en.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertProblem("demo/policy.en.md", "not UTF-8");
    }

    @Test
    void B14_aVersionMismatchBetweenLanguagesNamesTheVersionLines() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/policy.zh.md"), policy("zh", "甲", "文字").replace("\"1.0\"", "\"1.1\""));
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        assertEquals(List.of("demo/policy.en.md:4", "demo/policy.zh.md:4"),
                e.problems().stream().map(p -> p.file() + ":" + p.line()).sorted().toList(), e.getMessage());
        assertTrue(e.getMessage().contains("differs between languages [1.0, 1.1]"), e.getMessage());
    }

    @Test
    void B14_aFrontMatterErrorAddsNoKnockOnErrorsForQuizAndRolePlayFiles() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("demo/quiz-part1.en.yaml"), quiz("en", "q1"));
        Files.writeString(dir.resolve("demo/quiz-part1.zh.yaml"), quiz("zh", "q1"));
        Files.writeString(dir.resolve("demo/roleplay.en.yaml"), "policy: demo\nlanguage: en\nscenarios: []\n");
        for (String broken : List.of("language: fr", "language en", "language: \"en")) {
            Files.writeString(dir.resolve("demo/policy.en.md"), policy("en", "Alpha", "text").replace("language: en", broken));
            ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
            assertEquals(1, e.problems().size(), broken + " gives one error, got:\n" + e.getMessage());
            assertEquals("demo/policy.en.md:7", e.problems().getFirst().file() + ":" + e.problems().getFirst().line(), e.getMessage());
        }
    }

    @Test
    void B14_aBrokenSettingsFileGivesOneErrorNotOnePerPlaceholder() throws IOException {
        writeValid();
        Files.writeString(dir.resolve("settings.yaml"), "company: \"Demo Co\ncontacts:\n  hr:\n    name: HR\n");
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().getFirst().toString().startsWith("settings.yaml:1:"), e.getMessage());
    }

    @Test
    void B14_theDocumentedFileNamesAreTheBundledOnes() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "content-format.md"));
        Path bundled = Path.of("..", "content", "src", "main", "resources", "policybot", "content", "social-media");
        try (var files = Files.list(bundled)) {
            for (String name : files.map(f -> f.getFileName().toString()).toList()) {
                String generic = name.replaceFirst("\\.(en|zh)\\.", ".<lang>.");
                assertTrue(docs.contains(generic), "docs/content-format.md names " + generic);
            }
        }
        assertTrue(!docs.contains(" quiz.<lang>.yaml"), "no quiz.<lang>.yaml, which the bundled content does not use");
    }

    /** One edit to a valid policy file, and the one problem it must give, on its file and line. */
    record BrokenPolicy(String name, String find, String replace, String where, String what, boolean only) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<BrokenPolicy> brokenPolicies() {
        return List.of(
                new BrokenPolicy("broken front matter YAML names its line", "owner: HR", "owner: [HR", "demo/policy.en.md:",
                        "broken front matter", false),
                new BrokenPolicy("a required front matter key is missing", "version: \"1.0\"\n", "", "demo/policy.en.md:1:",
                        "missing 'version'", false),
                new BrokenPolicy("a duplicate section id names the second heading", "{#beta}", "{#alpha}", "demo/policy.en.md:16:",
                        "duplicate section id 'alpha'", false),
                new BrokenPolicy("a heading without an id", " {#beta}", "", "demo/policy.en.md:16:", "has no id", false),
                new BrokenPolicy("B13 a month that does not exist", "2026-11-01", "2026-13-01", "demo/policy.en.md:5:",
                        "'effective' must be a real date", true),
                new BrokenPolicy("B13 a day that does not exist", "2026-11-01", "2026-02-30", "demo/policy.en.md:5:",
                        "'effective' must be a real date", true),
                new BrokenPolicy("B14 the wrong language in the front matter", "language: en", "language: fr", "demo/policy.en.md:7:",
                        "front matter says language 'fr'", true),
                new BrokenPolicy("B14 a missing colon", "version: \"1.0\"", "version 1.1", "demo/policy.en.md:4:",
                        "is the colon missing?", true),
                new BrokenPolicy("B14 an unclosed quote", "version: \"1.0\"", "version: \"1.0", "demo/policy.en.md:4:",
                        "broken front matter", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPolicies")
    void aBrokenPolicyFileIsRefusedWithItsFileAndLine(BrokenPolicy broken) throws IOException {
        writeValid();
        String valid = policy("en", "Alpha", "text");
        assertTrue(valid.contains(broken.find()), "the valid file must contain " + broken.find());
        Files.writeString(dir.resolve("demo/policy.en.md"), valid.replace(broken.find(), broken.replace()));
        if (broken.only()) {
            assertOnlyProblem(broken.where(), broken.what());
        } else {
            assertProblem(broken.where(), broken.what());
        }
    }

    private void assertOnlyProblem(String where, String what) {
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertProblem(where, what);
    }

    private void assertProblem(String where, String what) {
        ContentException e = assertThrows(ContentException.class, () -> new ContentLoader().load(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.toString().startsWith(where) && p.toString().contains(what)),
                "expected a problem at " + where + " saying " + what + ", got:\n" + e.getMessage());
    }

    private void writeValid() throws IOException {
        Files.writeString(dir.resolve("settings.yaml"), """
                company: Demo Co
                contacts:
                  hr:
                    name: HR
                    email: hr@demo.example
                """, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("demo"));
        Files.writeString(dir.resolve("demo/policy.en.md"), policy("en", "Alpha", "{{company}} rules apply."));
        Files.writeString(dir.resolve("demo/policy.zh.md"), policy("zh", "甲", "{{company}} 的规定。"));
    }

    /** A two-section policy; line 14 is the first section's rule, line 16 the second heading. */
    private static String policy(String lang, String title, String rule) {
        return """
                ---
                policy: demo
                title: Demo policy
                version: "1.0"
                effective: 2026-11-01
                owner: HR
                language: %s
                ---

                ## %s {#alpha}

                > **In short:** %s applies at Demo Co.

                - %s

                ## Beta {#beta}

                > **In short:** Beta.

                - Another rule.
                """.formatted(lang, title, title, rule);
    }

    private static String quiz(String lang, String id) {
        return """
                policy: demo
                language: %s
                questions:
                  - id: %s
                    section: alpha
                    question: "Which?"
                    options:
                      - text: "A"
                        correct: true
                      - text: "B"
                    explanation: "Because."
                """.formatted(lang, id);
    }
}
