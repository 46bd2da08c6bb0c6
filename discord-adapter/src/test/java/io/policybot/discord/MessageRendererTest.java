package io.policybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

    @Test
    void blocksBecomeOneEmbed() {
        MessageCreateData data = MessageRenderer.create(List.of(
                new Block.Heading("Posting photos of colleagues"),
                new Block.Text("**Ask first.** Consent matters, _always_."),
                new Block.Bullets("Remember:", List.of("no location tags", "no restricted areas")),
                new Block.Divider(),
                new Block.Citation("social-media", "Social Media Policy", "consent", "Consent", "1.0",
                        "https://intranet.example/policies/social-media#consent", "en"),
                new Block.Context("Answer 1 of 1"),
                new Block.Context("Was this helpful?")), "Posting photos").get(0);

        MessageEmbed embed = data.getEmbeds().get(0);
        assertEquals("Posting photos of colleagues", embed.getTitle());
        assertEquals("""
                **Ask first.** Consent matters, _always_.

                Remember:
                - no location tags
                - no restricted areas

                ────────────────""", embed.getDescription());
        MessageEmbed.Field source = embed.getFields().get(0);
        assertEquals("Social Media Policy", source.getName());
        assertEquals("[Consent](https://intranet.example/policies/social-media#consent) · v1.0", source.getValue());
        assertEquals("Answer 1 of 1 · Was this helpful?", embed.getFooter().getText());
        assertEquals("", data.getContent(), "the embed carries the text");
    }

    @Test
    void massAndRoleMentionsAreBrokenAndNoMentionIsAllowed() {
        String question = "@everyone look, @here too, <@&123456789012345678> and <@111111111111111111>";
        MessageCreateData data = MessageRenderer.create(List.of(
                new Block.Heading("You asked: " + question),
                new Block.Text("You asked: " + question),
                new Block.Context(question),
                new Block.Buttons(List.of(new Button("ask.hr", "@everyone", "x")))), question).get(0);

        MessageEmbed embed = data.getEmbeds().get(0);
        for (String text : List.of(embed.getTitle(), embed.getDescription(), embed.getFooter().getText(),
                data.getComponents().get(0).asActionRow().getButtons().get(0).getLabel())) {
            assertFalse(text.contains("@everyone"), text);
            assertFalse(text.contains("@here"), text);
            assertFalse(text.contains("<@&"), text);
        }
        assertTrue(embed.getDescription().contains("@\u200Beveryone look, @\u200Bhere too, <@\u200B&123456789012345678>"));
        assertTrue(data.getAllowedMentions().isEmpty());
        assertTrue(data.getMentionedUsers().isEmpty());
        assertTrue(data.getMentionedRoles().isEmpty());
        assertFalse(data.isMentionRepliedUser());
        DataObject allowed = data.toData().getObject("allowed_mentions");
        assertTrue(allowed.getArray("parse").isEmpty());
    }

    @Test
    void D1_userAndRoleMentionsAreBrokenAndEscapesKept() {
        String text = MessageRenderer.create(List.of(new Block.Text(
                "ask <@123> and <@!456> or <@&789>, not \\<@111\\> \\[x\\]\\(https://evil.example\\)")), "x")
                .get(0).getEmbeds().get(0).getDescription();

        assertEquals("ask <@\u200B123> and <@\u200B!456> or <@\u200B&789>, not \\<@111\\> "
                + "\\[x\\]\\(https://evil.example\\)", text, "the engine's backslash escapes reach Discord as they are");
    }

    @Test
    void aFallbackOnlyReplyIsEscapedContentWithoutMentions() {
        MessageCreateData data = MessageRenderer.create(List.of(), "hi @here").get(0);

        assertEquals("hi @\u200Bhere", data.getContent());
        assertTrue(data.getEmbeds().isEmpty());
        assertTrue(data.getAllowedMentions().isEmpty());
    }

    @Test
    void buttonsGoFiveToARowAndAtMostFiveRows() {
        List<Button> twelve = IntStream.range(0, 12).mapToObj(i -> new Button("quiz.answer", "Option " + i, "q" + i)).toList();
        MessageCreateData data = MessageRenderer.create(List.of(new Block.Text("Pick one"), new Block.Buttons(twelve),
                new Block.Buttons(List.of(new Button("feedback.up", "Yes", "", Button.Style.PRIMARY),
                        new Button("feedback.down", "No", "", Button.Style.DANGER)))), "Pick one").get(0);

        assertEquals(List.of(5, 5, 2, 2), data.getComponents().stream()
                .map(c -> c.asActionRow().getButtons().size()).toList());
        var last = data.getComponents().get(3).asActionRow().getButtons();
        assertEquals(ButtonStyle.PRIMARY, last.get(0).getStyle());
        assertEquals(ButtonStyle.DANGER, last.get(1).getStyle());
        assertEquals(ButtonStyle.SECONDARY, data.getComponents().get(0).asActionRow().getButtons().get(0).getStyle());
        assertEquals("feedback.up:", last.get(0).getCustomId());

        List<Button> thirty = IntStream.range(0, 30).mapToObj(i -> new Button("quiz.answer", "O" + i, "v" + i)).toList();
        assertEquals(5, MessageRenderer.create(List.of(new Block.Buttons(thirty)), "many").get(0).getComponents().size());
    }

    @Test
    void anAttachmentIsAFileUpload() throws Exception {
        byte[] csv = "user,status\nada,done\n".getBytes(StandardCharsets.UTF_8);
        MessageCreateData data = MessageRenderer.create(List.of(new Block.Heading("Training report"),
                new Block.Attachment("report.csv", "text/csv", csv)), "Training report").get(0);

        FileUpload file = data.getFiles().get(0);
        assertEquals("report.csv", file.getName());
        try (InputStream in = file.getData()) {
            assertEquals("user,status\nada,done\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void editsReplaceTheWholeMessage() {
        MessageEditData edit = MessageRenderer.edit(List.of(new Block.Heading("Correct")), "Correct").first();

        DataObject json = edit.toData();
        assertTrue(json.getArray("components").isEmpty());
        assertTrue(json.getArray("attachments").isEmpty());
        assertEquals("Correct", edit.getEmbeds().get(0).getTitle());
        assertTrue(edit.getAllowedMentions().isEmpty());
    }

    @Test
    void D13_longTextContinuesInMoreEmbedsAndMessages() {
        String long5000 = "word ".repeat(1000).strip();
        List<MessageCreateData> parts = MessageRenderer.create(List.of(new Block.Heading("t".repeat(300)),
                new Block.Text(long5000), new Block.Text(long5000), new Block.Text("**Due by 1 March**"),
                new Block.Buttons(List.of(new Button("a", "Send", "1")))), "long");

        assertEquals(MessageEmbed.TITLE_MAX_LENGTH, parts.get(0).getEmbeds().get(0).getTitle().length());
        StringBuilder all = new StringBuilder();
        for (MessageCreateData part : parts) {
            int total = 0;
            for (MessageEmbed embed : part.getEmbeds()) {
                assertTrue(embed.getDescription().length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH);
                total += embed.getLength();
                all.append(embed.getDescription()).append(' ');
            }
            assertTrue(total <= MessageEmbed.EMBED_MAX_LENGTH_BOT, "at most 6000 characters per message");
            assertTrue(part.getEmbeds().size() <= 10);
        }
        assertFalse(all.toString().contains("…"), "nothing is cut");
        assertEquals(2000, all.toString().split("word", -1).length - 1, "every word is shown");
        assertTrue(all.toString().contains("Due by 1 March"));
        assertTrue(parts.get(parts.size() - 1).getComponents().size() == 1, "the buttons close the last part");
        parts.subList(0, parts.size() - 1).forEach(p -> assertTrue(p.getComponents().isEmpty()));
    }

    @Test
    void unsafeLinksAreNotLinked() {
        MessageCreateData data = MessageRenderer.create(List.of(new Block.Citation("p", "Policy", "s", "Section", null,
                "javascript:alert(1)", "en")), "x").get(0);

        assertEquals("Section", data.getEmbeds().get(0).getFields().get(0).getValue());
    }
}
