package io.policybot.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param at     when it happened
 * @param actor  who did it: a person's key ({@code slack:U123}), {@code cli} or {@code system}
 * @param action what was done: one of the constants below, or a feature's own ({@code announcement.send}...)
 * @param target what it was done to (a policy and version, a team, a person's key, a file name)
 * @param detail free text: counts, the role refused, the version published
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {
    public static final String REPORT_EXPORT = "report.export";
    /** A report shown without a file (the CLI without {@code --csv}). */
    public static final String REPORT_VIEW = "report.view";
    public static final String PERSON_REMOVE = "person.remove";
    public static final String REFUSED = "refused";
    public static final String ROLE_CHANGE = "role.change";
    public static final String ROSTER_IMPORT = "roster.import";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String CONTENT_VERSION = "content.version";
    /** Questions and feedback older than the retention period removed. */
    public static final String RETENTION_PURGE = "retention.purge";
    /** Everything held about a person written out (a data-protection access request). */
    public static final String PERSON_EXPORT = "person.export";
    /** A person pseudonymised (a data-protection erasure request); the target is the pseudonym. */
    public static final String PERSON_FORGET = "person.forget";
    /** A copy of the database written ({@code policybot backup}). */
    public static final String BACKUP = "database.backup";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }
}
