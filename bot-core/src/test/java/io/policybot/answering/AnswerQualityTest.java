package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.content.ContentLoader;
import io.policybot.content.Passage;
import io.policybot.content.Section;
import io.policybot.testing.TestAnswerers;
import io.policybot.testing.TestContent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answer quality as people meet it, on question sets written without looking at the bot: every set in the shared
 * folder beside the repository (../shared/eval, as CI has it), a fresh hold-out set, a second policy of another kind
 * written with no keyword comments, and the bundled policy with its keyword comments stripped. The floors are the
 * figures measured when they were set, less a little: a change that makes answers worse fails here (the README's
 * quality table has the figures and the targets).
 */
class AnswerQualityTest {

    private static Path resource(String name) {
        try {
            return Path.of(AnswerQualityTest.class.getResource("/eval/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hybrid answerer on the bundled content with the policies of the eval folder {@code dir} beside it. */
    private static QuestionAnswerer besideBundled(String dir) {
        return TestAnswerers.hybridOn(Evaluation.withPolicies(TestContent.bundled(), new ContentLoader().load(resource(dir))));
    }

    /** The scores of one eval question set, all languages together. */
    private static Evaluation.Scores scores(String questions, QuestionAnswerer answerer) {
        return Evaluation.run(Evaluation.read(resource(questions)), Evaluation.engine(answerer)).byLanguage().get("all");
    }

    /** The social media questions keep their answers with another policy loaded beside them. */
    private static void assertKeepsTheSocialMediaAnswers(QuestionAnswerer answerer, String policy) {
        Evaluation.Scores before = scores("questions-fresh.tsv", TestAnswerers.hybrid());
        Evaluation.Scores after = scores("questions-fresh.tsv", answerer);
        assertTrue(after.recallAt1() >= before.recallAt1() - 0.03, policy + " took answers: " + before + " -> " + after);
    }

    /** The shared folder sits beside the repository root; tests run in bot-core. */
    static Path sharedEval() {
        return Path.of("").toAbsolutePath().getParent().resolveSibling("shared").resolve("eval");
    }

    @Test
    void everySharedQuestionSetKeepsItsQuality() throws IOException {
        Path dir = sharedEval();
        Assumptions.assumeTrue(Files.isDirectory(dir), "no shared question sets at " + dir + " (../shared/eval beside the"
                + " repository): skipped");
        List<Path> sets;
        try (Stream<Path> files = Files.list(dir)) {
            sets = files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
        }
        assertFalse(sets.isEmpty(), "no .tsv question sets in " + dir);
        for (Path set : sets) {
            Evaluation.Report report = Evaluation.run(Evaluation.read(set), Evaluation.engine(TestAnswerers.hybrid()));
            Evaluation.Scores all = report.byLanguage().get("all");
            // Shaky answers are hedged as suggestions rather than given wrong (dev2 wrong answers 9.9% -> 5.6%); the
            // ranker fitted on the quiz brought dev2 back to 0.83 (README, quality table).
            assertTrue(all.recallAt1() >= 0.83, set.getFileName() + ": Recall@1 fell to " + all);
            assertTrue(all.recallAt3() >= 0.95, set.getFileName() + ": Recall@3 fell to " + all);
            // 5 of 71 on dev2 (7.0%) since the ranking weighs the best passage and words less (R@1 0.83 -> 0.85 there,
            // higher on every other set); the target is 5%.
            assertTrue(all.wrongAnswerRate() <= 0.075, set.getFileName() + ": too many wrong answers " + all);
            assertTrue(all.outOfScopeDeclinedRate() >= 0.85, set.getFileName() + ": out-of-scope answered " + all);
        }
    }

    @Test
    void freshQuestionsWrittenFromTheOutlineAreAnswered() {
        Evaluation.Report report = Evaluation.run(Evaluation.read(resource("questions-fresh.tsv")),
                Evaluation.engine(TestAnswerers.hybrid()));
        Evaluation.Scores all = report.byLanguage().get("all");
        assertTrue(all.recallAt1() >= 0.91, "Recall@1 fell to " + all + " " + report.misses());
        assertTrue(all.recallAt3() >= 0.97, "Recall@3 fell to " + all);
        assertTrue(all.wrongAnswerRate() <= 0.06, "too many wrong answers " + all);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.90, "out-of-scope or small talk answered: " + all);
    }

    @Test
    void aPolicyWithoutKeywordCommentsIsFoundWithoutTakingTheOthersQuestions() {
        ContentLibrary both = Evaluation.withPolicies(TestContent.bundled(),
                new ContentLoader().load(resource("other-policy")));
        assertTrue(both.policy("gifts-and-anti-bribery").orElseThrow().document("en").sections().stream()
                .allMatch(s -> s.keywords().isEmpty()), "the second policy must have no keyword comments");
        QuestionAnswerer answerer = TestAnswerers.hybridOn(both);
        Evaluation.Scores all = scores("questions-other-policy.tsv", answerer);
        assertTrue(all.recallAt1() >= FLOOR_OTHER_R1, "Recall@1 on the second policy fell to " + all);
        assertTrue(all.recallAt3() >= FLOOR_OTHER_R3, "Recall@3 on the second policy fell to " + all);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.9, "out-of-scope answered: " + all);
        assertKeepsTheSocialMediaAnswers(answerer, "the second policy");
    }

    /**
     * The bundled settings list remote work, IT support and expenses as covered by other policies. When such a policy
     * is loaded (here a remote-work policy as the importer wrote it from a Word document, no keyword comments), those
     * topics give way: its questions are answered from it, and the rest of the list still declines.
     */
    @Test
    void aLoadedPolicyOfAKindTheNotCoveredListNamesAnswersItsOwnQuestions() {
        QuestionAnswerer answerer = besideBundled("remote-work-policy");
        List<String> topics = answerer.notCoveredTopics("en");
        assertTrue(topics.stream().noneMatch(t -> t.startsWith("Working hours and remote work") || t.startsWith("IT support")
                || t.startsWith("Expenses and travel")), "topics the remote-work policy covers are still listed: " + topics);
        assertTrue(topics.stream().anyMatch(t -> t.startsWith("Leave and time off"))
                && topics.stream().anyMatch(t -> t.startsWith("Dress code")), "topics nobody covers must stay: " + topics);
        assertEquals(TestAnswerers.hybrid().notCoveredTopics("en").size(), TestContent.bundled().settings().notCovered("en").size(),
                "the bundled policy alone covers none of the listed topics");
        for (String q : List.of("Can I work from home on Fridays?", "How much is the home office allowance?",
                "My laptop broke while working from home, what now?")) {
            Answer a = answerer.answer(q, "en");
            assertTrue(a.kind() != Answer.Kind.DECLINED, q + " declined: " + a.sections());
            assertEquals("remote-work", a.sections().getFirst().policyId(), q + " -> " + a.sections());
        }
        assertEquals(Answer.Kind.DECLINED, answerer.answer("What is the dress code?", "en").kind());
        Evaluation.Scores all = scores("questions-remote-work.tsv", answerer);
        assertTrue(all.falseDeclines() <= 2, "remote-work questions declined: " + all);
        assertTrue(all.recallAt3() >= 0.90, "Recall@3 on the remote-work policy fell to " + all);
        assertTrue(all.recallAt1() >= 0.64, "Recall@1 on the remote-work policy fell to " + all);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.8, "out-of-scope answered: " + all);
    }

    /**
     * A travel and expenses policy exactly as the importer wrote it from a Word document (no keyword comments, no quiz,
     * no "In short" answers): its questions are found in it, and the social media questions keep their answers.
     */
    @Test
    void anImportedPolicyWithNothingHandWrittenAnswersItsQuestions() {
        QuestionAnswerer answerer = besideBundled("expenses-policy");
        Evaluation.Scores all = scores("questions-expenses.tsv", answerer);
        assertTrue(all.recallAt1() >= 0.55, "Recall@1 on the expenses policy fell to " + all);
        assertTrue(all.recallAt3() >= 0.87, "Recall@3 on the expenses policy fell to " + all);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.85, "out-of-scope answered: " + all);
        assertKeepsTheSocialMediaAnswers(answerer, "the expenses policy");
    }

    /**
     * An information security policy imported from a Markdown page written for a walk-through by someone who had not
     * seen the bot, beside the bundled social media policy, whose hand-written keywords and quiz cover some of the same
     * ground (passwords, devices, phishing). Between policies only the evidence both have decides; before that the
     * social media policy took most of its questions (R@1 0.18, wrong answers 47%).
     */
    @Test
    void aPolicyOnTheSameGroundAsAHandTunedOneKeepsItsQuestions() {
        Evaluation.Scores all = scores("questions-infosec.tsv", besideBundled("infosec-policy"));
        assertTrue(all.recallAt3() >= 0.70, "Recall@3 on the information security policy fell to " + all);
        assertTrue(all.wrongAnswerRate() <= 0.30, "too many wrong answers on the information security policy: " + all);
        assertTrue(all.outOfScopeDeclinedRate() >= 0.9, "out-of-scope answered: " + all);
    }

    static final double FLOOR_OTHER_R1 = 0.74;
    static final double FLOOR_OTHER_R3 = 0.85;

    @Test
    void strippingEveryKeywordCommentCostsLittle() {
        Path dev2 = sharedEval().resolve("questions-dev2.tsv");
        Path set = Files.exists(dev2) ? dev2 : resource("questions-holdout.tsv");
        List<Evaluation.Question> qs = Evaluation.read(set);
        double with = Evaluation.run(qs, Evaluation.engine(TestAnswerers.hybrid())).byLanguage().get("all").recallAt1();
        double without = Evaluation.run(qs, Evaluation.engine(TestAnswerers.hybridOn(
                Evaluation.withoutKeywords(TestContent.bundled())))).byLanguage().get("all").recallAt1();
        assertTrue(without >= with - FLOOR_STRIP_COST, "stripping keywords cost " + (with - without) + " on " + set.getFileName());
    }

    static final double FLOOR_STRIP_COST = 0.10; // measured 0.084 on dev2 (target 0.03: not yet met, see the README)

    @ParameterizedTest
    @ValueSource(strings = {"thanks", "Thanks so much!", "hello", "hi there 👋", "good morning", "你好", "谢谢", "<!channel>",
            "@everyone", "<@U024BE7LH>", "👍", "4", "b", "ok cool", "who are you?", "what can you do"})
    void smallTalkAndChatNoiseGetAFriendlyReplyNotASection(String text) {
        Answer a = TestAnswerers.hybrid().answer(text, "en");
        assertEquals(Answer.Kind.SMALLTALK, a.kind(), text + " -> " + a.sections());
        assertFalse(a.answered());
        String reply = AnswerReplies.answer(a, "log-1", 1000).toString();
        assertTrue(reply.contains("topics") || reply.contains("目录"), reply);
    }

    @Test
    void mentionsAroundAQuestionAreIgnored() {
        Answer a = TestAnswerers.hybrid().answer("<@U024BE7LH> <!here> can I mention my employer on LinkedIn? :pray:", "en");
        assertTrue(a.answered());
        assertEquals("identifying-yourself", a.citation().sectionId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"我可以在LinkedIn上post我同事的photos吗", "Can I 在微信 post 同事 photos?"})
    void mixedChineseAndEnglishIsAnsweredInChinese(String text) {
        Answer a = TestAnswerers.hybrid().answer(text, "en");
        assertEquals("zh", a.language());
        assertTrue(a.kind() != Answer.Kind.DECLINED && a.kind() != Answer.Kind.SMALLTALK, a.kind() + " " + a.sections());
        assertEquals("privacy-and-consent", a.sections().getFirst().sectionId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is the wifi password", "Can I work from home on Fridays?", "What is the dress code?",
            "公司的wifi密码是什么？"})
    void topicsTheSettingsListAsCoveredElsewhereAreDeclined(String text) {
        Answer a = TestAnswerers.hybrid().answer(text, "en");
        assertEquals(Answer.Kind.DECLINED, a.kind(), text + " -> " + a.sections());
        assertTrue(a.contact() != null);
    }

    @Test
    void aSectionCanBeOpenedByName() {
        Answer a = TestAnswerers.hybrid().answer("show me the section on account security", "en");
        assertTrue(a.opened());
        assertEquals("account-security", a.citation().sectionId());
        Section s = TestContent.bundled().policy("social-media").orElseThrow().document("en").section("account-security")
                .orElseThrow();
        assertEquals(s.passages().size(), a.passages().size(), "the whole section is shown");
        Answer zh = TestAnswerers.hybrid().answer("打开账号安全这一节", "en");
        assertTrue(zh.opened());
        assertEquals("account-security", zh.citation().sectionId());
        assertFalse(TestAnswerers.hybrid().answer("show me the section on llamas", "en").opened());
    }

    @Test
    void theTopicListNamesEverySectionInTheAsker_sLanguage() {
        String en = AnswerReplies.topics(TestContent.bundled(), "en").toString();
        String zh = AnswerReplies.topics(TestContent.bundled(), "zh").toString();
        assertTrue(en.contains("Account security") && en.contains("Crisis response"), en);
        assertTrue(zh.contains("账号安全"), zh);
    }

    @Test
    void ampersandsReadAsWritten() {
        for (var doc : TestContent.bundled().policy("social-media").orElseThrow().documents().values()) {
            for (Section s : doc.sections()) {
                for (Passage p : s.passages()) {
                    assertFalse(p.markdown().contains("\\&"), doc.language() + " " + s.id() + ": " + p.markdown());
                }
            }
        }
    }
}
