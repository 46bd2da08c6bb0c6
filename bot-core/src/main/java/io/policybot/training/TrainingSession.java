package io.policybot.training;

import java.time.Instant;
import java.util.Objects;

/**
 * A quiz or role-play run by one person, as stored.
 *
 * @param module  {@link Modules#QUIZ} or {@code roleplay:<scenario-id>}
 * @param policyVersion the version trained on: a later change to the policy does not change it
 * @param language the language the session runs in
 * @param state   the session's plan as JSON (question and option order, current role-play step)
 */
public record TrainingSession(String id, String personId, String module, String policyId, String policyVersion,
                              String language, SessionStatus status, String state, Instant startedAt,
                              Instant updatedAt) {
    public TrainingSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }

    public boolean isQuiz() {
        return Modules.isAnyQuiz(module);
    }
}
