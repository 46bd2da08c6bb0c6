package io.policybot.announcements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An announcement of a policy version: a draft while HR looks at the preview, then confirmed (sent) or cancelled.
 *
 * @param baseVersion the version it is compared with (null for a first version)
 * @param createdBy   the person id of who asked for it, or null (the CLI)
 */
public record Announcement(String id, String policyId, String version, String baseVersion, LocalDate dueOn,
                           Status status, String createdBy, Instant createdAt, Instant confirmedAt) {
    public Announcement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
    }

    public enum Status { DRAFT, CONFIRMED, CANCELLED }
}
