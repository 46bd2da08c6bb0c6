package io.policybot.slack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockKitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(BlockKit.Rendered rendered) throws Exception {
        return JSON.readTree(GsonFactory.createSnakeCase().toJson(rendered.blocks()));
    }

    @Test
    void eachBlockHasItsBlockKitForm() throws Exception {
        JsonNode blocks = json(BlockKit.render(List.of(
                new Block.Heading("Title"),
                new Block.Text("Text"),
                new Block.Bullets("", List.of("a", "b")),
                new Block.Citation("p", "Policy", null, "Scope", null, null, "en"),
                new Block.Buttons(List.of(new Button("quiz.start", "Go", "v"))),
                new Block.Context("3/10"),
                new Block.Divider()), ""));
        assertEquals(List.of("header", "section", "section", "context", "actions", "context", "divider"),
                blocks.valueStream().map(b -> b.get("type").asText()).toList());
        assertEquals("• a\n• b", blocks.get(2).get("text").get("text").asText());
        assertEquals(":page_facing_up: *Policy* › Scope", blocks.get(3).get("elements").get(0).get("text").asText());
    }

    @Test
    void attachmentsAreNotBlocks() {
        BlockKit.Rendered r = BlockKit.render(List.of(new Block.Attachment("r.csv", "text/csv", new byte[] {1})), "");
        assertTrue(r.blocks().isEmpty());
        assertEquals(1, r.attachments().size());
        assertFalse(r.hasMessage());
    }

    @Test
    void longTextIsSplitIntoSectionsAtLineEnds() throws Exception {
        String line = "x".repeat(999) + "\n";
        JsonNode blocks = json(BlockKit.render(List.of(new Block.Text(line.repeat(5))), ""));
        assertEquals(2, blocks.size());
        blocks.forEach(b -> assertTrue(b.get("text").get("text").asText().length() <= BlockKit.SECTION_TEXT_MAX));
    }

    @Test
    void moreThanTwentyFiveButtonsSpreadOverActionsBlocks() throws Exception {
        List<Button> buttons = IntStream.range(0, 30).mapToObj(i -> new Button("quiz.answer", "b" + i, "v" + i)).toList();
        JsonNode blocks = json(BlockKit.render(List.of(new Block.Buttons(buttons)), ""));
        assertEquals(2, blocks.size());
        assertEquals(25, blocks.get(0).get("elements").size());
        assertEquals("quiz.answer#29", blocks.get(1).get("elements").get(4).get("action_id").asText());
        assertFalse(blocks.get(0).get("block_id").asText().equals(blocks.get(1).get("block_id").asText()));
    }

    @Test
    void headersAndLabelsAreCutToSlacksLimits() throws Exception {
        JsonNode blocks = json(BlockKit.render(List.of(new Block.Heading("h".repeat(400)),
                new Block.Buttons(List.of(new Button("ask.hr", "l".repeat(80), "")))), ""));
        assertEquals(BlockKit.HEADER_MAX, blocks.get(0).get("text").get("text").asText().length());
        assertEquals(BlockKit.BUTTON_LABEL_MAX, blocks.get(1).get("elements").get(0).get("text").get("text").asText().length());
    }

    @Test
    void theFallbackComesFromTheFirstHeadingOrTextWhenTheEngineGivesNone() {
        assertEquals("Hello &lt;you&gt;", BlockKit.render(List.of(new Block.Divider(), new Block.Text("**Hello** <you>")), "").fallback());
        assertEquals("Given", BlockKit.render(List.of(new Block.Heading("H")), "Given").fallback());
    }

    @Test
    void actionIdsRoundTrip() {
        assertEquals("quiz.answer", ActionIds.decode(ActionIds.encode("quiz.answer", 3)));
        assertTrue(ActionIds.ENGINE_ACTION.matcher("feedback.up#12").matches());
        assertFalse(ActionIds.ENGINE_ACTION.matcher("someone_elses_action").matches());
    }
}
