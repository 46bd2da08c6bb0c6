package io.policybot.announcements;

import io.policybot.announcements.AnnouncementService.AlreadyAnnounced;
import io.policybot.announcements.AnnouncementService.Confirmation;
import io.policybot.announcements.AnnouncementService.Outcome;
import io.policybot.announcements.AnnouncementService.Prepared;
import io.policybot.announcements.AnnouncementService.Preview;
import io.policybot.announcements.AnnouncementService.UnknownPolicy;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import io.policybot.text.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The announcements' chat replies: preview, status, the answers to confirm, cancel and "I have read it". */
final class AnnouncementView {
    private final AnnouncementMessages messages;
    private final AnnouncementService service;
    private final Clock clock;

    AnnouncementView(AnnouncementMessages messages, AnnouncementService service, Clock clock) {
        this.messages = messages;
        this.service = service;
        this.clock = clock;
    }

    Reply confirmed(Confirmation done, String language) {
        Messages m = AnnouncementMessages.messages(language);
        String text = switch (done.outcome()) {
            case SENT -> m.get("confirm.done", messages.title(done.announcement().policyId(), language),
                    done.announcement().version(), done.recipients());
            case ALREADY_SENT -> m.get("confirm.already");
            case CANCELLED -> m.get("confirm.cancelled");
            case VERSION_ALREADY_ANNOUNCED -> m.get("confirm.other",
                    messages.title(done.announcement().policyId(), language), done.announcement().version());
            case UNKNOWN -> m.get("ack.unknown");
        };
        return text(done.outcome() == Outcome.SENT ? Reply.REPLACE : Reply.PRIVATE, text);
    }

    Reply cancelled(boolean cancelled, String language) {
        Messages m = AnnouncementMessages.messages(language);
        return cancelled ? text(Reply.REPLACE, m.get("cancel.done")) : text(Reply.PRIVATE, m.get("confirm.already"));
    }

    Reply unknown(String language) {
        return text(Reply.PRIVATE, AnnouncementMessages.messages(language).get("ack.unknown"));
    }

    /** @param readOnly the policy has no quiz: the confirmation completes its training */
    Reply acknowledged(Actor actor, String policyId, String version, boolean readOnly, String language) {
        return text(Reply.PRIVATE, AnnouncementMessages.messages(language).get(readOnly ? "ack.done.read" : "ack.done",
                actor.displayName(), messages.title(policyId, language), version));
    }

    Reply alreadyAcknowledged(String policyId, String version, LocalDate on, String language) {
        return text(Reply.PRIVATE, AnnouncementMessages.messages(language).get("ack.already",
                messages.title(policyId, language), version, AnnouncementMessages.date(on, language)));
    }

    /** A status button for a version that is no longer in force. */
    Reply staleAcknowledgement(String policyId, String version, String current, String language) {
        return text(Reply.PRIVATE, AnnouncementMessages.messages(language).get("ack.stale",
                messages.title(policyId, language), version, current));
    }

    Reply preview(Prepared prepared, String language) {
        Messages m = AnnouncementMessages.messages(language);
        return switch (prepared) {
            case UnknownPolicy u -> text(Reply.PRIVATE, m.get("preview.unknown", u.policyId()));
            case AlreadyAnnounced a -> text(Reply.PRIVATE, m.get("preview.already", messages.title(a.announcement().policyId(), language),
                    a.announcement().version(), day(a.announcement().confirmedAt(), language), statusLine(a, m, language)));
            case Preview p -> {
                String title = messages.title(p.draft().policyId(), language);
                boolean rollOut = p.draft().baseVersion() == null;
                String heading = m.get(rollOut ? "preview.rollout.heading" : "preview.heading", title, p.draft().version());
                List<Block> blocks = new ArrayList<>();
                blocks.add(new Block.Heading(heading));
                blocks.add(new Block.Context(rollOut ? m.get("preview.rollout.base")
                        : m.get("preview.base", p.draft().baseVersion())));
                List<String> lines = messages.changeLines(p.draft(), language);
                blocks.add(rollOut ? new Block.Text(m.get("rollout.intro", title))
                        : lines.isEmpty() ? new Block.Text(m.get("nochange"))
                        : new Block.Bullets(m.get("intro", title), lines));
                String perPlatform = p.audience().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
                // Nobody known yet (no roster, no one has used the bot): say how to get an audience, not "0 people ()".
                blocks.add(new Block.Text(p.audienceSize() == 0 ? m.get("preview.audience.none")
                        : m.get("preview.audience", p.audienceSize(), perPlatform)));
                blocks.add(new Block.Text(dueLine(p.draft(), language)));
                if (!p.channels().isEmpty()) {
                    blocks.add(new Block.Context(m.get("preview.channels", String.join(", ", p.channels()))));
                }
                blocks.add(new Block.Buttons(List.of(
                        new Button(Actions.ANNOUNCE_CONFIRM, m.get("button.confirm"), p.draft().id(), Button.Style.PRIMARY),
                        new Button(Actions.ANNOUNCE_CANCEL, m.get("button.cancel"), p.draft().id()))));
                yield new Reply(Reply.PRIVATE, blocks, heading);
            }
        };
    }

    /** What the announcement asks of people, and by when (an update quiz, the full training, reading it). */
    String dueLine(io.policybot.announcements.Announcement draft, String language) {
        return AnnouncementMessages.messages(language).get("preview.due." + messages.ask(draft).name()
                .toLowerCase(java.util.Locale.ROOT), AnnouncementMessages.date(draft.dueOn(), language));
    }

    Reply status(List<AlreadyAnnounced> all, String language) {
        Messages m = AnnouncementMessages.messages(language);
        if (all.isEmpty()) {
            return text(Reply.PRIVATE, m.get("status.none"));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("status.heading")));
        for (AlreadyAnnounced a : all) {
            blocks.add(new Block.Text(statusLine(a, m, language)));
            if (!a.progress().failures().isEmpty()) {
                blocks.add(new Block.Bullets(m.get("status.failures"), a.progress().failures()));
            }
        }
        return new Reply(Reply.PRIVATE, blocks, statusLine(all.getFirst(), m, language));
    }

    private String statusLine(AlreadyAnnounced a, Messages m, String language) {
        AnnouncementOutbox.Progress p = a.progress();
        return m.get("status.line", messages.title(a.announcement().policyId(), language), a.announcement().version(),
                day(a.announcement().confirmedAt(), language), p.sent(), p.pending(), p.failed(),
                service.acknowledgements(a.announcement()), p.total());
    }

    private String day(Instant at, String language) {
        return at == null ? "?" : AnnouncementMessages.date(LocalDate.ofInstant(at, clock.getZone()), language);
    }

    private static Reply text(Reply.Placement placement, String text) {
        return new Reply(placement, List.of(new Block.Text(text)), text);
    }
}
