package io.policybot.slack.testing;

import io.policybot.chat.ChatGateway;
import io.policybot.chat.ChatGateways;
import io.policybot.conversation.PolicyConversationEngine;
import io.policybot.conversation.StaffCommands;
import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;
import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.questions.sql.SqlQuestionLogRepository;
import io.policybot.testing.TestAnswerers;
import io.policybot.testing.TestServices;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real SlackBot in HTTP mode on the real engine (bundled content, SQLite), against the fake Web API: what a
 * person and HR see end to end. The engine posts Ask HR through the bot's own gateway, as BotRuntime wires it.
 */
public final class EngineFixture implements AutoCloseable {
    public final FakeSlackApi api = FakeSlackApi.start();
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final SlackBot bot;
    public final SignedRequests slack;

    /** @param hrChannel the HR channel id, or null for a workspace without one */
    public EngineFixture(Database db, String hrChannel) {
        Clock clock = Clock.systemUTC();
        AtomicReference<ChatGateway> gateway = new AtomicReference<>();
        ChatGateways gateways = platform -> Optional.ofNullable(gateway.get()).filter(g -> g.platform().equals(platform));
        PolicyConversationEngine engine = new PolicyConversationEngine(TestAnswerers.live(),
                TestServices.training(db, clock, 7), new SqlPersonRepository(db), new SqlQuestionLogRepository(db),
                StaffCommands.unavailable(), gateways, clock, 1000);
        SlackConfig config = SlackConfig.httpMode(HttpModeFixture.BOT_TOKEN, HttpModeFixture.SIGNING_SECRET, 0,
                hrChannel, null);
        bot = new SlackBot(config, engine, clock, SlackBot.Options.defaults().withApiUrl(api.apiUrl()).withSleeper(sleeper));
        gateway.set(bot.gateway());
        bot.start();
        slack = new SignedRequests(HttpModeFixture.SIGNING_SECRET, bot.httpPort());
    }

    /** Stops the bot, waiting for work in progress. */
    public void drain() {
        bot.stop();
    }

    @Override
    public void close() {
        bot.stop();
        api.close();
    }
}
