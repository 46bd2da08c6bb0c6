package io.policybot.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the bot holds about one person, for data-protection requests: the whole record for an access request
 * ({@link #export}), and pseudonymisation for an erasure request ({@link #forget}). Forgetting keeps the training
 * and acknowledgement evidence compliance needs, attached to a pseudonym that names no one; the audit log is
 * append-only and is kept as it is (its own retention is the organisation's).
 */
public interface PersonalData {
    /** The prefix of every pseudonym: how a forgotten person is recognised. */
    String PSEUDONYM_PREFIX = "forgotten-";

    /**
     * Everything held about the person, by section ({@code person}, {@code training_sessions}, {@code questions},
     * {@code audit}...), each a list of rows of column values; empty when there is no such person.
     */
    Optional<Export> export(String personId);

    /**
     * Pseudonymises the person in one transaction: name, platform id, email, joined date and manager replaced or
     * cleared, their questions and feedback deleted, sign-in links deleted, messages still waiting to be sent to
     * them skipped, their role dropped, the people they managed left without a manager; training sessions, answers, completions and acknowledgements kept on the
     * pseudonym. Idempotent: on someone already forgotten nothing changes ({@link Forgotten#changed()} false).
     * Empty when there is no such person.
     */
    Optional<Forgotten> forget(String personId, Instant now);

    /** @param sections section name -> rows, in a fixed order */
    record Export(Person person, Map<String, List<Map<String, Object>>> sections) {
    }

    /** What forgetting did (all zero and {@code changed} false when the person was already forgotten). */
    record Forgotten(String pseudonym, boolean changed, int questionsRemoved, int feedbackRemoved,
                     int signInLinksRemoved, int messagesSkipped, int answersKept, int trainingKept,
                     int acknowledgementsKept) {
    }

    /** The stable pseudonym of a person: from their internal id (random), so it names no one and never changes. */
    static String pseudonym(String personId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(personId.getBytes(StandardCharsets.UTF_8));
            return PSEUDONYM_PREFIX + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static boolean isPseudonym(String platformUserId) {
        return platformUserId != null && platformUserId.startsWith(PSEUDONYM_PREFIX);
    }
}
