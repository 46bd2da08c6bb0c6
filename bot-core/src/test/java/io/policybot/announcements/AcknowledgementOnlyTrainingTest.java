package io.policybot.announcements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.ChatGateways;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.answering.AnsweringSettings;
import io.policybot.answering.LiveAnswerer;
import io.policybot.answering.QuestionAnswerer;
import io.policybot.content.ContentLibrary;
import io.policybot.conversation.PolicyConversationEngine;
import io.policybot.people.Role;
import io.policybot.people.RolesConfig;
import io.policybot.content.Policy;
import io.policybot.people.Person;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.reports.Report;
import io.policybot.reports.ReportScope;
import io.policybot.reports.ReportService;
import io.policybot.reports.TrainingState;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TestServices;
import io.policybot.wiring.Services;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A policy without a quiz is trained by reading it and saying so: status and the home view, the announcement DM,
 * reminders, the manager's note, reports and the CSV all show it due, acknowledged or overdue by the one rule
 * ({@link TrainingRules}), through the real services on a real SQLite file.
 */
class AcknowledgementOnlyTrainingTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(withoutQuiz(TestContent.bundled()));
    final Actor ann = new Actor("slack", "U1", "Ann", null);
    final Actor bob = new Actor("slack", "U2", "Bob", null);
    final DmGateway slack = new DmGateway();
    SqlPersonRepository people;
    TrainingService training;
    Announcements announcements;
    ReportService reports;
    Services services;

    @BeforeEach
    void wire() {
        people = new SqlPersonRepository(db.database());
        Person boss = people.findOrCreate("slack", "UM", "Boss", clock.instant());
        for (Actor a : List.of(ann, bob)) {
            Person p = people.findOrCreate(a.platform(), a.userId(), a.displayName(), clock.instant());
            people.update(p.withDirectory(null, null, boss.id(), null));
        }
        AnnouncementSettings settings = AnnouncementSettings.defaults().withUpdateDueDays(10);
        services = TestServices.builder(db.database(), content::get, clock, 3).announcing(settings)
                .sleeper(Fixtures.sleeper(clock)).platforms(Set.of("slack"))
                .roles(RolesConfig.of(Map.of(Role.HR, List.of("slack:UHR")))).build();
        training = services.training();
        announcements = services.announcements();
        announcements.delivery(Map.<String, ChatGateway>of("slack", slack));
        reports = services.reports();
        announcements.publisher().publish(content.get());
    }

    @Test
    void readingAndConfirmingIsTheTrainingInStatusDmsAndReports() throws Exception {
        assertTrue(content.get().policy(Fixtures.POLICY).orElseThrow().acknowledgementOnly());

        // Before any announcement: due 30 days after joining, with a button to confirm, and no quiz offered.
        TrainingStatus.PolicyTraining before = status(ann);
        assertTrue(before.acknowledgementOnly());
        assertFalse(before.done());
        assertEquals(LocalDate.parse("2026-12-10"), before.dueOn());
        List<Reply> home = training.status(ann, "en");
        String homeText = Replies.text(home);
        assertTrue(homeText.contains("please read it and confirm by **10 December 2026** (this policy has no quiz)"), homeText);
        List<Button> buttons = Replies.buttons(Replies.lastWithButtons(home));
        assertEquals(List.of(Actions.ACKNOWLEDGE), buttons.stream().map(Button::actionId).toList());
        assertEquals("I have read it", buttons.getFirst().label());
        assertEquals(TrainingState.NOT_STARTED, row(ann).state());

        // The roll-out: the preview and the DM ask for reading and confirming, not for a quiz.
        var preview = assertInstanceOf(AnnouncementService.Preview.class, announcements.service().prepare(null, null));
        String previewText = Replies.text(announcements.conversation().announce(message(hrActor(), "announce"), "", "en"));
        assertTrue(previewText.contains("There is no quiz for this policy"), previewText);
        assertEquals(AnnouncementService.Outcome.SENT, announcements.service().confirm(preview.draft().id()).outcome());
        announcements.dispatcher().drain();
        Reply dm = slack.lastTo("U1");
        String dmText = Replies.text(dm);
        assertTrue(dmText.contains("This policy has no quiz: please read it and press **I have read it** by **10 December 2026**"), dmText);
        assertEquals(List.of(Actions.ACKNOWLEDGE), Replies.buttons(dm).stream().map(Button::actionId).toList());

        // Ann presses "I have read it" in the DM: her training is done everywhere.
        String thanks = Replies.text(announcements.conversation().onButton(press(ann, Replies.buttons(dm).getFirst()), "en"));
        assertTrue(thanks.contains("That completes your training for this policy"), thanks);
        assertTrue(status(ann).done());
        String done = Replies.text(training.status(ann, "en"));
        assertTrue(done.contains("✅ **Social Media Policy** (version 1.0): read and confirmed on 10 November 2026"), done);
        assertTrue(training.status(ann, "en").stream().allMatch(r -> Replies.blocks(r, Block.Buttons.class).isEmpty()),
                "nothing left to press");
        Report.Row annRow = row(ann);
        assertEquals(TrainingState.COMPLETED, annRow.state());
        assertTrue(annRow.acknowledged());
        assertEquals("1.0", annRow.passedVersion());
        assertEquals(LocalDate.parse("2026-11-10"), annRow.passedOn());
        assertNull(annRow.score());

        // Bob confirms from his status instead (no announcement needed: a new joiner gets none); twice counts once.
        Button fromStatus = Replies.buttons(Replies.lastWithButtons(training.status(bob, "en"))).getFirst();
        assertTrue(Replies.text(announcements.conversation().onButton(press(bob, fromStatus), "en")).contains("completes your training"));
        assertTrue(Replies.text(announcements.conversation().onButton(press(bob, fromStatus), "en")).contains("already confirmed"));
        assertTrue(status(bob).done());
        Report everyone = reports.report(new ReportScope.Everyone(), "everyone", "en");
        Report.PolicySummary summary = everyone.policies().getFirst();
        assertEquals(2, summary.completed());
        assertEquals(2, summary.acknowledged());
        String csv = new String(ReportService.csv(everyone), StandardCharsets.UTF_8);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("slack:U1,Ann,") && l.contains(",completed,,yes,")
                && l.contains(",1.0,2026-11-10,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("slack:UM,Boss,") && l.contains(",not started,,no,")), csv);
        // A button naming a version that is no longer in force records nothing.
        Button stale = new Button(Actions.ACKNOWLEDGE, "I have read it", "read:" + Fixtures.POLICY + ":0.9");
        assertTrue(Replies.text(announcements.conversation().onButton(press(bob, stale), "en")).contains("has changed since"));
    }

    @Test
    void aChangedVersionIsReadAgainByItsDueDateWithRemindersAndTheManagerTold() throws Exception {
        var first = (AnnouncementService.Preview) announcements.service().prepare(null, null);
        announcements.service().confirm(first.draft().id());
        announcements.dispatcher().drain();
        for (Actor a : List.of(ann, bob)) {
            announcements.conversation().onButton(press(a, Replies.buttons(slack.lastTo(a.userId())).getFirst()), "en");
        }

        // Version 1.1 changes two sections: everyone who read 1.0 reads the changes again, by the announcement's date.
        clock.set(Instant.parse("2026-11-12T09:00:00Z"));
        content.set(withoutQuiz(Fixtures.v11()));
        announcements.publisher().publish(content.get());
        var update = (AnnouncementService.Preview) announcements.service().prepare(null, null);
        assertEquals(LocalDate.parse("2026-11-22"), update.draft().dueOn());
        announcements.service().confirm(update.draft().id());
        announcements.dispatcher().drain();
        String dm = Replies.text(slack.lastTo("U1"));
        assertTrue(dm.contains("Please read the changes and press **I have read it** by **22 November 2026**"), dm);
        TrainingStatus.PolicyTraining annNow = status(ann);
        assertFalse(annNow.done());
        assertEquals(Set.of(Fixtures.CHANGED, Fixtures.ALSO_CHANGED), annNow.update().sectionIds());
        assertEquals(LocalDate.parse("2026-11-22"), annNow.dueOn());
        String home = Replies.text(training.status(ann, "en"));
        assertTrue(home.contains("changed (version 1.1): please read the 2 changed sections and confirm by **22 November 2026**"), home);
        assertEquals(TrainingState.UPDATE_DUE, row(ann).state());
        assertFalse(row(ann).acknowledged());

        // Reminders: the day before, then overdue; the manager hears after three days overdue.
        slack.sent.clear();
        clock.set(Instant.parse("2026-11-21T08:00:00Z"));
        announcements.reminders().tick();
        announcements.dispatcher().drain();
        String remind = Replies.text(slack.lastTo("U1"));
        assertTrue(remind.contains("Please read **Social Media Policy** and press **I have read it** by **22 November 2026**"), remind);
        assertEquals(List.of(Actions.ACKNOWLEDGE), Replies.buttons(slack.lastTo("U1")).stream().map(Button::actionId).toList());

        // Bob confirms from the reminder; Ann does not.
        announcements.conversation().onButton(press(bob, Replies.buttons(slack.lastTo("U2")).getFirst()), "en");
        assertTrue(status(bob).done());
        slack.sent.clear();
        clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        announcements.reminders().tick();
        announcements.dispatcher().drain();
        assertTrue(status(ann).overdue());
        assertEquals(TrainingState.OVERDUE, row(ann).state());
        assertEquals(TrainingState.COMPLETED, row(bob).state());
        assertTrue(Replies.text(slack.lastTo("U1")).contains("was due on **22 November 2026**"));
        assertNull(slack.lastTo("U2"), "no reminder for someone who confirmed");
        String manager = Replies.text(slack.lastTo("UM"));
        assertTrue(manager.contains("Ann has not confirmed reading **Social Media Policy** (version 1.1), due on **22 November 2026**"),
                manager);
        String overdueHome = Replies.text(training.status(ann, "en"));
        assertTrue(overdueHome.contains("⚠️ **Social Media Policy** changed (version 1.1)"), overdueHome);

        // Ann confirms at last: completed, and the reminders stop.
        announcements.conversation().onButton(press(ann, Replies.buttons(slack.lastTo("U1")).getFirst()), "en");
        assertTrue(status(ann).done());
        assertEquals("1.1", row(ann).passedVersion());
        slack.sent.clear();
        clock.set(Instant.parse("2026-11-27T08:00:00Z"));
        announcements.reminders().tick();
        announcements.dispatcher().drain();
        assertNull(slack.lastTo("U1"));

        // A version that changes no section asks for nothing new: the reading of 1.1 still counts.
        content.set(withoutQuiz(Fixtures.edit(Fixtures.v11(), "1.2", Set.of(), Set.of())));
        announcements.publisher().publish(content.get());
        clock.set(Instant.parse("2027-03-01T08:00:00Z"));
        assertTrue(status(ann).done());
        assertEquals(TrainingState.COMPLETED, row(ann).state());
        assertEquals("1.1", row(ann).passedVersion());
    }

    @Test
    void throughTheConversationEngineStatusOffersTheConfirmationAndTheManagersReportCountsIt() {
        LiveAnswerer answerer = new LiveAnswerer(content.get(), lib -> new QuestionAnswerer(lib, AnsweringSettings.DEFAULTS));
        PolicyConversationEngine engine = services.engine(answerer, services.staffDesk(), ChatGateways.none(), 1000);

        List<Reply> status = engine.handle(message(ann, "status"));
        assertTrue(Replies.text(status).contains("please read it and confirm by"), Replies.text(status));
        Button read = Replies.buttons(Replies.lastWithButtons(status)).getFirst();
        assertEquals(Actions.ACKNOWLEDGE, read.actionId());
        List<Reply> pressed = engine.handle(press(ann, read));
        assertTrue(Replies.text(pressed).contains("That completes your training for this policy"), Replies.text(pressed));
        assertTrue(Replies.text(engine.handle(message(ann, "status"))).contains("read and confirmed on 10 November 2026"));

        // The manager's report in chat: Ann completed, Bob not started, and the CSV says the same.
        List<Reply> report = engine.handle(message(new Actor("slack", "UM", "Boss", null), "report"));
        String text = Replies.text(report);
        assertTrue(text.contains("Ann (no team), social-media 1.0: completed, score –, acknowledged: yes"), text);
        assertTrue(text.contains("Bob (no team), social-media 1.0: not started, score –, acknowledged: no"), text);
        Block.Attachment csv = report.stream().flatMap(r -> Replies.blocks(r, Block.Attachment.class).stream())
                .findFirst().orElseThrow();
        String rows = new String(csv.content(), StandardCharsets.UTF_8);
        assertTrue(rows.lines().anyMatch(l -> l.startsWith("slack:U1,Ann,") && l.contains(",completed,,yes,")), rows);
    }

    /** The content with every quiz taken out (role-plays too: they are practice either way). */
    static ContentLibrary withoutQuiz(ContentLibrary library) {
        Policy p = library.policy(Fixtures.POLICY).orElseThrow();
        Policy readOnly = new Policy(p.id(), p.documents(), Map.of(), Map.of());
        return new ContentLibrary(library.settings(), Map.of(p.id(), readOnly), library.fingerprint() + "/no-quiz");
    }

    private TrainingStatus.PolicyTraining status(Actor actor) {
        return training.trainingStatus(actor, "en").policies().getFirst();
    }

    private Report.Row row(Actor actor) {
        Person p = people.find(actor.platform(), actor.userId()).orElseThrow();
        return reports.report(new ReportScope.One(p.id()), p.displayName(), "en").rows().getFirst();
    }

    private static Actor hrActor() {
        return new Actor("slack", "UHR", "Hanna HR", null);
    }

    private static Inbound.Message message(Actor actor, String text) {
        return new Inbound.Message(actor, new ChannelRef("D-" + actor.userId(), true), text,
                Inbound.Message.Kind.DIRECT_MESSAGE);
    }

    private static Inbound.ButtonPress press(Actor actor, Button button) {
        return new Inbound.ButtonPress(actor, new ChannelRef("D-" + actor.userId(), true), button.actionId(),
                button.value());
    }

    /** A platform that keeps every direct message it was asked to send. */
    static final class DmGateway implements ChatGateway {
        record Sent(String userId, Reply reply) {
        }

        final List<Sent> sent = new ArrayList<>();

        /** The last DM to this user, or null. */
        synchronized Reply lastTo(String userId) {
            return sent.stream().filter(s -> s.userId().equals(userId)).map(Sent::reply).reduce((a, b) -> b).orElse(null);
        }

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public synchronized DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
            sent.add(new Sent(userId, new Reply(Reply.DM, blocks, fallback)));
            return new DeliveryResult.Sent("m" + sent.size());
        }

        @Override
        public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
            return new DeliveryResult.Sent("c");
        }
    }
}
