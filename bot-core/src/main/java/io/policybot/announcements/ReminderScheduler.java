package io.policybot.announcements;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reminders for the latest announcement of each policy (while its version is in force): on the configured days
 * before the due date, daily once overdue, and one note to the manager after {@code managerAfterDays} overdue.
 * Each reminder is an outbox row whose key holds the person, the version and the day, so running the tick any
 * number of times a day sends each reminder once. People who completed get nothing, and a reminder queued before
 * they completed is skipped when its turn comes ({@link #stillWanted}).
 */
public final class ReminderScheduler {
    private final Supplier<ContentLibrary> content;
    private final AnnouncementStore store;
    private final AnnouncementOutbox outbox;
    private final TrainingService training;
    private final PersonRepository people;
    private final Set<String> platforms;
    private final AnnouncementSettings settings;
    private final Clock clock;

    ReminderScheduler(Supplier<ContentLibrary> content, AnnouncementStore store, AnnouncementOutbox outbox,
                      TrainingService training, PersonRepository people, Set<String> platforms,
                      AnnouncementSettings settings, Clock clock) {
        this.content = content;
        this.store = store;
        this.outbox = outbox;
        this.training = training;
        this.people = people;
        this.platforms = Set.copyOf(platforms);
        this.settings = settings;
        this.clock = clock;
    }

    /** Enqueues today's reminders; returns how many were new. */
    public int tick() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ContentLibrary library = content.get();
        Set<String> policies = new HashSet<>();
        List<OutboxMessage> out = new ArrayList<>();
        for (Announcement a : store.allConfirmed()) {
            Optional<Policy> policy = library.policy(a.policyId());
            if (!policies.add(a.policyId()) || policy.isEmpty() || !policy.get().version().equals(a.version())) {
                continue; // only the newest announcement of a policy, and only while its version is in force
            }
            for (AnnouncementOutbox.Recipient r : outbox.audience(a.id())) {
                Optional<Person> person = people.find(r.personId());
                TrainingStatus.PolicyTraining t = person.map(p -> due(p, a.policyId(), r.language())).orElse(null);
                if (t == null) {
                    continue;
                }
                Person p = person.get();
                long daysLeft = ChronoUnit.DAYS.between(today, t.dueOn());
                if (daysLeft >= 0 && settings.remindDaysBefore().contains((int) daysLeft)) {
                    out.add(OutboxMessage.pending(a.id() + ":remind:" + p.id() + ":" + today, a.id(),
                            OutboxMessage.Kind.REMIND, p.platform(), p.platformUserId(), p.id(), r.language(), now));
                } else if (daysLeft < 0) {
                    out.add(OutboxMessage.pending(a.id() + ":overdue:" + p.id() + ":" + today, a.id(),
                            OutboxMessage.Kind.OVERDUE, p.platform(), p.platformUserId(), p.id(), r.language(), now));
                    if (-daysLeft >= settings.managerAfterDays() && p.managerId() != null) {
                        people.find(p.managerId()).filter(mgr -> platforms.contains(mgr.platform())).ifPresent(mgr ->
                                out.add(OutboxMessage.pending(a.id() + ":manager:" + p.id(), a.id(),
                                        OutboxMessage.Kind.MANAGER, mgr.platform(), mgr.platformUserId(), p.id(),
                                        settings.defaultLanguage(), now)));
                    }
                }
            }
        }
        return outbox.enqueue(out, now);
    }

    /** False for a reminder or manager note about someone who has completed since it was queued. */
    boolean stillWanted(OutboxMessage m) {
        if (m.kind() == OutboxMessage.Kind.CHANNEL || m.kind() == OutboxMessage.Kind.ANNOUNCE || m.personId() == null) {
            return true;
        }
        Optional<Announcement> a = store.find(m.announcementId());
        Optional<Person> p = people.find(m.personId());
        return a.isPresent() && p.isPresent() && due(p.get(), a.get().policyId(), m.language()) != null;
    }

    /** The person's training of the policy when it is not done, else null. */
    private TrainingStatus.PolicyTraining due(Person p, String policyId, String language) {
        return training.trainingStatus(p, language).policies().stream()
                .filter(t -> t.policyId().equals(policyId) && !t.done()).findFirst().orElse(null);
    }
}
