package io.policybot.questions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The log of questions asked and the feedback votes on the answers: what people ask, what the bot could not
 * answer, and which answers helped. Thread-safe; each write is committed before returning.
 */
public interface QuestionLogRepository {

    /** Stores the question and returns it with its new log id. */
    LoggedQuestion log(LoggedQuestion question);

    Optional<LoggedQuestion> find(String logId);

    /** Questions asked at or after {@code from}, oldest first. */
    List<LoggedQuestion> since(Instant from);

    /** The language each person last asked in, by person id (people who never asked are absent). */
    java.util.Map<String, String> lastLanguages();

    /** One vote per person per answer: a second vote replaces the first (see {@link VoteResult}). */
    VoteResult vote(String logId, String personId, Vote vote, Instant at);

    VoteTally tally(String logId);

    /** Marks the question as passed to HR; true only the first time (a second press, or a replay, gets false). */
    boolean markEscalated(String logId, Instant at);

    /** Undoes {@link #markEscalated} when the post to HR did not go, so the person can send it again. */
    void clearEscalated(String logId);

    /** The questions passed to HR at or after {@code from}, newest first, open or handled. */
    List<HandOff> handOffs(Instant from);

    /** Marks a hand-off handled; true only the first time, false for a question never passed to HR. */
    boolean markHandOffHandled(String logId, String by, Instant at);

    /** Marks a group of unanswered questions handled, by its example; true only the first time for that example. */
    boolean markGapHandled(String example, String by, Instant at);

    /** Every group marked handled, oldest first. */
    List<HandledGap> handledGaps();
    /** How many questions were asked before {@code cutoff}, and the feedback votes on them: what a purge removes. */
    Purge countAskedBefore(Instant cutoff);

    /**
     * Deletes the questions asked before {@code cutoff} and the feedback on them (retention), in one transaction.
     * Training and acknowledgements are other tables and stay.
     */
    Purge purgeAskedBefore(Instant cutoff);

    /** Questions and feedback votes removed (or that would be) by a retention purge. */
    record Purge(int questions, int feedback) {
    }
}
