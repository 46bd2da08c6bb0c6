package io.policybot.announcements;

import java.util.Set;
import io.policybot.testing.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
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
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Preview, confirmation (once), delivery through fake platforms, acknowledgements (once), status. */
class AnnouncementFlowTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());
    final Actor hr = new Actor("slack", "UHR", "Hanna HR", null);
    Fixtures.FakeGateway slack;
    Fixtures.FakeGateway discord;
    Announcements announcements;
    SqlPersonRepository people;

    @BeforeEach
    void setUp() {
        people = new SqlPersonRepository(db.database());
        for (String u : List.of("U1", "U2", "U3")) {
            people.findOrCreate("slack", u, "Person " + u, clock.instant());
        }
        people.findOrCreate("discord", "D1", "Dee", clock.instant());
        people.findOrCreate("teams", "T1", "Unreachable", clock.instant());
        slack = new Fixtures.FakeGateway("slack", clock).answer("U3", new DeliveryResult.Failed("dm_disabled"));
        discord = new Fixtures.FakeGateway("discord", clock);
        AnnouncementSettings settings = AnnouncementSettings.defaults();
        announcements = TestServices.builder(db.database(), content::get, clock, 1).announcing(settings)
                .sleeper(Fixtures.sleeper(clock)).platforms(Set.of("slack", "discord")).build().announcements();
        announcements.delivery(Map.<String, ChatGateway>of("slack", slack, "discord", discord));
        announcements.publisher().publish(content.get());
        content.set(Fixtures.v11());
        announcements.publisher().publish(content.get());
    }

    @Test
    void aPreviewWithNobodyToReachSaysHowToGetAnAudience() {
        Announcements none = TestServices.builder(db.database(), content::get, clock, 1).announcing(AnnouncementSettings.defaults())
                .sleeper(Fixtures.sleeper(clock)).platforms(Set.of("zulip")).build().announcements();
        String text = Replies.text(none.conversation().announce(command("announce"), "", "en"));
        assertTrue(text.contains("nobody yet") && text.contains("policybot roster import"), text);
        assertFalse(text.contains("()"), text);
    }

    @Test
    void thePreviewShowsTheChangesTheAudienceAndTheDueDate() {
        List<Reply> replies = announcements.conversation().announce(command("announce"), "", "en");
        String text = Replies.text(replies);
        assertEquals(Reply.PRIVATE, replies.getFirst().placement());
        assertTrue(text.contains("Announce Social Media Policy version 1.1?"), text);
        assertTrue(text.contains("Compared with version 1.0"), text);
        assertTrue(text.contains("**Identifying yourself**: "), text);
        assertTrue(text.contains("**Account security**: "), text);
        // B6: asking for a preview creates no one, so HR (never met here) is not in the audience.
        assertTrue(text.contains("Audience: **4** people (discord 1, slack 3)"), text);
        assertTrue(people.find("slack", "UHR").isEmpty());
        assertTrue(text.contains("10 December 2026"), text);
        assertEquals(List.of(Actions.ANNOUNCE_CONFIRM, Actions.ANNOUNCE_CANCEL),
                Replies.buttons(replies.getFirst()).stream().map(Button::actionId).toList());

        String zh = Replies.text(announcements.conversation().announce(command("公告"), "", "zh"));
        assertTrue(zh.contains("发布 社交媒体政策（1.1 版）的更新公告？"), zh);
        assertTrue(zh.contains("2026年12月10日"), zh);
    }

    @Test
    void confirmingTwiceSendsOnceAndAcknowledgementsCountOnce() throws Exception {
        var preview = assertInstanceOf(AnnouncementService.Preview.class, announcements.service().prepare(null, null));
        var second = assertInstanceOf(AnnouncementService.Preview.class, announcements.service().prepare(null, null));
        assertEquals(AnnouncementService.Outcome.SENT, announcements.service().confirm(preview.draft().id()).outcome());
        assertEquals(AnnouncementService.Outcome.ALREADY_SENT, announcements.service().confirm(preview.draft().id()).outcome());
        assertEquals(AnnouncementService.Outcome.VERSION_ALREADY_ANNOUNCED,
                announcements.service().confirm(second.draft().id()).outcome());
        List<Reply> pressed = announcements.conversation().onButton(press(hr, Actions.ANNOUNCE_CONFIRM, preview.draft().id()), "en");
        assertTrue(Replies.text(pressed).contains("already sent"), Replies.text(pressed));

        announcements.dispatcher().drain();
        assertEquals(List.of("U1", "U2"), slack.delivered.stream().sorted().toList());
        assertEquals(List.of("D1"), discord.delivered);
        assertEquals(1, slack.channelPosts.size());
        assertEquals(1, discord.channelPosts.size());
        announcements.dispatcher().drain();
        assertEquals(2, slack.delivered.size()); // nothing sent twice

        AnnouncementOutbox.Progress progress = announcements.service().status().getFirst().progress();
        assertEquals(3, progress.sent());
        assertEquals(1, progress.failed());
        assertEquals(0, progress.pending());
        assertTrue(progress.failures().getFirst().contains("dm_disabled"), progress.failures().toString());

        Actor u1 = new Actor("slack", "U1", "Person U1", null);
        String first = Replies.text(announcements.conversation().onButton(press(u1, Actions.ACKNOWLEDGE, preview.draft().id()), "en"));
        assertTrue(first.contains("is recorded"), first);
        String again = Replies.text(announcements.conversation().onButton(press(u1, Actions.ACKNOWLEDGE, preview.draft().id()), "en"));
        assertTrue(again.contains("already confirmed"), again);
        assertEquals(1, announcements.service().acknowledgements(preview.draft()));
        var ack = new io.policybot.announcements.sql.SqlAcknowledgementRepository(db.database())
                .find(people.find("slack", "U1").orElseThrow().id(), Fixtures.POLICY, "1.1").orElseThrow();
        assertEquals("slack", ack.platform());
        assertEquals(Instant.parse("2026-11-10T09:00:00Z").toEpochMilli(), ack.acknowledgedAt().toEpochMilli(), 10_000);

        String status = Replies.text(announcements.conversation().announce(command("announce status"), "status", "en"));
        assertTrue(status.contains("sent 3, pending 0, failed 1; acknowledged by 1"), status);
        String again2 = Replies.text(announcements.conversation().announce(command("announce"), "", "en"));
        assertTrue(again2.contains("was already announced"), again2);
    }

    @Test
    void cancellingADraftSendsNothing() throws Exception {
        var preview = assertInstanceOf(AnnouncementService.Preview.class, announcements.service().prepare(null, null));
        String text = Replies.text(announcements.conversation().onButton(press(hr, Actions.ANNOUNCE_CANCEL, preview.draft().id()), "en"));
        assertTrue(text.contains("Cancelled"), text);
        assertEquals(AnnouncementService.Outcome.CANCELLED, announcements.service().confirm(preview.draft().id()).outcome());
        announcements.dispatcher().drain();
        assertTrue(slack.delivered.isEmpty());
        assertFalse(announcements.service().cancel(preview.draft().id()));
    }

    private Inbound.Message command(String text) {
        return new Inbound.Message(hr, new ChannelRef("C1", false), text, Inbound.Message.Kind.COMMAND);
    }

    private static Inbound.ButtonPress press(Actor actor, String action, String value) {
        return new Inbound.ButtonPress(actor, new ChannelRef("D-" + actor.userId(), true), action, value);
    }
}
