package io.policybot.announcements;

import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.ButtonHandler;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.content.Policy;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.text.Messages;
import io.policybot.training.Acknowledged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Announcements in chat: HR's {@code announce} command ("", a policy id, "status"), already authorised by the
 * caller, and the {@code announce.*} buttons (confirm and cancel, authorised by the caller; "I have read it", for
 * everyone). Reads the words, calls {@link AnnouncementService}, renders with {@link AnnouncementView}.
 */
public final class AnnouncementConversation implements AnnouncementCommands, ButtonHandler {
    private final AnnouncementService service;
    private final AnnouncementStore store;
    private final AcknowledgementRepository acks;
    private final AnnouncementView view;
    private final PersonRepository people;
    private final Clock clock;

    AnnouncementConversation(AnnouncementService service, AnnouncementStore store, AcknowledgementRepository acks,
                             AnnouncementMessages messages, PersonRepository people, Clock clock) {
        this.service = service;
        this.store = store;
        this.acks = acks;
        this.view = new AnnouncementView(messages, service, clock);
        this.people = people;
        this.clock = clock;
    }

    @Override
    public Set<String> prefixes() {
        return Set.of("announce.");
    }

    /** Whether {@code args} ("status", "状态") asks for the progress of the announcements, not a new one. */
    public static boolean asksForStatus(String argument) {
        String arg = argument == null ? "" : argument.strip();
        return arg.equalsIgnoreCase("status") || arg.startsWith("status ") || arg.equals("状态");
    }

    @Override
    public List<Reply> announce(Inbound.Message message, String argument, String language) {
        String arg = argument == null ? "" : argument.strip();
        if (asksForStatus(arg)) {
            return List.of(status(language));
        }
        // Asking for a preview creates no one: the draft names its author only when they are a known person.
        String author = people.find(message.actor().platform(), message.actor().userId()).map(Person::id).orElse(null);
        return List.of(view.preview(service.prepare(arg.isEmpty() ? null : arg, author), language));
    }

    /** What {@link AnnouncementService#prepare} found, in the words of the chat preview (the CLI prints it). */
    public Reply preview(AnnouncementService.Prepared prepared, String language) {
        return view.preview(prepared, language);
    }

    /** What a draft asks of people and by when, in the preview's words (the web console shows it too). */
    public String dueLine(Announcement draft, String language) {
        return view.dueLine(draft, language);
    }

    /** What a confirmation did, in chat words. */
    public Reply confirmed(AnnouncementService.Confirmation done, String language) {
        return view.confirmed(done, language);
    }

    /** Every announcement's progress, as {@code announce status} shows it. */
    public Reply status(String language) {
        return view.status(service.status(), language);
    }

    @Override
    public List<Reply> onButton(Inbound.ButtonPress press, String language) {
        return switch (press.actionId()) {
            case Actions.ANNOUNCE_CONFIRM -> List.of(view.confirmed(service.confirm(press.value(), press.actor().key()),
                    language));
            case Actions.ANNOUNCE_CANCEL -> List.of(view.cancelled(service.cancel(press.value(), press.actor().key()),
                    language));
            case Actions.ACKNOWLEDGE -> acknowledge(press, language);
            default -> List.of();
        };
    }

    /**
     * "I have read it", from an announcement DM (the value is its id) or from status and the home view (the value
     * names the policy version: {@link Acknowledged#buttonValue}; only the version in force can be confirmed there).
     * For a policy without a quiz this completes its training, and the reply says so.
     */
    private List<Reply> acknowledge(Inbound.ButtonPress press, String language) {
        Optional<Announcement> a = store.find(press.value());
        String policyId;
        String version;
        if (a.isPresent()) {
            policyId = a.get().policyId();
            version = a.get().version();
        } else {
            Optional<Acknowledged.Named> named = Acknowledged.parseButtonValue(press.value());
            Optional<Policy> policy = named.flatMap(n -> service.policy(n.policyId()));
            if (policy.isEmpty()) {
                return List.of(view.unknown(language));
            }
            policyId = policy.get().id();
            version = named.get().version();
            if (!version.equals(policy.get().version())) {
                return List.of(view.staleAcknowledgement(policyId, version, policy.get().version(), language));
            }
        }
        boolean readOnly = service.policy(policyId).map(Policy::acknowledgementOnly).orElse(false);
        if (service.acknowledge(press.actor(), policyId, version, a.map(Announcement::id).orElse(null))) {
            return List.of(view.acknowledged(press.actor(), policyId, version, readOnly, language));
        }
        Person p = person(press.actor());
        Instant at = acks.find(p.id(), policyId, version).map(Acknowledgement::acknowledgedAt)
                .orElse(clock.instant());
        return List.of(view.alreadyAcknowledged(policyId, version, LocalDate.ofInstant(at, clock.getZone()), language));
    }

    private Person person(Actor actor) {
        String name = actor.displayName().equals(actor.userId()) ? null : actor.displayName();
        return people.findOrCreate(actor.platform(), actor.userId(), name, clock.instant());
    }
}
