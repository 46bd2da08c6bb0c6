package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLoader;
import io.policybot.content.Passage;
import io.policybot.testing.TestContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an answer quotes from a section. In a policy written as prose (no "In short" answer, as imported documents
 * are), a paragraph can change the rules above it; leaving it out would answer with the old rule.
 */
class ProseSectionAnswerTest {

    private static final String POLICY = """
            ---
            policy: parental-leave
            title: Parental Leave Policy
            version: "1.0"
            effective: 2027-01-15
            owner: HR
            language: en
            ---

            ## Who can take parental leave {#who}

            Every employee with at least six months of service can take parental leave after a birth or an adoption.

            ## How long it lasts {#how-long}

            - Birth parents get 20 weeks of paid leave.
            - Second parents get 10 weeks of paid leave.
            - Leave can start up to four weeks before the due date.

            From 1 April 2027 the second parent's leave rises to 12 weeks.
            """;

    @Test
    void aProseSectionQuotesTheParagraphThatChangesTheRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("settings.yaml"), """
                company: Acme
                contacts:
                  hr:
                    name: People & Culture
                    email: hr@acme.example
                    channel: "#ask-hr"
                """);
        Files.createDirectories(dir.resolve("parental-leave"));
        Files.writeString(dir.resolve("parental-leave/policy.en.md"), POLICY);
        QuestionAnswerer answerer = new QuestionAnswerer(new ContentLoader().load(dir), AnsweringSettings.DEFAULTS);

        Answer a = answerer.answer("how many weeks of leave does the second parent get?", "en");

        assertTrue(a.answered(), a.toString());
        assertEquals("how-long", a.citation().sectionId());
        String quoted = a.shortAnswer() + "\n" + a.passages().stream().map(Passage::markdown).reduce("", String::concat);
        assertTrue(quoted.contains("Second parents get 10 weeks"), quoted);
        assertTrue(quoted.contains("rises to 12 weeks"), "the change to the rule is quoted: " + quoted);
    }

    @Test
    void anAnswerFromAnFaqQuotesThatEntryAloneNotTheOtherQuestions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("settings.yaml"), "company: Acme\ncontacts:\n  hr:\n    name: HR\n    email: hr@acme.example\n");
        Files.createDirectories(dir.resolve("respect"));
        Files.writeString(dir.resolve("respect/policy.en.md"), """
                ---
                policy: respect
                title: Respect at Work Policy
                version: "1.0"
                effective: 2027-02-01
                owner: People team
                language: en
                ---

                ## Reporting {#reporting}

                Report harassment to your manager or the People team.

                ## Frequently asked questions {#faq}

                ### What if the person harassing me is my manager?

                Report it to your manager's manager or the People team. You never have to report to the person you complain about.

                ### Can I report something that happened to a colleague?

                Yes. Witnesses are encouraged to report, and are protected from retaliation.

                ### Does this apply to customers who harass staff?

                Yes. Tell your manager straight away.
                """);
        QuestionAnswerer answerer = new QuestionAnswerer(new ContentLoader().load(dir), AnsweringSettings.DEFAULTS);

        Answer a = answerer.answer("what if the person harassing me is my manager?", "en");

        assertTrue(a.answered(), a.toString());
        assertEquals("faq", a.citation().sectionId());
        assertEquals("What if the person harassing me is my manager? Report it to your manager's manager or the People team. "
                + "You never have to report to the person you complain about.", a.shortAnswer(), "the entry, with its question");
        assertTrue(a.passages().stream().noneMatch(p -> p.kind() == Passage.Kind.FAQ),
                "the other questions of the FAQ are not this one's answer: " + a.passages());
    }

    @Test
    void aSectionWithAShortAnswerQuotesOnlyRulesBesideIt() {
        QuestionAnswerer answerer = new QuestionAnswerer(TestContent.bundled(), AnsweringSettings.DEFAULTS);
        for (String q : List.of("can I mention my employer on LinkedIn?", "can I post photos of my coworkers?",
                "someone is trashing us on twitter, should I reply?")) {
            Answer a = answerer.answer(q, "en");
            assertTrue(a.answered() && !a.shortAnswer().isBlank(), q + ": " + a);
            assertTrue(a.passages().stream().allMatch(Passage::rule), q + ": the short answer says it, the rules follow: "
                    + a.passages());
        }
    }
}
