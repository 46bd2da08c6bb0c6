package io.policybot.announcements;

import io.policybot.training.UpdateRequirements;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Delta training from the stored versions: the sections added or changed between the version a person trained on
 * and the one in force. Due by the announcement's due date, or {@code updateDueDays} after the version was
 * published when it was never announced.
 */
public final class VersionUpdateRequirements implements UpdateRequirements {
    private final PolicyVersionStore versions;
    private final AnnouncementStore announcements;
    private final AnnouncementSettings settings;
    private final Clock clock;

    public VersionUpdateRequirements(PolicyVersionStore versions, AnnouncementStore announcements,
                                     AnnouncementSettings settings, Clock clock) {
        this.versions = versions;
        this.announcements = announcements;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<Update> since(String policyId, String coveredVersion, String currentVersion) {
        Optional<PublishedVersion> covered = versions.find(policyId, coveredVersion);
        Optional<PublishedVersion> current = versions.find(policyId, currentVersion);
        if (covered.isEmpty() || current.isEmpty() || covered.get().seq() > current.get().seq()) {
            return Optional.empty();
        }
        ContentChanges changes = ContentChanges.between(covered.get(), current.get());
        LocalDate due = announcements.confirmed(policyId, currentVersion).map(Announcement::dueOn)
                .orElseGet(() -> LocalDate.ofInstant(current.get().publishedAt(), clock.getZone())
                        .plusDays(settings.updateDueDays()));
        return Optional.of(new Update(changes.sectionsToRetrain(), due));
    }
}
