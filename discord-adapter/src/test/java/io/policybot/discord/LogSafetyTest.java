package io.policybot.discord;

import static io.policybot.discord.Harness.await;
import static io.policybot.discord.Harness.reply;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.policybot.chat.Block;
import io.policybot.chat.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Failures are logged, but never with what people wrote, what the bot answered, or the token. */
class LogSafetyTest {
    private static final String SECRET = "MY-MANAGER-BULLIES-ME";

    private final Harness h = new Harness();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger adapterLog = (Logger) LoggerFactory.getLogger("io.policybot.discord");

    @BeforeEach
    void capture() {
        logs.start();
        adapterLog.addAppender(logs);
    }

    @AfterEach
    void release() {
        adapterLog.detachAppender(logs);
        h.close();
    }

    @Test
    void failuresAreLoggedWithoutUserTextOrToken() {
        h.discord.dmFailure.set(FakeDiscord.discordError(ErrorResponse.CANNOT_SEND_TO_USER));
        ScriptedEngine failing = new ScriptedEngine(inbound -> {
            throw new IllegalStateException("could not answer " + SECRET);
        });
        ScriptedEngine echoing = new ScriptedEngine(inbound -> {
            h.clock.advance(Duration.ofMinutes(20));
            return List.of(new Reply(Reply.DM, List.of(new Block.Text("You said " + SECRET)), SECRET),
                    new Reply(new Reply.Placement.NamedChannel(Reply.ChannelRole.ANNOUNCEMENTS),
                            List.of(new Block.Text(SECRET)), SECRET));
        });

        await(h.listener(failing).slashCommand(h.discord.slash("4001", "ask", true, Map.of("question", SECRET))));
        await(h.listener(echoing).slashCommand(h.discord.slash("4002", "ask", true, Map.of("question", SECRET))));
        await(h.listener(echoing).message(h.discord.message("4003", SECRET, false, false)));

        assertFalse(logs.list.isEmpty(), "the failures were logged");
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertFalse(line.contains(SECRET), line);
            assertFalse(line.contains(h.config.token()), line);
        }
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("engine failed")));
    }
}
