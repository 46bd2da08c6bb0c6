package io.policybot.questions;

import java.time.Instant;
import java.util.Objects;

/**
 * A question someone asked and how well it was answered.
 *
 * @param id         the log id (short: it fits a feedback button's value); null before {@link QuestionLogRepository#log}
 * @param personId   who asked ({@link io.policybot.people.Person#id()})
 * @param answered   whether the bot found an answer
 * @param policyId   the top hit's policy, or null when nothing matched (so is {@code sectionId})
 * @param confidence the top hit's confidence, 0 to 1 (0 when nothing matched)
 */
public record LoggedQuestion(String id, String personId, String question, String language, boolean answered,
                             String policyId, String sectionId, double confidence, Instant askedAt) {
    public LoggedQuestion {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(askedAt, "askedAt");
    }

    public LoggedQuestion withId(String newId) {
        return new LoggedQuestion(newId, personId, question, language, answered, policyId, sectionId, confidence, askedAt);
    }
}
