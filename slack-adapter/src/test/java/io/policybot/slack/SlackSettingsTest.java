package io.policybot.slack;

import io.policybot.slack.testing.FakeSlackApi;
import io.policybot.slack.testing.HttpModeFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SLACK_API_URL (GovSlack, proxies, tests) and SLACK_HTTP_BIND, as the launcher passes them (field report, admin notes). */
class SlackSettingsTest {

    @Test
    void theWebApiUrlAndTheBindAddressComeFromTheEnvironment() {
        try (FakeSlackApi api = FakeSlackApi.start()) {
            String url = api.apiUrl().substring(0, api.apiUrl().length() - 1); // without the trailing slash
            SlackBot.Options options = SlackBot.Options.fromEnv(Map.of(
                    SlackConfig.ENV_API_URL, url, SlackConfig.ENV_HTTP_BIND, "127.0.0.1"));
            assertEquals(api.apiUrl(), options.apiUrl());
            SlackBot bot = new SlackBot(SlackConfig.httpMode(HttpModeFixture.BOT_TOKEN, HttpModeFixture.SIGNING_SECRET, 0,
                    null, null), new io.policybot.slack.testing.ScriptedEngine(), Clock.systemUTC(), options);
            try {
                bot.start();
                assertEquals(HttpModeFixture.BOT_TOKEN, api.calls("auth.test").getFirst().token(), "auth.test went to the fake");
                assertTrue(bot.httpAddress().getAddress().isLoopbackAddress(), bot.httpAddress().toString());
            } finally {
                bot.stop();
            }
        }
    }

    @Test
    void withoutThemSlackAndEveryInterfaceAreUsed() {
        SlackBot.Options options = SlackBot.Options.fromEnv(Map.of());
        assertEquals("https://slack.com/api/", options.apiUrl());
        assertNull(options.httpBind());
    }

    @Test
    void aWrongApiUrlIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlackBot.Options.fromEnv(Map.of(SlackConfig.ENV_API_URL, "slack.example/api")));
        assertTrue(e.getMessage().contains("SLACK_API_URL must be an http(s) URL"), e.getMessage());
    }
}
