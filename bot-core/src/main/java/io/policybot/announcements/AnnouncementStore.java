package io.policybot.announcements;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Announcements as stored (table {@code announcement}): a draft, then confirmed or cancelled once. Every method
 * joins the caller's transaction, if any.
 */
public interface AnnouncementStore {
    void createDraft(Announcement a);

    Optional<Announcement> find(String id);

    /** The confirmed announcement of this policy version, if it was announced. */
    Optional<Announcement> confirmed(String policyId, String version);

    /** Every confirmed announcement, newest first. */
    List<Announcement> allConfirmed();

    /** Draft -> confirmed or cancelled; false when it was no longer a draft (another press, another process). */
    boolean settle(String id, Announcement.Status to, Instant now);
}
