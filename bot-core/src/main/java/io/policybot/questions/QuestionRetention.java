package io.policybot.questions;

import io.policybot.audit.AuditEntry;
import io.policybot.audit.AuditLog;
import io.policybot.dedupe.RunOnce;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How long the question log and its feedback are kept: what is older than the retention period is purged, by the
 * daily scheduled run (once across replicas, through {@link RunOnce}) or by an operator ({@code policybot purge}).
 * Training results and acknowledgements are evidence compliance needs, in other tables, and are never purged here.
 * Every purge that removed something is recorded in the audit log, and every one an operator ran.
 */
public final class QuestionRetention {
    /** The scheduled job's name (in {@code scheduled_run}) and the setting's key. */
    public static final String JOB = "retention.questions";
    /** Kept a year unless configured. */
    public static final Duration DEFAULT = Duration.ofDays(365);

    private final QuestionLogRepository questions;
    private final AuditLog audit;
    private final RunOnce runs;
    private final Atomically transactions;
    private final Duration keep;
    private final Clock clock;

    /** @param keep how long questions are kept; zero or negative keeps them forever */
    public QuestionRetention(QuestionLogRepository questions, AuditLog audit, RunOnce runs, Atomically transactions,
                             Duration keep, Clock clock) {
        this.questions = questions;
        this.audit = audit;
        this.runs = runs;
        this.transactions = transactions;
        this.keep = keep;
        this.clock = clock;
    }

    /** Runs work in one transaction: the store's {@code atomically} (as a method reference; this package stays off the store). */
    @FunctionalInterface
    public interface Atomically {
        <T> T atomically(Supplier<T> work);
    }

    /** The retention period, or empty when questions are kept forever. */
    public Optional<Duration> period() {
        return keep.isPositive() ? Optional.of(keep) : Optional.empty();
    }

    /** Questions asked before this time are due for purging (empty: kept forever). */
    public Optional<Instant> cutoff() {
        return period().map(p -> clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(p));
    }

    /** What a purge now would remove (nothing when kept forever). */
    public QuestionLogRepository.Purge preview() {
        return cutoff().map(questions::countAskedBefore).orElse(new QuestionLogRepository.Purge(0, 0));
    }

    /** Purges now, as {@code actor} (audited, also when there was nothing to remove). */
    public QuestionLogRepository.Purge purge(String actor) {
        Optional<Instant> cutoff = cutoff();
        if (cutoff.isEmpty()) {
            return new QuestionLogRepository.Purge(0, 0);
        }
        return transactions.atomically(() -> purged(actor, cutoff.get(), true));
    }

    /**
     * The daily run: purges unless another replica (or this one) already ran today's (UTC). The claim and the purge
     * commit together, so a run that fails leaves the day to the next try. True when this call ran it.
     */
    public boolean runScheduled() {
        Optional<Instant> cutoff = cutoff();
        if (cutoff.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        return transactions.atomically(() -> {
            if (!runs.claim(JOB, day, now)) {
                return false;
            }
            // The claim row says it ran; the audit log hears of it when it removed something (not a line a day).
            purged("system", cutoff.get(), false);
            return true;
        });
    }

    private QuestionLogRepository.Purge purged(String actor, Instant cutoff, boolean alwaysAudit) {
        QuestionLogRepository.Purge p = questions.purgeAskedBefore(cutoff);
        if (!alwaysAudit && p.questions() == 0 && p.feedback() == 0) {
            return p;
        }
        audit.record(new AuditEntry(clock.instant(), actor, AuditEntry.RETENTION_PURGE, "questions asked before "
                + cutoff, p.questions() + " questions and " + p.feedback() + " feedback votes removed (kept "
                + keep.toDays() + " days; training and acknowledgements kept)"));
        return p;
    }
}
