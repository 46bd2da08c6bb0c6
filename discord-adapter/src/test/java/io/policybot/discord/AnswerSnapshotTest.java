package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * The exact JSON Discord receives for a typical answer. On an intended change, regenerate with
 * {@code ./verify -pl discord-adapter -am -Dtest=AnswerSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsnapshots.update=true} and review the diff.
 */
class AnswerSnapshotTest {
    private static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void answerReply() throws IOException {
        MessageCreateData answer = MessageRenderer.create(List.of(
                new Block.Heading("Can I post photos of colleagues?"),
                new Block.Text("**Ask first.** Get your colleagues' consent before you post photos or video of them."),
                new Block.Bullets("", List.of("No filming in restricted areas", "No location tags of non-public sites")),
                new Block.Citation("social-media", "Social Media Policy", "consent", "Consent and privacy", "1.0",
                        "https://intranet.example/policies/social-media#consent", "en"),
                new Block.Context("Not legal advice. When in doubt, ask HR."),
                new Block.Buttons(List.of(
                        new Button("feedback.up", "Helpful", "social-media/consent"),
                        new Button("feedback.down", "Not helpful", "social-media/consent"),
                        new Button("section.show", "Show the section", "social-media/consent", Button.Style.PRIMARY)))),
                "Ask first: get consent before posting photos of colleagues.").get(0);

        assertMatchesSnapshot("answer-reply.json", new String(answer.toData().toJson(), StandardCharsets.UTF_8));
    }

    private static void assertMatchesSnapshot(String name, String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        String actual = JSON.writeValueAsString(JSON.treeToValue(tree, Object.class)) + "\n";
        Path file = SNAPSHOTS.resolve(name);
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no snapshot " + file + ": run once with -Dsnapshots.update=true");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "differs from " + file + " (regenerate with -Dsnapshots.update=true if intended)");
    }
}
