package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.policybot.chat.DeliveryResult;
import io.policybot.chat.Reply;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

/** What can be checked without connecting: the intents, and the gateway's and lifecycle's edges. */
class DiscordBotTest {

    @Test
    void asksOnlyForTheIntentsItNeeds() {
        assertEquals(Set.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES), DiscordBot.INTENTS);
        assertFalse(DiscordBot.INTENTS.contains(GatewayIntent.MESSAGE_CONTENT), "privileged and not needed");
    }

    @Test
    void theGatewayWaitsUntilTheBotIsConnectedAndAStoppedBotStaysStopped() {
        DiscordBot bot = new DiscordBot(new DiscordConfig("not-a-real-token"), ScriptedEngine.answering(),
                Clock.systemUTC());

        assertEquals("discord", bot.gateway().platform());
        assertInstanceOf(DeliveryResult.RetryLater.class,
                bot.gateway().sendToChannel(Reply.ChannelRole.HR, List.of(), "x"));
        bot.stop();
        bot.close();
        assertThrows(IllegalStateException.class, bot::start);
    }
}
