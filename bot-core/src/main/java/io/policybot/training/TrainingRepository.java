package io.policybot.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where training sessions, their answers and completions are kept. Implementations are thread-safe, and every
 * write is committed before the method returns, so what the user is told next is already durable.
 */
public interface TrainingRepository {

    /** Stores a new active session; false (nothing stored) when the person already has an active one. */
    boolean create(TrainingSession session);

    Optional<TrainingSession> find(String sessionId);

    /** The person's active session, if any (there is at most one). */
    Optional<TrainingSession> active(String personId);

    /** The session's answers by index. */
    List<RecordedAnswer> answers(String sessionId);

    /**
     * In one transaction: stores {@code answer}, saves the session's new {@code state}, and when
     * {@code completion} is not null, stores it and marks the session finished. Nothing is written unless the
     * session is active and the answer's index is not yet answered.
     */
    AnswerOutcome recordAnswer(RecordedAnswer answer, String state, Completion completion, Instant now);

    /** Marks an active session abandoned (its content went away); no effect on other sessions. */
    void abandon(String sessionId, Instant now);

    /** The person's completions, oldest first. */
    List<Completion> completions(String personId);

    /**
     * The person's acknowledgements ("I have read it") of every policy version, oldest first: the training of an
     * acknowledgement-only policy.
     */
    List<Acknowledged> acknowledgements(String personId);

    /** Everyone's completions of a policy, oldest first (for reports). */
    List<Completion> completionsOfPolicy(String policyId);
}
