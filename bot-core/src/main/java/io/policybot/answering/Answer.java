package io.policybot.answering;

import io.policybot.content.Contact;
import io.policybot.content.Passage;
import java.util.List;

/**
 * The bot's answer to one question.
 *
 * @param language     the language it was searched and answered in
 * @param answered     false when the bot declines (it does not know, or the input was not a question)
 * @param confidence   0..1: how sure the bot is that the first section answers the question
 * @param sections     best first, up to 5, also when declined (for HR's view of what came close)
 * @param shortAnswer  the first section's "In short" answer; empty when declined
 * @param passages     the one to three rules of that section that match best
 * @param citation     where the answer comes from; null when declined
 * @param contact      who to ask instead, when declined (null if the content names nobody)
 * @param decline      why it declined, when it did
 */
public record Answer(String question, String language, boolean answered, double confidence,
                     List<RankedSection> sections, String shortAnswer, List<Passage> passages, Citation citation,
                     Contact contact, Decline decline) {
    public Answer {
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
    }

    public enum Decline { NONE, EMPTY, TOO_LONG, NO_WORDS, NOT_COVERED }

    /** The policy and section an answer cites. */
    public record Citation(String policyId, String policyTitle, String sectionId, String sectionTitle, String version,
                           String link) {
    }
}
