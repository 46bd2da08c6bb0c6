package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which platforms run is read from the environment once; what is kept never prints a secret. */
class PlatformConfigTest {
    private static final Map<String, String> ENV = Map.of("SLACK_BOT_TOKEN", "xoxb-SECRET-1",
            "SLACK_APP_TOKEN", "xapp-SECRET-2", "DISCORD_BOT_TOKEN", "SECRET-3.discord", "PATH", "/usr/bin");

    @Test
    void bothPlatformsAndNoTokenInToString() {
        PlatformConfig config = PlatformConfig.fromEnvironment(ENV);
        assertEquals(Set.of("slack", "discord"), config.names());
        String printed = config.toString();
        for (String secret : List.of("SECRET-1", "SECRET-2", "SECRET-3", "/usr/bin")) {
            assertFalse(printed.contains(secret), printed);
        }
    }

    @Test
    void noTokensMeansTheConsole() {
        assertTrue(PlatformConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")).none());
    }
}
