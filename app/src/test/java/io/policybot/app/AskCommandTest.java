package io.policybot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policybot ask}: one answer to read, or JSON lines in the order the questions came. */
class AskCommandTest {
    @TempDir
    Path data;

    private String run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            int code = PolicyBotCommand.commandLine().execute(args);
            assertEquals(0, code);
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesFromStandardInputInOrder() throws Exception {
        String out = run("Can I mention my employer on LinkedIn?\n我可以在朋友圈发同事的照片吗？\n\nHow many vacation days do I get?\n",
                "--no-embeddings", "--data", data.toString(), "ask", "--json");
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals("Can I mention my employer on LinkedIn?", first.get("question").asText());
        assertEquals("en", first.get("lang").asText());
        assertTrue(first.get("answered").asBoolean());
        assertEquals("identifying-yourself", first.get("sections").get(0).get("section").asText());
        assertEquals("social-media", first.get("sections").get(0).get("policy").asText());
        assertTrue(first.get("sections").size() <= 5);
        assertTrue(first.get("confidence").asDouble() > 0);
        assertEquals("zh", mapper.readTree(lines.get(1)).get("lang").asText());
        assertFalse(mapper.readTree(lines.get(2)).get("answered").asBoolean());
        JsonNode declined = mapper.readTree(lines.get(3));
        assertFalse(declined.get("answered").asBoolean());
        assertTrue(declined.get("answer").asText().contains("hr@acme.example"));
    }

    @Test
    void unsureAnswersListTheSectionsThatMayHelp() {
        io.policybot.answering.Answer unsure = new io.policybot.answering.Answer("can I post that?", "en",
                io.policybot.answering.Answer.Kind.SUGGESTIONS, 0.35, List.of(), "", List.of(), null,
                List.of(new io.policybot.answering.RankedSection("social-media", "privacy-and-consent", "Privacy and consent", 0.7),
                        new io.policybot.answering.RankedSection("social-media", "personal-use", "Personal use", 0.69)),
                null, io.policybot.answering.Answer.Decline.NOT_COVERED, false);
        String out = AskCommand.readable(unsure);
        assertTrue(out.contains("Privacy and consent") && out.contains("Personal use"), out);
        assertFalse(out.contains("[1]"), "nothing to press in a one-shot command: " + out);
    }

    @Test
    void aQuestionOnTheCommandLineIsAnsweredForAPerson() {
        String out = run("", "--no-embeddings", "--data", data.toString(), "ask", "Can I mention my employer on LinkedIn?");
        assertTrue(out.contains("Identifying yourself"), out);
        assertFalse(out.contains("{"), out);
    }
}
