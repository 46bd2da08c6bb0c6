package io.policybot.slack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlackConfigTest {

    @Test
    void socketModeIsTheDefault() {
        SlackConfig c = SlackConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1",
                "SLACK_HR_CHANNEL", "CHR", "SLACK_ANNOUNCEMENTS_CHANNEL", " "));
        assertEquals(SlackConfig.Mode.SOCKET, c.mode());
        assertEquals("CHR", c.hrChannelId());
        assertNull(c.announcementChannelId());
    }

    @Test
    void httpModeNeedsTheSigningSecretAndTakesAPort() {
        SlackConfig c = SlackConfig.fromEnv(Map.of("SLACK_MODE", "http", "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s", "SLACK_PORT", "8080"));
        assertEquals(SlackConfig.Mode.HTTP, c.mode());
        assertEquals(8080, c.port());
        assertEquals(SlackConfig.DEFAULT_PORT, SlackConfig.fromEnv(Map.of("SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s")).port());
        assertThrows(IllegalArgumentException.class, () -> SlackConfig.fromEnv(Map.of("SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-1")));
    }

    @Test
    void missingTokensAndBadValuesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> SlackConfig.fromEnv(Map.of("SLACK_APP_TOKEN", "xapp-1")));
        assertThrows(IllegalArgumentException.class, () -> SlackConfig.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
        assertThrows(IllegalArgumentException.class, () -> SlackConfig.fromEnv(Map.of("SLACK_MODE", "rtm",
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")));
        assertThrows(IllegalArgumentException.class, () -> SlackConfig.fromEnv(Map.of("SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s", "SLACK_PORT", "eighty")));
    }

    @Test
    void toStringNeverShowsSecrets() {
        String s = SlackConfig.socketMode("xoxb-secret-1", "xapp-secret-2", null, null).toString();
        assertFalse(s.contains("secret"), s);
    }
}
