package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Reply;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {

    @Test
    void readsTheEnvironment() {
        DiscordConfig config = DiscordConfig.fromEnv(Map.of(
                "DISCORD_BOT_TOKEN", " secret-token ",
                "DISCORD_GUILD_ID", "123456789012345678",
                "DISCORD_HR_CHANNEL_ID", "223456789012345678",
                "DISCORD_ANNOUNCEMENT_CHANNEL_ID", "")).orElseThrow();

        assertEquals(new DiscordConfig("secret-token", "123456789012345678", "223456789012345678", null), config);
        assertEquals(Optional.of("223456789012345678"), config.channelFor(Reply.ChannelRole.HR));
        assertEquals(Optional.empty(), config.channelFor(Reply.ChannelRole.ANNOUNCEMENTS));
    }

    @Test
    void withoutATokenThereIsNoDiscordBot() {
        assertTrue(DiscordConfig.fromEnv(Map.of("DISCORD_GUILD_ID", "1")).isEmpty());
        assertTrue(DiscordConfig.fromEnv(Map.of("DISCORD_BOT_TOKEN", "  ")).isEmpty());
    }

    @Test
    void idsMustBeSnowflakes() {
        assertThrows(IllegalArgumentException.class, () -> new DiscordConfig("t", "#general", null, null));
    }

    @Test
    void theTokenNeverShows() {
        String text = new DiscordConfig("secret-token", "1", null, null).toString();

        assertFalse(text.contains("secret-token"), text);
        assertTrue(text.contains("guildId=1"));
    }
}
