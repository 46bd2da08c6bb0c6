package io.policybot.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content format for real policies (issue 14): optional short answers, FAQs, tables, nested lists, contacts, links. */
class RealPolicyFormatTest {
    @TempDir
    Path dir;

    private static final String SETTINGS = """
            company: Demo Co
            contacts:
              hr:
                name: HR
                email: hr@demo.example
            """;

    private static final String FRONT = """
            ---
            policy: travel
            title: Travel policy
            version: "2.0"
            effective: 2026-11-01
            owner: Finance
            language: en
            %s---

            """;

    private ContentLibrary load(String extraFront, String body) throws IOException {
        Files.writeString(dir.resolve("settings.yaml"), SETTINGS);
        Files.createDirectories(dir.resolve("travel"));
        Files.writeString(dir.resolve("travel/policy.en.md"), FRONT.formatted(extraFront) + body);
        return new ContentLoader().load(dir);
    }

    private PolicyDocument doc(String extraFront, String body) throws IOException {
        return load(extraFront, body).policy("travel").orElseThrow().document("en");
    }

    @Test
    void theMinimalExampleInTheDocsLoads() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "content-format.md"));
        String example = docs.substring(docs.indexOf("## Minimal example"));
        Matcher yaml = Pattern.compile("(?s)```yaml\\n(.*?)```").matcher(example);
        Matcher md = Pattern.compile("(?s)```markdown\\n(.*?)```").matcher(example);
        assertTrue(yaml.find() && md.find(), "the docs have a settings.yaml and a policy file example");
        Files.writeString(dir.resolve("settings.yaml"), yaml.group(1));
        Files.createDirectories(dir.resolve("expenses"));
        Files.writeString(dir.resolve("expenses/policy.en.md"), md.group(1));
        Policy policy = new ContentLoader().load(dir).policy("expenses").orElseThrow();
        assertEquals("claiming-expenses", policy.document("en").sections().getFirst().id());
        assertTrue(policy.acknowledgementOnly(), "no quiz: acknowledgement-only training");
    }

    @Test
    void onlyAnInShortBlockquoteIsTheShortAnswerAndItIsOptional() throws IOException {
        PolicyDocument d = doc("", """
                ## Hotels {#hotels}

                > **Note:** prices rose in 2026.

                Book hotels through the portal.

                > **In short:** Book through the portal, up to 150 EUR a night.

                ## Trains {#trains}

                Take the train for trips under three hours.
                """);
        Section hotels = d.section("hotels").orElseThrow();
        assertEquals("Book through the portal, up to 150 EUR a night.", hotels.shortAnswer());
        assertTrue(hotels.passages().stream().anyMatch(p -> p.markdown().contains("prices rose in 2026")),
                "any other quote is ordinary text: " + hotels.passages());
        Section trains = d.section("trains").orElseThrow();
        assertEquals("", trains.shortAnswer());
        assertTrue(!trains.hasShortAnswer());
    }

    @Test
    void faqEntriesTablesNestedListsAndSubHeadingsArePassagesWithAKind() throws IOException {
        PolicyDocument d = doc("", """
                ## Allowances {#allowances}

                ### Daily rates
                | City | Meals | Hotel |
                |---|---|---|
                | London | 75 EUR | 250 EUR |
                | Elsewhere | 45 EUR | 140 EUR |

                - Receipts are needed for:
                  - taxis over 20 EUR;
                  - hotels.

                **Can I claim a taxi to the airport?**

                Yes, before 6 am.

                #### Who approves my claim?
                Your line manager.
                """);
        List<Passage> ps = d.section("allowances").orElseThrow().passages();
        assertEquals(List.of(Passage.Kind.TABLE_ROW, Passage.Kind.TABLE_ROW, Passage.Kind.RULE, Passage.Kind.RULE, Passage.Kind.RULE,
                Passage.Kind.FAQ, Passage.Kind.FAQ), ps.stream().map(Passage::kind).toList(), ps.toString());
        assertEquals("City: London · Meals: 75 EUR · Hotel: 250 EUR", ps.get(0).markdown());
        assertEquals("Daily rates", ps.get(0).group());
        assertEquals("taxis over 20 EUR;", ps.get(3).markdown());
        assertEquals("Receipts are needed for: taxis over 20 EUR;", ps.get(3).plain());
        assertEquals("Can I claim a taxi to the airport?", ps.get(5).question());
        assertEquals("Yes, before 6 am.", ps.get(5).markdown());
        assertTrue(ps.get(5).plain().startsWith("Can I claim a taxi to the airport?"), "the question is searched with its answer");
        assertEquals("Who approves my claim?", ps.get(6).question());
        assertTrue(ps.get(3).line() > ps.get(2).line(), "nested items keep their own line");
    }

    @Test
    void aBoldQuestionWithItsAnswerOnTheNextLineIsAnFaqEntry() throws IOException {
        List<Passage> ps = doc("", """
                ## Gifts {#gifts}

                **Can I accept a gift from a supplier?**
                Only if it is worth less than 50 EUR, and you declare it.
                """).section("gifts").orElseThrow().passages();
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(Passage.Kind.FAQ, ps.getFirst().kind());
        assertEquals("Can I accept a gift from a supplier?", ps.getFirst().question());
        assertEquals("Only if it is worth less than 50 EUR, and you declare it.", ps.getFirst().markdown());
    }

    @Test
    void anEmptySectionIsStillAnError() {
        ContentException e = assertThrows(ContentException.class, () -> load("", "## Hotels {#hotels}\n\n## Trains {#trains}\n\nTrains.\n"));
        assertTrue(e.getMessage().contains("travel/policy.en.md:10: section 'hotels' is empty"), e.getMessage());
    }

    @Test
    void aPolicyHasItsOwnContactsAndAnUnknownContactIsAnErrorOnItsLine() throws IOException {
        PolicyDocument d = doc("""
                contact: travel-desk
                contacts:
                  travel-desk:
                    name: Travel desk
                    email: travel@demo.example
                """, "## Hotels {#hotels}\n\nAsk {{contact.travel-desk.name}} at {{contact.travel-desk.email}}.\n");
        assertEquals("Ask Travel desk at travel@demo.example.", d.section("hotels").orElseThrow().passages().getFirst().markdown());
        ContentSettings settings = new ContentSettings("Demo Co", java.util.Map.of("hr", new Contact("hr", "HR", "hr@demo.example", "")));
        assertEquals("Travel desk", d.contact(settings).orElseThrow().name());
        ContentException e = assertThrows(ContentException.class, () -> load("contact: travel-dsk\n", "## Hotels {#hotels}\n\nText.\n"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().getFirst().toString().startsWith("travel/policy.en.md:8: unknown contact 'travel-dsk'"), e.getMessage());
    }

    @Test
    void citationLinksFollowLinkAnchors() throws IOException {
        String body = "## Working abroad {#abroad}\n\nAsk first.\n";
        Section s = doc("link: https://intranet.example/travel\n", body).sections().getFirst();
        assertEquals("https://intranet.example/travel#abroad", doc("link: https://intranet.example/travel\n", body).linkTo(s));
        assertEquals("https://files.example/travel.pdf",
                doc("link: https://files.example/travel.pdf\nlink-anchors: none\n", body).linkTo(s));
        assertEquals("https://wiki.example/travel#working-abroad",
                doc("link: https://wiki.example/travel\nlink-anchors: headings\n", body).linkTo(s));
        ContentException e = assertThrows(ContentException.class, () -> load("link: x\nlink-anchors: anchors\n", body));
        assertTrue(e.getMessage().contains("travel/policy.en.md:9: 'link-anchors' is none, ids or headings"), e.getMessage());
    }

    @Test
    void lintSuggestsShortAnswersAndQuizQuestionsButNeverFails() throws IOException {
        ContentLibrary lib = load("", "## Hotels {#hotels}\n\n> **In short:** Portal.\n\nBook.\n\n## Trains {#trains}\n\nTrains.\n");
        List<ContentLint.Suggestion> s = new ContentLint().check(lib);
        assertTrue(s.stream().anyMatch(x -> x.toString().startsWith("travel/policy.en.md:16: section 'trains' has no short answer")), s.toString());
        assertTrue(s.stream().noneMatch(x -> x.toString().contains("'hotels' has no short answer")), s.toString());
        assertTrue(s.stream().anyMatch(x -> x.message().contains("acknowledgement only")), s.toString());
        // Without a quiz, lint says where questions are missing: every section, on its heading's line.
        assertTrue(s.stream().anyMatch(x -> x.toString().startsWith("travel/policy.en.md:10: no quiz question covers section 'hotels'")), s.toString());
        assertTrue(s.stream().anyMatch(x -> x.toString().startsWith("travel/policy.en.md:16: no quiz question covers section 'trains'")), s.toString());
        Files.writeString(dir.resolve("travel/quiz-part1.en.yaml"), """
                policy: travel
                language: en
                questions:
                  - id: q1
                    section: hotels
                    question: "Where?"
                    options:
                      - text: "Portal"
                        correct: true
                      - text: "Anywhere"
                    explanation: "Portal."
                """);
        List<ContentLint.Suggestion> withQuiz = new ContentLint().check(new ContentLoader().load(dir));
        assertTrue(withQuiz.stream().anyMatch(x -> x.message().contains("no quiz question covers section 'trains'")), withQuiz.toString());
        assertTrue(withQuiz.stream().noneMatch(x -> x.message().contains("'hotels': add")), withQuiz.toString());
    }
}
