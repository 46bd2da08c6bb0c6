package io.policybot.answering;

import io.policybot.content.Contact;
import io.policybot.content.Passage;
import java.util.List;
import java.util.Locale;

/**
 * The bot's answer to one question.
 *
 * @param language     the language it was searched and answered in
 * @param kind         how it answers: confidently, with a runner-up, with suggestions only, not at all, or as small talk
 * @param confidence   0..1: how sure the bot is that the first section answers the question
 * @param sections     best first, up to 5, also when declined (for HR's view of what came close)
 * @param shortAnswer  the first section's "In short" answer; empty unless answered
 * @param passages     the one to three rules of that section that match best
 * @param citation     where the answer comes from; null unless answered
 * @param alternatives the runner-up offered beside an answer, or the sections suggested when unsure (up to 3)
 * @param contact      who to ask instead, when not answered (null if the content names nobody)
 * @param decline      why it did not answer, when it did not
 * @param opened       the person asked for this section by name: show it whole
 */
public record Answer(String question, String language, Kind kind, double confidence, List<RankedSection> sections,
                     String shortAnswer, List<Passage> passages, Citation citation, List<RankedSection> alternatives,
                     Contact contact, Decline decline, boolean opened) {
    public Answer {
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
        alternatives = List.copyOf(alternatives);
    }

    /** True when a section is given as the answer (with or without a runner-up). */
    public boolean answered() {
        return kind == Kind.ANSWER || kind == Kind.ANSWER_WITH_ALTERNATIVES;
    }

    public enum Kind {
        ANSWER, ANSWER_WITH_ALTERNATIVES, SUGGESTIONS, DECLINED, SMALLTALK;

        /** The name in {@code ask --json} and reports: answer, answer_with_alternatives, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** NOT_COVERED also for suggestions (the bot is not sure); SMALLTALK for greetings, thanks and chat noise. */
    public enum Decline { NONE, EMPTY, TOO_LONG, NO_WORDS, NOT_COVERED, SMALLTALK }

    /** The policy and section an answer cites. */
    public record Citation(String policyId, String policyTitle, String sectionId, String sectionTitle, String version,
                           String link) {
    }
}
