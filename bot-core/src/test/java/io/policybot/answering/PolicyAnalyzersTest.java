package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The analysis chains term by term, as Lucene tests its analyzers. */
class PolicyAnalyzersTest {
    private final PolicyAnalyzers analyzers = new PolicyAnalyzers();

    @Test
    void englishIndexStemsAndDropsQuestionWords() {
        List<Set<String>> groups = QuestionTerms.analyze(analyzers.index("en"), "Can I mention my employer's posts?").groups();
        assertEquals(List.of(Set.of("mention"), Set.of("employ"), Set.of("post")), groups);
    }

    @Test
    void englishQueriesExpandWorkplaceAndPlatformSynonyms() {
        List<Set<String>> groups = QuestionTerms.analyze(analyzers.query("en"), "my boss on IG").groups();
        assertTrue(groups.get(0).containsAll(Set.of("boss", "manag", "supervisor")), groups.toString());
        assertTrue(groups.get(1).contains("instagram"), groups.toString());
    }

    @Test
    void xMeansTwitter() {
        List<Set<String>> groups = QuestionTerms.analyze(analyzers.query("en"), "tweet on X").groups();
        assertTrue(groups.stream().anyMatch(g -> g.contains("twitter")), groups.toString());
    }

    @Test
    void chineseIsSegmentedIntoWords() {
        List<Set<String>> groups = QuestionTerms.analyze(analyzers.index("zh"), "公司的社交媒体账号密码").groups();
        assertTrue(groups.stream().anyMatch(g -> g.contains("密码")), groups.toString());
        assertTrue(groups.stream().anyMatch(g -> g.contains("账号")), groups.toString());
    }

    @Test
    void chineseQueriesExpandSynonyms() {
        List<Set<String>> groups = QuestionTerms.analyze(analyzers.query("zh"), "老板").groups();
        assertTrue(groups.getFirst().contains("经理"), groups.toString());
    }
}
