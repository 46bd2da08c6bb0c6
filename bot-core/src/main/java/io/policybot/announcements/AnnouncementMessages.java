package io.policybot.announcements;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Section;
import io.policybot.chat.Actions;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.people.Person;
import io.policybot.people.PersonRepository;
import io.policybot.text.Dates;
import io.policybot.text.Messages;
import io.policybot.text.WordDiff;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingStatus;
import io.policybot.versions.ContentChanges;
import io.policybot.versions.PolicyVersionStore;
import io.policybot.versions.PublishedVersion;
import io.policybot.versions.SectionFingerprint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
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
    private final TrainingService training;
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    record Rendered(List<Block> blocks, String fallback) {
        Rendered {
            blocks = List.copyOf(blocks);
        }
    }

    /** What an announcement asks of people, from what changed and which sections have quiz questions. */
    enum Ask {
        /** The first version of a policy: everyone takes the full training. */
        ROLL_OUT,
        /** A changed section has quiz questions: people trained earlier take the short update quiz. */
        UPDATE_QUIZ,
        /** Nothing that changed has quiz questions: earlier training still counts. */
        NO_RETRAINING,
        /** A new policy without a quiz: everyone reads it and confirms ("I have read it"), each by their own date. */
        READ_ROLL_OUT,
        /** A policy without a quiz whose sections changed: people who read an earlier version read the changes. */
        READ
    }

    /** Where one person stands when their DM or reminder is rendered: decides its words and buttons. */
    private record Personal(String variant, LocalDate dueOn) {
    }

    AnnouncementMessages(Supplier<ContentLibrary> content, PolicyVersionStore versions, AnnouncementStore store,
                         PersonRepository people, TrainingService training) {
        this.content = content;
        this.versions = versions;
        this.store = store;
        this.people = people;
        this.training = training;
    }

    static Messages messages(String language) {
        return Messages.of(BUNDLE, language);
    }

    /**
     * The message an outbox row sends; empty when its announcement is gone. DMs and reminders say what is due of
     * that person, by the same rule as their status (an update quiz, the full quiz, or nothing), with their date;
     * messages of one announcement, kind, language and situation are built once.
     */
    Optional<Rendered> render(OutboxMessage m) {
        Optional<Announcement> found = store.find(m.announcementId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Announcement a = found.get();
        if (m.kind() == OutboxMessage.Kind.MANAGER) {
            return Optional.of(manager(a, m));
        }
        Personal personal = m.kind() == OutboxMessage.Kind.CHANNEL || m.personId() == null ? null
                : personal(a, m.personId(), m.language());
        String cacheKey = m.announcementId() + "/" + m.kind() + "/" + m.language()
                + (personal == null ? "" : "/" + personal.variant() + "/" + personal.dueOn());
        Rendered cached = rendered.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Rendered made = switch (m.kind()) {
            case CHANNEL -> announce(a, m.language(), null);
            case ANNOUNCE -> announce(a, m.language(), personal);
            case REMIND -> reminder(a, m.language(), personal, false);
            case OVERDUE -> reminder(a, m.language(), personal, true);
            case MANAGER -> throw new IllegalStateException("handled above");
        };
        rendered.putIfAbsent(cacheKey, made);
        return Optional.of(made);
    }

    private Personal personal(Announcement a, String personId, String language) {
        Optional<TrainingStatus.PolicyTraining> t = people.find(personId).flatMap(p -> training.trainingStatus(p, language)
                .policies().stream().filter(x -> x.policyId().equals(a.policyId())).findFirst());
        if (t.isEmpty()) {
            return new Personal("none", null);
        }
        TrainingStatus.PolicyTraining p = t.get();
        String variant = p.acknowledgementOnly()
                ? (p.done() ? "read.done" : p.update() != null ? (p.overdue() ? "reread.late" : "reread")
                        : p.overdue() ? "read.late" : "read")
                : p.done() ? "done" : p.update() != null ? (p.overdue() ? "update.late" : "update")
                : p.overdue() ? "full.late" : "full";
        return new Personal(variant, p.done() ? null : p.dueOn());
    }

    ContentChanges changes(Announcement a) {
        PublishedVersion to = versions.find(a.policyId(), a.version()).orElseThrow();
        PublishedVersion from = a.baseVersion() == null ? null : versions.find(a.policyId(), a.baseVersion()).orElse(null);
        return ContentChanges.between(from, to);
    }

    Ask ask(Announcement a) {
        boolean readOnly = content.get().policy(a.policyId()).map(p -> p.acknowledgementOnly()).orElse(false);
        if (a.baseVersion() == null) {
            return readOnly ? Ask.READ_ROLL_OUT : Ask.ROLL_OUT;
        }
        if (readOnly) {
            return changes(a).sectionsToRetrain().isEmpty() ? Ask.NO_RETRAINING : Ask.READ;
        }
        Set<String> asked = new HashSet<>();
        content.get().policy(a.policyId()).ifPresent(p -> p.quizzes().values().forEach(qs -> qs.forEach(
                q -> asked.add(q.sectionId()))));
        return changes(a).sectionsToRetrain().stream().anyMatch(asked::contains) ? Ask.UPDATE_QUIZ : Ask.NO_RETRAINING;
    }

    String title(String policyId, String language) {
        return content.get().policy(policyId).map(p -> p.document(language).title()).orElse(policyId);
    }

    /**
     * One line per added, changed or removed section, in {@code language} (else English, else any). A changed
     * section shows a word diff of its short answer (words removed and added, with some context), or says that
     * only its detailed rules changed. Empty for a roll-out (a first version has nothing to compare with).
     */
    List<String> changeLines(Announcement a, String language) {
        if (a.baseVersion() == null) {
            return List.of();
        }
        ContentChanges changes = changes(a);
        String lang = changes.languages().containsKey(language) ? language
                : changes.languages().containsKey("en") ? "en" : changes.languages().keySet().stream().findFirst().orElse("en");
        Messages m = messages(language);
        Map<String, SectionFingerprint> before = new HashMap<>();
        versions.find(a.policyId(), a.baseVersion()).ifPresent(v -> v.sections().getOrDefault(lang, List.of())
                .forEach(s -> before.put(s.sectionId(), s)));
        ContentChanges.Language l = changes.in(lang);
        List<String> lines = new ArrayList<>();
        for (SectionFingerprint s : l.changed()) {
            SectionFingerprint was = before.get(s.sectionId());
            String diff = was == null ? "" : WordDiff.inline(oneLine(was.summary()), oneLine(s.summary()),
                    removed -> m.get("diff.removed", removed), added -> m.get("diff.added", added));
            // Without an "In short" answer the summary is the section's first passage: say that, not "short answer".
            String same = hasShortAnswer(a.policyId(), lang, s.sectionId()) ? "changed.details" : "changed.details.passages";
            lines.add(diff.isEmpty() ? m.get(same, s.title()) : m.get("changed.item", s.title(), diff));
        }
        for (SectionFingerprint s : l.added()) {
            lines.add(m.get("added.item", s.title(), oneLine(s.summary())));
        }
        for (SectionFingerprint s : l.removed()) {
            lines.add(m.get("removed.item", s.title()));
        }
        return lines;
    }

    /** Whether the section, as the content in force has it, has an "In short" answer (unknown: as if it had). */
    private boolean hasShortAnswer(String policyId, String language, String sectionId) {
        return content.get().policy(policyId).flatMap(p -> p.exactDocument(language)).flatMap(d -> d.section(sectionId))
                .map(Section::hasShortAnswer).orElse(true);
    }

    /** @param personal the recipient's situation (a DM), or null (the channel post, read by everyone) */
    private Rendered announce(Announcement a, String language, Personal personal) {
        Messages m = messages(language);
        String title = title(a.policyId(), language);
        Ask ask = ask(a);
        boolean rollOut = a.baseVersion() == null;
        String heading = m.get(rollOut ? "heading.rollout" : "heading", title, a.version());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(heading));
        List<String> lines = changeLines(a, language);
        if (rollOut) {
            blocks.add(new Block.Text(m.get("rollout.intro", title)));
        } else if (lines.isEmpty()) {
            blocks.add(new Block.Text(m.get("nochange")));
        } else {
            blocks.add(new Block.Bullets(m.get("intro", title), lines));
        }
        if (personal == null) {
            blocks.add(new Block.Text(m.get("due.channel." + ask.name().toLowerCase(Locale.ROOT), date(a.dueOn(), language))));
            blocks.add(new Block.Context(m.get("channel.dm")));
            return new Rendered(blocks, heading);
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(Actions.ACKNOWLEDGE, m.get("button.ack"), a.id(), Button.Style.PRIMARY));
        if (!personal.variant().equals("none")) {
            blocks.add(new Block.Text(m.get("due.dm." + personal.variant(), date(personal.dueOn(), language))));
        }
        if (personal.variant().startsWith("update")) {
            buttons.add(new Button(Actions.UPDATE_QUIZ_START, m.get("button.quiz"), a.policyId()));
        } else if (personal.variant().startsWith("full")) {
            buttons.add(new Button(Actions.QUIZ_START, m.get("button.fullquiz"), a.policyId()));
        }
        blocks.add(new Block.Buttons(buttons));
        return new Rendered(blocks, heading);
    }

    private Rendered reminder(Announcement a, String language, Personal personal, boolean overdue) {
        Messages m = messages(language);
        String title = title(a.policyId(), language);
        boolean read = personal != null && personal.variant().contains("read");
        boolean update = !read && (personal == null || personal.variant().startsWith("update"));
        LocalDate due = personal == null || personal.dueOn() == null ? a.dueOn() : personal.dueOn();
        String key = (overdue ? "overdue" : "remind") + (read ? ".read" : update ? ".text" : ".full");
        String text = m.get(key, title, date(due, language));
        // A policy without a quiz is trained by confirming it was read: the reminder carries that button.
        Button button = read ? new Button(Actions.ACKNOWLEDGE, m.get("button.ack"), a.id(), Button.Style.PRIMARY)
                : update ? new Button(Actions.UPDATE_QUIZ_START, m.get("button.quiz"), a.policyId(), Button.Style.PRIMARY)
                : new Button(Actions.QUIZ_START, m.get("button.fullquiz"), a.policyId(), Button.Style.PRIMARY);
        List<Block> blocks = List.of(new Block.Heading(m.get("remind.heading", title, a.version())),
                new Block.Text(text), new Block.Buttons(List.of(button)));
        return new Rendered(blocks, text);
    }

    private Rendered manager(Announcement a, OutboxMessage msg) {
        Messages m = messages(msg.language());
        Optional<Person> person = msg.personId() == null ? Optional.empty() : people.find(msg.personId());
        String name = person.map(Person::displayName).orElse("?");
        Personal personal = msg.personId() == null ? null : personal(a, msg.personId(), msg.language());
        LocalDate due = personal == null || personal.dueOn() == null ? a.dueOn() : personal.dueOn();
        boolean read = personal != null && personal.variant().contains("read");
        String text = m.get(read ? "manager.read" : "manager.text", name, title(a.policyId(), msg.language()),
                a.version(), date(due, msg.language()));
        return new Rendered(List.of(new Block.Text(text)), text);
    }

    static String date(LocalDate day, String language) {
        return Dates.day(day, language);
    }

    private static String oneLine(String summary) {
        String s = summary.strip().replaceAll("\\s+", " ");
        return s.length() > 400 ? s.substring(0, 399) + "…" : s;
    }
}
