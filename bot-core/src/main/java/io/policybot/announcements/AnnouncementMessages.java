package io.policybot.announcements;

import io.policybot.content.ContentLibrary;
import io.policybot.conversation.Actions;
import io.policybot.conversation.Block;
import io.policybot.conversation.Button;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.text.Dates;
import io.policybot.text.Messages;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.SectionFingerprint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The words and buttons of announcements, reminders and notes to managers, built from what is stored (the
 * announcement and the versions' section titles and summaries), so an outbox row is rendered the same after a
 * restart. Messages of one announcement, kind and language are the same for everyone, and built once.
 */
final class AnnouncementMessages {
    static final String BUNDLE = "announcements";
    private final Supplier<ContentLibrary> content;
    private final PolicyVersionStore versions;
    private final AnnouncementStore store;
    private final PersonRepository people;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    record Rendered(List<Block> blocks, String fallback) {
        Rendered {
            blocks = List.copyOf(blocks);
        }
    }

    AnnouncementMessages(Supplier<ContentLibrary> content, PolicyVersionStore versions, AnnouncementStore store,
                         PersonRepository people) {
        this.content = content;
        this.versions = versions;
        this.store = store;
        this.people = people;
    }

    static Messages messages(String language) {
        return Messages.of(BUNDLE, language);
    }

    /** The message an outbox row sends; empty when its announcement is gone. */
    Optional<Rendered> render(OutboxMessage m) {
        if (m.kind() == OutboxMessage.Kind.MANAGER) {
            return store.find(m.announcementId()).map(a -> manager(a, m));
        }
        String cacheKey = m.announcementId() + "/" + m.kind() + "/" + m.language();
        Rendered cached = rendered.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Rendered> made = store.find(m.announcementId()).map(a -> switch (m.kind()) {
            case CHANNEL -> announce(a, m.language(), false);
            case ANNOUNCE -> announce(a, m.language(), true);
            case REMIND -> reminder(a, m.language(), "remind.text");
            case OVERDUE -> reminder(a, m.language(), "overdue.text");
            case MANAGER -> throw new IllegalStateException("handled above");
        });
        made.ifPresent(r -> rendered.putIfAbsent(cacheKey, r));
        return made;
    }

    ContentChanges changes(Announcement a) {
        PublishedVersion to = versions.find(a.policyId(), a.version()).orElseThrow();
        PublishedVersion from = a.baseVersion() == null ? null : versions.find(a.policyId(), a.baseVersion()).orElse(null);
        return ContentChanges.between(from, to);
    }

    String title(String policyId, String language) {
        return content.get().policy(policyId).map(p -> p.document(language).title()).orElse(policyId);
    }

    /** One line per added, changed or removed section, in {@code language} (else English, else any). */
    List<String> changeLines(ContentChanges changes, String language) {
        String lang = changes.languages().containsKey(language) ? language
                : changes.languages().containsKey("en") ? "en" : changes.languages().keySet().stream().findFirst().orElse("en");
        Messages m = messages(language);
        ContentChanges.Language l = changes.in(lang);
        List<String> lines = new ArrayList<>();
        for (SectionFingerprint s : l.changed()) {
            lines.add(m.get("changed.item", s.title(), oneLine(s.summary())));
        }
        for (SectionFingerprint s : l.added()) {
            lines.add(m.get("added.item", s.title(), oneLine(s.summary())));
        }
        for (SectionFingerprint s : l.removed()) {
            lines.add(m.get("removed.item", s.title()));
        }
        return lines;
    }

    private Rendered announce(Announcement a, String language, boolean dm) {
        Messages m = messages(language);
        String title = title(a.policyId(), language);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("heading", title, a.version())));
        List<String> lines = changeLines(changes(a), language);
        if (lines.isEmpty()) {
            blocks.add(new Block.Text(m.get("nochange")));
        } else {
            blocks.add(new Block.Bullets(m.get("intro", title), lines));
        }
        blocks.add(new Block.Text(m.get("due", date(a.dueOn(), language))));
        if (dm) {
            blocks.add(new Block.Buttons(List.of(
                    new Button(Actions.ACKNOWLEDGE, m.get("button.ack"), a.id(), Button.Style.PRIMARY),
                    new Button(Actions.UPDATE_QUIZ_START, m.get("button.quiz"), a.policyId()))));
        } else {
            blocks.add(new Block.Context(m.get("channel.dm")));
        }
        return new Rendered(blocks, m.get("heading", title, a.version()));
    }

    private Rendered reminder(Announcement a, String language, String key) {
        Messages m = messages(language);
        String title = title(a.policyId(), language);
        List<Block> blocks = List.of(new Block.Heading(m.get("remind.heading", title, a.version())),
                new Block.Text(m.get(key, title, date(a.dueOn(), language))),
                new Block.Buttons(List.of(new Button(Actions.UPDATE_QUIZ_START, m.get("button.quiz"), a.policyId(),
                        Button.Style.PRIMARY))));
        return new Rendered(blocks, m.get(key, title, date(a.dueOn(), language)));
    }

    private Rendered manager(Announcement a, OutboxMessage msg) {
        Messages m = messages(msg.language());
        String name = msg.personId() == null ? "?" : people.find(msg.personId()).map(Person::displayName).orElse("?");
        String text = m.get("manager.text", name, title(a.policyId(), msg.language()), a.version(),
                date(a.dueOn(), msg.language()));
        return new Rendered(List.of(new Block.Text(text)), text);
    }

    static String date(LocalDate day, String language) {
        return Dates.day(day, language);
    }

    private static String oneLine(String summary) {
        String s = summary.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }
}
