package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.policybot.chat.Actions;
import io.policybot.chat.Actor;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.ConversationEngine;
import io.policybot.chat.Inbound;
import io.policybot.chat.Reply;
import io.policybot.discord.DiscordTestDriver;
import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;
import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.RecordingSleeper;
import io.policybot.slack.testing.SignedRequests;
import io.policybot.testing.TestClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scripted conversation through the console, the Slack adapter (HTTP mode, signed requests, fake Web API) and
 * the Discord adapter (mocked JDA events), all on one real engine: the engine must be asked the same things and
 * answer the same platform-neutral replies, whatever the platform.
 *
 * <p>The script: a policy question in the DM, a press of its "Read the full section" button (taken from what the
 * platform actually showed), then {@code /policy help}. The console has no slash commands, so it types "help".
 * Each platform has its own user, so one's state cannot leak into another's answers.
 */
class ParityTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String QUESTION = "Can I mention my employer on LinkedIn?";
    private static final String FULL_SECTION = "Read the full section";
    private static final String SLACK_USER = "U0PARITY";
    private static final String SLACK_DM = FakeSlackApi.dmChannelOf(SLACK_USER);
    /** Button values that carry the question log id, which differs per question asked. */
    private static final Set<String> LOG_ID_ACTIONS = Set.of(Actions.FEEDBACK_UP, Actions.FEEDBACK_DOWN, Actions.ASK_HR);

    @TempDir
    Path data;

    @Test
    void consoleSlackAndDiscordGetTheSameAnswers() {
        try (BotRuntime runtime = BotRuntime.console(new AppConfig(null, data, false), TestClock.at("2026-11-21T09:00:00Z"))) {
            RecordingEngine engine = new RecordingEngine(runtime.engine());

            // (1) The console.
            ConsoleChat console = new ConsoleChat(engine, "parity-console", null, new ConsoleRenderer(data));
            String answer = console.send(QUESTION);
            assertTrue(answer.contains("[1] " + FULL_SECTION), answer);
            console.send("1");
            console.send("help");

            // (2) Slack in HTTP mode.
            driveSlack(engine);

            // (3) Discord.
            try (DiscordTestDriver discord = new DiscordTestDriver(engine)) {
                discord.directMessage("3000000000000000001", QUESTION);
                String customId = discord.sentButtons().stream().filter(b -> b.getKey().equals(FULL_SECTION))
                        .map(Map.Entry::getValue).findFirst()
                        .orElseThrow(() -> new AssertionError("no full-section button: " + discord.sentButtons()));
                discord.pressButton("3000000000000000002", customId);
                discord.slashCommand("3000000000000000003", "help", Map.of());
            }

            List<Step> consoleSteps = engine.steps("console");
            List<Step> slackSteps = engine.steps("slack");
            List<Step> discordSteps = engine.steps("discord");
            assertEquals(3, consoleSteps.size(), consoleSteps.toString());

            // What the engine was asked.
            assertEquals(new Step("message DIRECT_MESSAGE", QUESTION, null), consoleSteps.get(0).inboundOnly());
            Step press = consoleSteps.get(1).inboundOnly();
            assertTrue(press.inbound().equals("button " + Actions.SHOW_SECTION), press.toString());
            assertEquals(new Step("message DIRECT_MESSAGE", "help", null), consoleSteps.get(2).inboundOnly());
            assertEquals(inbounds(consoleSteps.subList(0, 2)), inbounds(slackSteps.subList(0, 2)), "slack vs console");
            assertEquals(inbounds(consoleSteps.subList(0, 2)), inbounds(discordSteps.subList(0, 2)), "discord vs console");
            // Both platforms' slash command is a command; the console has none and sends the same text as a message.
            assertEquals(List.of(new Step("message COMMAND", "help", null)), inbounds(slackSteps.subList(2, 3)));
            assertEquals(inbounds(slackSteps), inbounds(discordSteps), "slack vs discord");

            // What it answered: same placements and blocks once log ids are normalised away.
            assertFalse(consoleSteps.get(0).replies().isEmpty());
            for (int i = 0; i < 3; i++) {
                assertEquals(consoleSteps.get(i).replies(), slackSteps.get(i).replies(), "step " + (i + 1) + ": slack vs console");
                assertEquals(consoleSteps.get(i).replies(), discordSteps.get(i).replies(), "step " + (i + 1) + ": discord vs console");
            }
        }
    }

    private static void driveSlack(RecordingEngine engine) {
        try (FakeSlackApi api = FakeSlackApi.start()) {
            SlackBot bot = new SlackBot(
                    SlackConfig.httpMode("xoxb-parity-token", "parity-signing-secret", 0, "CHR000001", "CANN00001"),
                    // The adapter checks request timestamps against its clock; SignedRequests signs with the real time.
                    engine, Clock.systemUTC(),
                    SlackBot.Options.defaults().withApiUrl(api.apiUrl()).withSleeper(new RecordingSleeper()));
            bot.start();
            try {
                SignedRequests slack = new SignedRequests("parity-signing-secret", bot.httpPort());
                assertEquals(200, slack.event("EvParity1",
                        SignedRequests.dmMessage(SLACK_USER, SLACK_DM, QUESTION, "1700000050.000100"), Map.of()).statusCode());
                FakeSlackApi.Call posted = api.await("chat.postMessage", c -> slackButton(c, FULL_SECTION) != null, T);
                JsonNode button = slackButton(posted, FULL_SECTION);

                assertEquals(200, slack.blockActions(SignedRequests.buttonPress(SLACK_USER, SLACK_DM, "1700000060.000100",
                        false, button.get("action_id").asText(), button.get("value").asText(), "trig-parity-2",
                        api.responseUrl("trig-parity-2"))).statusCode());
                engine.awaitSteps("slack", 2);

                assertEquals(200, slack.command(SLACK_USER, SLACK_DM, "directmessage", "help", "trig-parity-3",
                        api.responseUrl("trig-parity-3")).statusCode());
                engine.awaitSteps("slack", 3);
            } finally {
                bot.stop(); // waits for the replies in progress
            }
        }
    }

    /** The button labelled {@code label} in a posted message's Block Kit, or null. */
    private static JsonNode slackButton(FakeSlackApi.Call call, String label) {
        JsonNode blocks = call.json("blocks");
        if (blocks == null) {
            return null;
        }
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && label.equals(element.path("text").path("text").asText())) {
                    return element;
                }
            }
        }
        return null;
    }

    private static List<Step> inbounds(List<Step> steps) {
        return steps.stream().map(Step::inboundOnly).toList();
    }

    /** One engine call, platform-neutral: how it arrived, what it said, and the replies with log ids normalised. */
    record Step(String inbound, String content, List<Reply> replies) {
        Step inboundOnly() {
            return new Step(inbound, content, null);
        }
    }

    /** The real engine, recording each call per platform. */
    static final class RecordingEngine implements ConversationEngine {
        private final ConversationEngine delegate;
        private final List<Map.Entry<String, Step>> steps = new ArrayList<>();

        RecordingEngine(ConversationEngine delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Reply> handle(Inbound inbound) {
            List<Reply> replies = delegate.handle(inbound);
            Step step = switch (inbound) {
                case Inbound.Message m -> new Step("message " + m.kind(), m.text(), normalise(replies));
                case Inbound.ButtonPress b -> new Step("button " + b.actionId(), b.value(), normalise(replies));
            };
            synchronized (this) {
                steps.add(Map.entry(inbound.actor().platform(), step));
                notifyAll();
            }
            return replies;
        }

        @Override
        public List<Block> home(Actor actor) {
            return delegate.home(actor);
        }

        synchronized List<Step> steps(String platform) {
            return steps.stream().filter(e -> e.getKey().equals(platform)).map(Map.Entry::getValue).toList();
        }

        /** Waits until the engine has answered {@code count} calls from {@code platform}. */
        synchronized void awaitSteps(String platform, int count) {
            long deadline = System.nanoTime() + T.toNanos();
            while (steps(platform).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + platform + " calls; got " + steps(platform));
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }

        private static List<Reply> normalise(List<Reply> replies) {
            return replies.stream()
                    .map(r -> new Reply(r.placement(), r.blocks().stream().map(RecordingEngine::normalise).toList(),
                            r.fallback()))
                    .toList();
        }

        private static Block normalise(Block block) {
            if (block instanceof Block.Buttons buttons) {
                return new Block.Buttons(buttons.buttons().stream()
                        .map(b -> LOG_ID_ACTIONS.contains(b.actionId())
                                ? new Button(b.actionId(), b.label(), "<log id>", b.style()) : b)
                        .toList());
            }
            return block;
        }
    }
}
