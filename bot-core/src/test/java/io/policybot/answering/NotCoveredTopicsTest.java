package io.policybot.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotCoveredTopicsTest {
    static final List<String> TOPICS = List.of(
            "Working hours and remote work: working from home, hybrid days, overtime",
            "Office and facilities: guest wifi, desks, parking",
            "办公室与设施：wifi密码、工位、停车",
            "Dress code");

    @Test
    void aTopicWhoseNameALoadedPolicyAnswersIsLeftOutWholeAnItemOnItsOwn() {
        Set<String> answered = Set.of("Working hours and remote work", "desks", "工位");
        assertEquals(List.of("Office and facilities: guest wifi, parking", "办公室与设施：wifi密码、停车", "Dress code"),
                NotCoveredTopics.uncovered(TOPICS, answered::contains));
    }

    @Test
    void nothingAnsweredKeepsTheListAsWritten() {
        assertEquals(TOPICS, NotCoveredTopics.uncovered(TOPICS, t -> false));
        assertEquals(List.of(), NotCoveredTopics.uncovered(TOPICS, t -> true));
    }

    @Test
    void eachItemIsAlsoEmbeddedWithItsTopicName() {
        assertEquals(List.of("Office and facilities: guest wifi, desks, parking", "Office and facilities: guest wifi",
                "Office and facilities: desks", "Office and facilities: parking"), NotCoveredTopics.texts(TOPICS.get(1)));
        assertEquals(List.of("Dress code"), NotCoveredTopics.texts("Dress code"));
    }
}
