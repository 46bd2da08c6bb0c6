package io.policybot.app.discord;

import static io.policybot.app.discord.DiscordWorld.BOT;
import static io.policybot.app.discord.DiscordWorld.T;
import static io.policybot.app.discord.DiscordWorld.callback;
import static io.policybot.app.discord.DiscordWorld.editOriginal;
import static io.policybot.app.discord.DiscordWorld.followUp;
import static io.policybot.app.discord.DiscordWorld.post;
import static io.policybot.discord.testing.FakeDiscordServer.ALICE;
import static io.policybot.discord.testing.FakeDiscordServer.DORA;
import static io.policybot.discord.testing.FakeDiscordServer.GENERAL;
import static io.policybot.discord.testing.FakeDiscordServer.HANK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policybot.discord.testing.FakeDiscordServer;
import io.policybot.discord.testing.FakeDiscordServer.Interaction;
import io.policybot.discord.testing.FakeDiscordServer.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord contract: the real JDA client, the real engine on real SQLite, and a fake Discord on loopback
 * ({@link FakeDiscordServer}). Each test acts as Discord users (INTERACTION_CREATE, MESSAGE_CREATE, button presses
 * with the custom ids the bot really sent) and asserts on the REST bodies JDA sends. After each test every body is
 * checked against Discord's limits and for {@code allowed_mentions: {parse: []}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordContractTest {
    private static final String QUESTION = "Can I mention my employer on LinkedIn?";

    private DiscordWorld world;
    private FakeDiscordServer discord;
    private int start;

    @BeforeAll
    void connect(@TempDir Path data) {
        world = new DiscordWorld(data, null, 1_000);
        discord = world.discord;
    }

    @AfterAll
    void disconnect() {
        world.close();
    }

    @BeforeEach
    void mark() {
        discord.clearFaults();
        start = world.mark();
    }

    @AfterEach
    void everyBodyIsSafeAndWithinLimits() {
        DiscordWorld.assertSafeAndWithinLimits(discord.requestsSince(start));
    }

    @Test
    void askInAServerIsDeferredPubliclyAndAnsweredWithTheCitation() {
        Interaction ask = discord.slash(ALICE, true, "ask", Map.of("question", QUESTION));

        Request ack = world.calls(start, ask, callback(), 1).get(0);
        assertEquals(5, ack.body().path("type").asInt());
        assertFalse(ack.ephemeral(), "a question is answered in the channel");
        Request answer = world.calls(start, ask, editOriginal(), 1).get(0);
        JsonNode embed = answer.body().path("embeds").get(0);
        String citation = embed.path("fields").get(0).path("value").asText();
        assertTrue(citation.contains("](https://intranet.acme.example/policies/social-media"), citation);
        assertTrue(citation.contains("v1.0"), citation);
        assertTrue(answer.customIds().stream().anyMatch(id -> id.startsWith("section.show:")), answer.toString());
        world.assertAcknowledgedInTime(ask);
    }

    @Test
    void askInADmIsAnOrdinaryMessage() {
        Interaction ask = discord.slash(ALICE, false, "ask", Map.of("question", QUESTION));

        Request ack = world.calls(start, ask, callback(), 1).get(0);
        assertFalse(ack.ephemeral());
        Request answer = world.calls(start, ask, editOriginal(), 1).get(0);
        assertTrue(answer.text().contains("LinkedIn") || answer.text().contains("employer"), answer.text());
    }

    @Test
    void aMentionIsAnsweredAsAReplyWithoutAPing() {
        String id = discord.message(ALICE, true, "<@" + BOT + "> " + QUESTION, null);

        Request reply = discord.await(start, post(GENERAL), 1, T).get(0);
        assertEquals(id, reply.body().path("message_reference").path("message_id").asText());
        assertFalse(reply.body().path("allowed_mentions").path("replied_user").asBoolean(true));
    }

    @Test
    void D2_replyPingIsNotAQuestion() {
        discord.message(ALICE, true, "<@" + BOT + "> can I post photos of colleagues?", null);
        String answerId = discord.await(start, post(GENERAL), 1, T).get(0).messageId();

        // A reply with Discord's default ping: the bot is in the mentions, not in the text.
        String thanks = discord.message(ALICE, true, "thanks, that helps!", answerId);
        String next = discord.message(ALICE, true, "<@" + BOT + "> " + QUESTION, null);
        discord.await(start, post(GENERAL).and(r -> next.equals(
                r.body().path("message_reference").path("message_id").asText())), 1, T);

        assertTrue(discord.requestsSince(start).stream().noneMatch(r -> thanks.equals(
                r.body() == null ? null : r.body().path("message_reference").path("message_id").asText())),
                "no answer to the reply");
        int since = world.mark();
        Interaction gaps = discord.slash(HANK, true, "gaps", Map.of());
        Request list = world.calls(since, gaps, editOriginal(), 1).get(0);
        assertFalse(list.text().contains("thanks, that helps"), list.text());
    }

    @Test
    void aWholeQuizByButtonsInTheDm() {
        Interaction quiz = discord.slash(ALICE, true, "quiz", Map.of());
        String dm = discord.dmChannelOf(ALICE);

        Request note = world.calls(start, quiz, editOriginal(), 1).get(0);
        assertTrue(world.calls(start, quiz, callback(), 1).get(0).ephemeral());
        List<Request> dms = discord.await(start, post(dm), 2, T);
        assertTrue(note.at().isAfter(dms.get(1).at()), "the note that the quiz is in the DM comes after the DM (D4)");
        assertTrue(note.text().contains("DM"), note.text());

        Request question = dms.get(dms.size() - 1);
        int presses = 0;
        String finished = null;
        while (finished == null && presses < 20) {
            Request current = question;
            String answer = current.customIds().stream().filter(id -> id.startsWith("quiz.answer:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no answer buttons in " + current));
            int since = world.mark();
            Interaction press = discord.press(ALICE, question.messageId(), answer);
            presses++;
            assertEquals(6, world.calls(since, press, callback(), 1).get(0).body().path("type").asInt());
            world.calls(since, press, editOriginal(), 1);
            Request next = world.calls(since, press, followUp(), 1).get(0);
            world.assertAcknowledgedInTime(press);
            if (next.customIds().stream().noneMatch(id -> id.startsWith("quiz.answer:"))) {
                finished = next.text();
            } else {
                question = next;
            }
        }
        assertNotNull(finished, "the quiz ended within 20 presses");
        assertTrue(finished.contains("Quiz finished"), finished);
    }

    @Test
    void aRolePlayThroughToItsEnd() {
        Interaction roleplay = discord.slash(HANK, false, "roleplay", Map.of());
        Request list = world.calls(start, roleplay, editOriginal(), 1).get(0);
        String scenario = list.customIds().stream().filter(id -> id.startsWith("roleplay.start:")).findFirst()
                .orElseThrow(() -> new AssertionError("no scenarios in " + list));

        String messageId = list.messageId();
        String button = scenario;
        int steps = 0;
        Request last = list;
        while (button != null && steps < 10) {
            int since = world.mark();
            Interaction press = discord.press(HANK, messageId, button);
            steps++;
            world.calls(since, press, callback(), 1);
            last = discord.await(since, FakeDiscordServer.of(press).and(editOriginal().or(followUp()))
                    .and(r -> r.text().contains("Role-play finished")
                            || r.customIds().stream().anyMatch(id -> id.startsWith("roleplay.choose:"))), 1, T).get(0);
            messageId = last.messageId();
            button = last.customIds().stream().filter(id -> id.startsWith("roleplay.choose:")).findFirst().orElse(null);
        }
        assertTrue(steps >= 2 && button == null, "the role-play ends: " + last);
    }

    @Test
    void statusInAServerIsPrivate() {
        Interaction status = discord.slash(ALICE, true, "status", Map.of());

        assertTrue(world.calls(start, status, callback(), 1).get(0).ephemeral());
        Request shown = world.calls(start, status, editOriginal(), 1).get(0);
        assertTrue(shown.text().contains("training") || shown.text().contains("Training"), shown.text());
    }

    @Test
    void D5_helpInAServerIsPrivate() {
        Interaction help = discord.slash(ALICE, true, "help", Map.of());

        assertTrue(world.calls(start, help, callback(), 1).get(0).ephemeral());
        Request shown = world.calls(start, help, editOriginal(), 1).get(0);
        assertTrue(shown.text().contains("PolicyBot"), shown.text());
        assertTrue(discord.requestsSince(start).stream().filter(FakeDiscordServer.of(help))
                .noneMatch(r -> r.method().equals("DELETE") || followUp().test(r)), "no public follow-up");
    }

    @Test
    void reportAsHrByRoleIsPrivateWithTheCsv() {
        Interaction report = discord.slash(HANK, true, "report", Map.of());

        assertTrue(world.calls(start, report, callback(), 1).get(0).ephemeral());
        Request shown = world.calls(start, report, editOriginal(), 1).get(0);
        assertTrue(shown.text().contains("Training report: everyone"), shown.text());
        assertTrue(shown.files().get(0).startsWith("policybot-report-everyone-"), shown.files().toString());
    }

    @Test
    void D10_hrWhoseFirstUseIsAReportIsListedByName() {
        String hazel = "1500000000000000010";
        discord.addUser(hazel, "hazel", "Hazel HR", false, FakeDiscordServer.HR_ROLE);
        Interaction first = discord.slash(hazel, true, "report", Map.of());
        world.calls(start, first, editOriginal(), 1);

        int since = world.mark();
        Interaction second = discord.slash(hazel, true, "report", Map.of());
        Request shown = world.calls(since, second, editOriginal(), 1).get(0);
        String csv = shown.files().get(0);
        assertTrue(csv.contains("discord:" + hazel + ",Hazel HR,"), "listed by name, not by user id: " + csv);
    }

    @Test
    void aRateLimitedPostIsRetriedAfterRetryAfter() {
        discord.rateLimitCreates(1, 1.0, GENERAL);
        String id = discord.message(DORA, true, "<@" + BOT + "> " + QUESTION, null);

        List<Request> posts = discord.await(start, post(GENERAL), 2, T);
        assertEquals(429, posts.get(0).status());
        assertEquals(200, posts.get(1).status());
        assertTrue(Duration.between(posts.get(0).at(), posts.get(1).at()).toMillis() >= 900,
                "waited for Retry-After: " + posts);
        assertEquals(id, posts.get(1).body().path("message_reference").path("message_id").asText());
    }

    @Test
    void aGatewayCloseWith4000IsResumedAndTheMissedEventAnsweredOnce() {
        int resumes = 0;
        int identifies = discord.identifies();
        Interaction missed = discord.slash(ALICE, true, "ask", Map.of("question", QUESTION), "en-US", true);
        discord.closeGateway(4000);
        discord.awaitResumes(resumes + 1, T);

        world.calls(start, missed, editOriginal(), 1);
        assertEquals(identifies, discord.identifies(), "resumed, not identified again");
        JsonNode resume = discord.gatewayReceived().stream().filter(p -> p.path("op").asInt() == 6).findFirst()
                .orElseThrow();
        assertEquals(discord.sessionId(), resume.path("d").path("session_id").asText());
        assertTrue(resume.path("d").path("seq").asLong() > 0);
        DiscordWorld.assertOne(discord.requestsSince(start).stream().filter(FakeDiscordServer.of(missed))
                .filter(callback()).toList(), "one acknowledgement");
    }

    @Test
    void heartbeatsAreAnswered() {
        discord.awaitHeartbeats(1, T);
    }

    @Test
    void aReplayedInteractionIsAnsweredOnce() {
        Interaction ask = discord.slash(ALICE, true, "ask", Map.of("question", QUESTION));
        world.calls(start, ask, editOriginal(), 1);

        discord.replay(ask);
        Interaction after = discord.slash(ALICE, true, "status", Map.of());
        world.calls(start, after, editOriginal(), 1);

        List<Request> calls = discord.requestsSince(start).stream().filter(FakeDiscordServer.of(ask)).toList();
        DiscordWorld.assertOne(calls.stream().filter(callback()).toList(), "one acknowledgement");
        DiscordWorld.assertOne(calls.stream().filter(editOriginal()).toList(), "one answer");
    }

    @Test
    void anInteractionAcknowledgedTooLateIsAnsweredWithAChannelMessage() {
        discord.refuseAcknowledgements(1);
        Interaction ask = discord.slash(ALICE, true, "ask", Map.of("question", QUESTION));

        assertEquals(404, world.calls(start, ask, callback(), 1).get(0).status());
        Request fallback = discord.await(start, post(GENERAL), 1, T).get(0);
        assertTrue(fallback.text().contains("v1.0"), "the answer, with its citation: " + fallback.text());
    }

    @Test
    void D6_refusedHookEditFallsBackToAChannelMessage() {
        discord.refuseHookCalls(1);
        Interaction ask = discord.slash(ALICE, true, "ask", Map.of("question", QUESTION));

        Request refused = world.calls(start, ask, editOriginal(), 1).get(0);
        assertEquals(401, refused.status());
        Request fallback = discord.await(start, post(GENERAL), 1, T).get(0);
        assertTrue(fallback.text().contains("v1.0"), "the answer, with its citation: " + fallback.text());
    }

    @Test
    void D4_closedDmsShowTheQuizPrivatelyWithOneNoticeAndNoFalseClaim() {
        discord.refuseDmOpen(DORA);
        Interaction quiz = discord.slash(DORA, true, "quiz", Map.of());

        Request first = world.calls(start, quiz, editOriginal(), 1).get(0);
        assertTrue(first.text().contains("couldn't send you a direct message"), first.text());
        List<Request> shown = world.calls(start, quiz, followUp(), 1);
        assertTrue(shown.stream().allMatch(Request::ephemeral));
        List<Request> all = discord.requestsSince(start).stream().filter(FakeDiscordServer.of(quiz))
                .filter(editOriginal().or(followUp())).toList();
        assertTrue(all.stream().noneMatch(r -> r.text().contains("sent you the quiz in a DM")), all.toString());
        assertEquals(1, all.stream().filter(r -> r.text().contains("couldn't send you a direct message")).count());
        assertTrue(all.stream().anyMatch(r -> r.customIds().stream().anyMatch(id -> id.startsWith("quiz.answer:"))),
                "the question with its buttons is shown here");
    }

    @Test
    void D4_closedDmsAfterAMentionGiveOnePublicNotice() {
        discord.refuseDmSend(DORA);
        // Dora has a quiz waiting (or starts one): every reply would go to her DM.
        discord.message(DORA, true, "<@" + BOT + "> quiz", null);

        Request notice = discord.await(start, post(GENERAL), 1, T).get(0);
        assertTrue(notice.text().contains("couldn't send you a direct message"), notice.text());
        // A later mention's answer proves the first delivery is over.
        String next = discord.message(DORA, true, "<@" + BOT + "> " + QUESTION, null);
        discord.await(start, post(GENERAL).and(r -> next.equals(
                r.body().path("message_reference").path("message_id").asText())), 1, T);
        List<Request> notices = discord.requestsSince(start).stream().filter(post(GENERAL))
                .filter(r -> r.text().contains("couldn't send you a direct message")).toList();
        DiscordWorld.assertOne(notices, "one public notice");
        assertTrue(discord.requestsSince(start).stream().filter(post(discord.dmChannelOf(DORA)))
                .noneMatch(r -> r.text().contains("in a DM")), "the DM note is not itself sent by DM");
    }
}
