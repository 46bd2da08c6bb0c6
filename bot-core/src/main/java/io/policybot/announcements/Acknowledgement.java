package io.policybot.announcements;

import java.time.Instant;

/** "I have read it": who, which policy version, from which announcement and platform, and when. */
public record Acknowledgement(String id, String personId, String policyId, String policyVersion, String announcementId,
                              String platform, Instant acknowledgedAt) {
}
