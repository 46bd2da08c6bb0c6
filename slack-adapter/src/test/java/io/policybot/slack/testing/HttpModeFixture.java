package io.policybot.slack.testing;

import io.policybot.slack.SlackBot;
import io.policybot.slack.SlackConfig;

import java.time.Clock;

/** A real SlackBot in HTTP mode on a free port, wired to a fake Web API and a scripted engine. */
public final class HttpModeFixture implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-test-token-123";
    public static final String SIGNING_SECRET = "test-signing-secret-abc";
    public static final String HR_CHANNEL = "CHR000001";
    public static final String ANNOUNCEMENTS_CHANNEL = "CANN00001";

    public final FakeSlackApi api = FakeSlackApi.start();
    public final ScriptedEngine engine = new ScriptedEngine();
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final SlackBot bot;
    public final SignedRequests slack;

    public HttpModeFixture() {
        this(Clock.systemUTC());
    }

    public HttpModeFixture(Clock clock) {
        this(clock, o -> o);
    }

    /** @param tune changes the bot's options (answering bounds, meters) */
    public HttpModeFixture(Clock clock, java.util.function.UnaryOperator<SlackBot.Options> tune) {
        SlackConfig config = SlackConfig.httpMode(BOT_TOKEN, SIGNING_SECRET, 0, HR_CHANNEL, ANNOUNCEMENTS_CHANNEL);
        bot = new SlackBot(config, engine, clock,
                tune.apply(SlackBot.Options.defaults().withApiUrl(api.apiUrl()).withSleeper(sleeper)));
        bot.start();
        slack = new SignedRequests(SIGNING_SECRET, bot.httpPort());
    }

    /** Stops the bot, waiting for work in progress, so "nothing else happened" can be asserted. */
    public void drain() {
        bot.stop();
    }

    @Override
    public void close() {
        bot.stop();
        api.close();
    }
}
