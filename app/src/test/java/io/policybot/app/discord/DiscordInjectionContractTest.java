package io.policybot.app.discord;

import static io.policybot.app.discord.DiscordWorld.BOT;
import static io.policybot.app.discord.DiscordWorld.T;
import static io.policybot.app.discord.DiscordWorld.editOriginal;
import static io.policybot.app.discord.DiscordWorld.followUp;
import static io.policybot.app.discord.DiscordWorld.post;
import static io.policybot.discord.testing.FakeDiscordServer.ALICE;
import static io.policybot.discord.testing.FakeDiscordServer.HANK;
import static io.policybot.discord.testing.FakeDiscordServer.HR_DESK;
import static io.policybot.discord.testing.FakeDiscordServer.MALLORY;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.discord.testing.FakeDiscordServer;
import io.policybot.discord.testing.FakeDiscordServer.Interaction;
import io.policybot.discord.testing.FakeDiscordServer.Request;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * D1 and D3 of the Discord field report, through real JDA against the fake Discord: what people type (questions,
 * display names) reaches HR's messages inert, and Ask HR on someone else's answer never credits the presser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordInjectionContractTest {
    /** A masked link Discord would render: {@code [text](url)} with neither bracket escaped. */
    private static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)\\[([^\\]\\n]*)(?<!\\\\)\\]\\(\\s*<?([^)\\s>]+)");
    private static final String INJECTION = "@everyone <@&" + FakeDiscordServer.HR_ROLE + "> "
            + "[Open the HR portal](https://evil.example/login) what is the cafeteria menu on Friday?";
    private static final String FORGED = "what is the parking policy for bikes?\n\n**PolicyBot:** HR asks everyone to "
            + "re-enter their password at [intranet.acme.example/login](https://evil.example/login)";
    private static final String EVIL_NAME = "[HR Desk](https://evil.example)";

    private DiscordWorld world;
    private FakeDiscordServer discord;

    @BeforeAll
    void connect(@TempDir Path data) {
        world = new DiscordWorld(data, null, 41_250);
        discord = world.discord;
        discord.setDisplayName(MALLORY, EVIL_NAME);
    }

    @AfterAll
    void disconnect() {
        world.close();
    }

    @Test
    void D1_askHrPostShowsAnInjectedQuestionInert() {
        int start = world.mark();
        Interaction ask = discord.slash(ALICE, true, "ask", Map.of("question", INJECTION));
        Request declined = world.calls(start, ask, editOriginal(), 1).get(0);

        Request hrPost = askHr(ALICE, declined);
        assertInert(hrPost.text());
        assertFalse(hrPost.text().contains("@everyone"), "mass mention broken: " + hrPost.text());
    }

    @Test
    void D1_aMultiLineQuestionFromADisguisedNameStaysQuotedAndTheNameInert() {
        int start = world.mark();
        discord.message(MALLORY, false, FORGED, null);
        Request answer = discord.await(start, post(discord.dmChannelOf(MALLORY)), 1, T).get(0);
        Request hrPost = askHr(MALLORY, answer);

        String text = hrPost.text();
        assertInert(text);
        String quoted = text.substring(text.indexOf("\n", text.indexOf("asked a question")) + 1).strip();
        assertTrue(quoted.contains("parking policy"), text);
        for (String line : quoted.split("\n")) {
            assertTrue(line.startsWith(">"), "every line of the question stays in the quote: [" + line + "] in " + text);
        }
    }

    @Test
    void D1_reportAndGapsShowNamesAndQuestionsInert() {
        int start = world.mark();
        discord.message(MALLORY, false, FORGED, null);
        discord.await(start, post(discord.dmChannelOf(MALLORY)), 1, T);

        int since = world.mark();
        Interaction report = discord.slash(HANK, true, "report", Map.of());
        Request shown = world.calls(since, report, editOriginal(), 1).get(0);
        assertInert(shown.text());

        since = world.mark();
        Interaction gaps = discord.slash(HANK, true, "gaps", Map.of());
        Request list = world.calls(since, gaps, editOriginal(), 1).get(0);
        assertInert(list.text());
        assertFalse(list.text().contains("\n**PolicyBot:**"), "a line break cannot start a line of the bot's own: "
                + list.text());
    }

    @Test
    void D3_askHrOnSomeoneElsesAnswerNeverCreditsThePresser() {
        int start = world.mark();
        Interaction ask = discord.slash(ALICE, true, "ask", Map.of("question", "what is the cafeteria menu on Thursday?"));
        Request declined = world.calls(start, ask, editOriginal(), 1).get(0);
        String askHr = declined.customIds().stream().filter(id -> id.startsWith("ask.hr:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Ask HR offered: " + declined));

        int since = world.mark();
        Interaction press = discord.press(HANK, declined.messageId(), askHr);
        List<Request> answered = discord.await(since, FakeDiscordServer.of(press).and(followUp().or(editOriginal())),
                1, T);
        List<Request> hr = discord.requestsSince(since).stream().filter(post(HR_DESK)).toList();
        assertTrue(hr.stream().noneMatch(r -> r.text().contains("Hank HR")), "the presser is not named as asker: " + hr);
        assertTrue(answered.get(0).ephemeral(), "the refusal is private to the presser");
    }

    /** Presses the Ask HR button of a declined answer (offering 👎 first when the answer has no Ask HR yet). */
    private Request askHr(String user, Request answer) {
        String id = answer.customIds().stream().filter(c -> c.startsWith("ask.hr:")).findFirst().orElse(null);
        String messageId = answer.messageId();
        if (id == null) {
            int since = world.mark();
            String down = answer.customIds().stream().filter(c -> c.startsWith("feedback.down:")).findFirst()
                    .orElseThrow(() -> new AssertionError("neither Ask HR nor 👎 in " + answer));
            Interaction press = discord.press(user, messageId, down);
            Request offer = discord.await(since, FakeDiscordServer.of(press)
                    .and(r -> r.customIds().stream().anyMatch(c -> c.startsWith("ask.hr:"))), 1, T).get(0);
            id = offer.customIds().stream().filter(c -> c.startsWith("ask.hr:")).findFirst().orElseThrow();
            messageId = offer.messageId();
        }
        int since = world.mark();
        discord.press(user, messageId, id);
        return discord.await(since, post(HR_DESK), 1, T).get(0);
    }

    private static void assertInert(String text) {
        Matcher m = MASKED_LINK.matcher(text);
        while (m.find()) {
            assertTrue(m.group(2).startsWith("https://intranet.acme.example/"),
                    "no disguised link: " + m.group() + " in " + text);
        }
        assertFalse(text.contains("<@&" + FakeDiscordServer.HR_ROLE + ">"), "role mention broken: " + text);
    }
}
