package io.policybot.announcements;

import io.policybot.wiring.Services;
import io.policybot.testing.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ChannelRef;
import io.policybot.chat.ChatGateway;
import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.Replies;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TrainingDriver;
import io.policybot.text.Dates;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What announcements say (walkthrough B20): the diff, the due dates, a roll-out, no promise of a needless quiz. */
class AnnouncementWordingTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
    final Actor hr = new Actor("slack", "UHR", "Hanna HR", null);
    final Actor ann = new Actor("slack", "U1", "Ann", null);
    final Actor joe = new Actor("slack", "U2", "Joe", null);
    final Recording slack = new Recording();
    TrainingService training;
    Announcements announcements;

    /** Records the text of every DM by user id, and the channel posts. */
    static final class Recording implements ChatGateway {
        final Map<String, String> dms = new ConcurrentHashMap<>();
        final Map<String, List<Button>> buttons = new ConcurrentHashMap<>();
        final List<String> posts = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String platform() {
            return "slack";
        }

        @Override
        public DeliveryResult sendDirect(String userId, List<Block> blocks, String fallback) {
            Reply r = new Reply(Reply.SAME, blocks, fallback);
            dms.put(userId, Replies.text(r));
            all.add(userId + ": " + Replies.text(r));
            buttons.put(userId, Replies.buttons(r));
            return new DeliveryResult.Sent("m" + dms.size());
        }

        @Override
        public DeliveryResult sendToChannel(Reply.ChannelRole role, List<Block> blocks, String fallback) {
            posts.add(Replies.text(new Reply(Reply.SAME, blocks, fallback)));
            return new DeliveryResult.Sent("c" + posts.size());
        }
    }

    @BeforeEach
    void wire() {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        AnnouncementSettings settings = AnnouncementSettings.defaults();
        Services services = TestServices.builder(db.database(), content::get, clock, 3).announcing(settings)
                .sleeper(Fixtures.sleeper(clock)).platforms(Set.of("slack")).build();
        training = services.training();
        announcements = services.announcements();
        announcements.delivery(Map.<String, ChatGateway>of("slack", slack));
        announcements.publisher().publish(content.get());
        people.findOrCreate("slack", "U2", "Joe", clock.instant());
        people.findOrCreate("slack", "UHR", "Hanna HR", clock.instant());
    }

    private String preview() {
        return Replies.text(announcements.conversation().announce(new Inbound.Message(hr, new ChannelRef("D-HR", true),
                "announce", Inbound.Message.Kind.COMMAND), "", "en"));
    }

    private void confirm() {
        List<Reply> replies = announcements.conversation().announce(new Inbound.Message(hr, new ChannelRef("D-HR", true),
                "announce", Inbound.Message.Kind.COMMAND), "", "en");
        Button confirm = Replies.button(Replies.lastWithButtons(replies), "Send the announcement");
        announcements.conversation().onButton(new Inbound.ButtonPress(hr, new ChannelRef("D-HR", true),
                Actions.ANNOUNCE_CONFIRM, confirm.value()), "en");
    }

    @Test
    void B5_aPendingAnnouncementIsNotSentStaleNextToANewerOne() throws InterruptedException {
        content.set(Fixtures.v11());
        announcements.publisher().publish(content.get());
        confirm(); // confirmed, never delivered (the old console chat)
        content.set(Fixtures.edit(TestContent.bundled(), "1.2", Set.of(Fixtures.CHANGED), Set.of()));
        announcements.publisher().publish(content.get());
        confirm();
        announcements.dispatcher().drain();
        assertTrue(slack.all.stream().noneMatch(t -> t.contains("version 1.1")), slack.all.toString());
        assertTrue(slack.posts.stream().noneMatch(t -> t.contains("version 1.1")), slack.posts.toString());
        assertTrue(slack.dms.get("U2").contains("version 1.2"), slack.dms.get("U2"));
    }

    private void send() throws InterruptedException {
        List<Reply> replies = announcements.conversation().announce(new Inbound.Message(hr, new ChannelRef("D-HR", true),
                "announce", Inbound.Message.Kind.COMMAND), "", "en");
        Button confirm = Replies.button(Replies.lastWithButtons(replies), "Send the announcement");
        announcements.conversation().onButton(new Inbound.ButtonPress(hr, new ChannelRef("D-HR", true),
                Actions.ANNOUNCE_CONFIRM, confirm.value()), "en");
        announcements.dispatcher().drain();
    }

    @Test
    void B20_thePreviewShowsAWordDiffOfTheChangedText() {
        clock.advance(Duration.ofDays(1));
        content.set(Fixtures.v11()); // " (revised)" added to two short answers
        announcements.publisher().publish(content.get());
        String text = preview();
        assertTrue(text.contains("**Identifying yourself**: … imply you speak for Acme.") && text.contains("➕ “(revised)”"), text);
        assertFalse(text.contains("never imp…"), text);
        assertTrue(text.contains("Update quiz due by"), text);
    }

    @Test
    void B20_noUpdateQuizIsPromisedWhenNothingNeedsRetraining() throws InterruptedException {
        new TrainingDriver(training, content.get()).playQuiz(ann, "en", i -> true);
        content.set(Fixtures.edit(TestContent.bundled(), "1.1", Set.of(), Set.of())); // a version bump only
        announcements.publisher().publish(content.get());
        String text = preview();
        assertTrue(text.contains("No retraining"), text);
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("update quiz due"), text);
        send();
        assertTrue(slack.dms.get("U1").contains("Nothing to retake"), slack.dms.get("U1"));
        assertFalse(slack.dms.get("U1").contains("update quiz"), slack.dms.get("U1"));
        assertTrue(slack.buttons.get("U1").stream().noneMatch(b -> b.actionId().equals(Actions.UPDATE_QUIZ_START)));
        assertTrue(slack.posts.getFirst().contains("No retraining is needed"), slack.posts.getFirst());
    }

    @Test
    void B20_theFirstVersionCanBeAnnouncedAsARollOut() throws InterruptedException {
        String text = preview();
        assertTrue(text.contains("Roll out Social Media Policy version 1.0?"), text);
        assertTrue(text.contains("Everyone takes the full quiz"), text);
        send();
        String dm = slack.dms.get("U2");
        assertTrue(dm.contains("New policy: Social Media Policy (version 1.0)"), dm);
        String due = Dates.day(training.trainingStatus(joe, "en").policies().getFirst().dueOn(), "en");
        assertTrue(dm.contains("the full quiz is due by **" + due + "**") || dm.contains("was due on **" + due + "**"), dm);
        assertTrue(slack.buttons.get("U2").stream().anyMatch(b -> b.actionId().equals(Actions.QUIZ_START)));
    }

    @Test
    void B20_peopleWhoNeverTrainedAreToldTheFullQuizIsDueWithTheirStatusDate() throws InterruptedException {
        new TrainingDriver(training, content.get()).playQuiz(ann, "en", i -> true);
        clock.advance(Duration.ofDays(2));
        content.set(Fixtures.v11());
        announcements.publisher().publish(content.get());
        send();
        String annDue = Dates.day(training.trainingStatus(ann, "en").policies().getFirst().dueOn(), "en");
        assertTrue(slack.dms.get("U1").contains("take the short update quiz by **" + annDue + "**"), slack.dms.get("U1"));
        String joeDue = Dates.day(training.trainingStatus(joe, "en").policies().getFirst().dueOn(), "en");
        String joeDm = slack.dms.get("U2");
        assertFalse(joeDm.contains("update quiz"), joeDm);
        assertTrue(joeDm.contains("the full quiz is due by **" + joeDue + "**"), joeDm);
        assertEquals(Actions.QUIZ_START, slack.buttons.get("U2").getLast().actionId());
        assertTrue(Replies.text(training.status(joe, "en")).contains(joeDue));
        String post = slack.posts.getFirst();
        assertTrue(post.contains("If you trained on an earlier version") && post.contains("type `status`"), post);
    }

    /** The bundled content as {@code version}, each section passed through {@code change}. */
    private static ContentLibrary edited(String version, java.util.function.UnaryOperator<io.policybot.content.Section> change) {
        ContentLibrary base = TestContent.bundled();
        io.policybot.content.Policy p = base.policy(Fixtures.POLICY).orElseThrow();
        Map<String, io.policybot.content.PolicyDocument> docs = new java.util.HashMap<>();
        p.documents().forEach((lang, d) -> docs.put(lang, new io.policybot.content.PolicyDocument(d.policyId(), lang,
                d.title(), version, d.effective(), d.owner(), d.link(), d.contactRole(), d.intro(),
                d.sections().stream().map(change).toList(), d.source())));
        return new ContentLibrary(base.settings(), Map.of(Fixtures.POLICY, new io.policybot.content.Policy(p.id(), docs,
                p.quizzes(), p.scenarios())), base.fingerprint() + "/" + version);
    }

    private static io.policybot.content.Section lastPassageEdited(io.policybot.content.Section s) {
        List<io.policybot.content.Passage> ps = new java.util.ArrayList<>(s.passages());
        io.policybot.content.Passage last = ps.removeLast();
        ps.add(new io.policybot.content.Passage(last.group(), last.markdown() + " (revised)", last.plain() + " (revised)",
                last.rule(), last.line(), last.kind()));
        return new io.policybot.content.Section(s.id(), s.title(), s.shortAnswer(), ps, s.keywords(), s.markdown(), s.line());
    }

    @Test
    void aChangeBelowTheFirstPassageOfASectionWithoutAShortAnswerIsNotCalledAShortAnswerChange() {
        // 1.1: the changed section loses its "In short" answer (as an imported policy has none); 1.2: a later passage
        // of it changes, and one of a section that keeps its short answer.
        java.util.function.UnaryOperator<io.policybot.content.Section> noShort = s -> s.id().equals(Fixtures.CHANGED)
                ? new io.policybot.content.Section(s.id(), s.title(), "", s.passages(), s.keywords(), s.markdown(), s.line())
                : s;
        content.set(edited("1.1", noShort));
        announcements.publisher().publish(content.get());
        content.set(edited("1.2", s -> s.id().equals(Fixtures.CHANGED) || s.id().equals(Fixtures.ALSO_CHANGED)
                ? lastPassageEdited(noShort.apply(s)) : s));
        announcements.publisher().publish(content.get());
        String en = preview();
        String withoutShort = content.get().policy(Fixtures.POLICY).orElseThrow().document("en").section(Fixtures.CHANGED)
                .orElseThrow().title();
        String withShort = content.get().policy(Fixtures.POLICY).orElseThrow().document("en").section(Fixtures.ALSO_CHANGED)
                .orElseThrow().title();
        assertTrue(en.contains("**" + withoutShort + "**: parts of this section changed further down (its opening "
                + "paragraph is the same): please read it."), en);
        assertFalse(en.contains("**" + withoutShort + "**: the detailed rules changed"), en);
        assertTrue(en.contains("**" + withShort + "**: the detailed rules changed (the short answer is the same)."), en);

        String zh = Replies.text(announcements.conversation().announce(new Inbound.Message(hr, new ChannelRef("D-HR", true),
                "announce", Inbound.Message.Kind.COMMAND), "", "zh"));
        String zhTitle = content.get().policy(Fixtures.POLICY).orElseThrow().document("zh").section(Fixtures.CHANGED)
                .orElseThrow().title();
        assertTrue(zh.contains("**" + zhTitle + "**：本节后面的部分内容有变化（开头一段未变），请阅读全文。"), zh);
        assertFalse(zh.contains("**" + zhTitle + "**：详细规定有变化"), zh);
    }
}
