package io.policybot.discord;

import io.policybot.conversation.Block;
import io.policybot.conversation.Button;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Platform-neutral blocks to one Discord message: an embed (Heading = title; Text, Bullets and Divider = description;
 * Citation = a field with the link; Context = footer), Buttons = action rows of at most 5, Attachment = a file.
 * Discord renders the engine's Markdown subset (**bold**, _italic_, "- " lists, [label](url)) natively in embeds,
 * so text passes through, made {@link SafeText safe}. Every message allows no mentions at all.
 */
final class MessageRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRenderer.class);

    static final int COLOR = 0x3B82F6;
    static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);
    private static final int BUTTONS_PER_ROW = 5;
    private static final int MAX_ROWS = 5;
    private static final String DIVIDER = "\u2500".repeat(16);
    private static final String EMPTY = String.valueOf(SafeText.ZWSP);

    /** The parts of one message, before they become create or edit data. */
    record Rendered(String content, List<MessageEmbed> embeds, List<ActionRow> rows, List<Block.Attachment> files) {
    }

    static MessageCreateData create(List<Block> blocks, String fallback) {
        Rendered r = render(blocks, fallback);
        return new MessageCreateBuilder()
                .setContent(r.content())
                .setEmbeds(r.embeds())
                .setComponents(r.rows())
                .setFiles(uploads(r.files()))
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    /** Edit data that replaces the whole message: fields the reply does not set (old buttons...) are cleared. */
    static MessageEditData edit(List<Block> blocks, String fallback) {
        Rendered r = render(blocks, fallback);
        return new MessageEditBuilder()
                .setReplace(true)
                .setContent(r.content())
                .setEmbeds(r.embeds())
                .setComponents(r.rows())
                .setAttachments(uploads(r.files()))
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    static Rendered render(List<Block> blocks, String fallback) {
        String title = null;
        List<String> paragraphs = new ArrayList<>();
        List<MessageEmbed.Field> fields = new ArrayList<>();
        List<String> footer = new ArrayList<>();
        List<ActionRow> rows = new ArrayList<>();
        List<Block.Attachment> files = new ArrayList<>();
        Set<String> customIds = new HashSet<>();

        for (Block block : blocks) {
            switch (block) {
                case Block.Heading h -> {
                    if (title == null) {
                        title = h.text();
                    } else {
                        paragraphs.add("**" + h.text() + "**");
                    }
                }
                case Block.Text t -> paragraphs.add(t.markdown());
                case Block.Bullets b -> paragraphs.add(bullets(b));
                case Block.Citation c -> fields.add(citation(c));
                case Block.Buttons b -> addRows(rows, b.buttons(), customIds);
                case Block.Context c -> footer.add(c.text());
                case Block.Divider d -> paragraphs.add(DIVIDER);
                case Block.Attachment a -> files.add(a);
            }
        }

        List<MessageEmbed> embeds = new ArrayList<>();
        MessageEmbed embed = embed(title, paragraphs, fields, footer);
        if (embed != null) {
            embeds.add(embed);
        }
        String content = "";
        if (embeds.isEmpty() && files.isEmpty()) {
            String text = SafeText.neutralize(fallback).strip();
            content = SafeText.truncate(text.isEmpty() ? EMPTY : text, Message.MAX_CONTENT_LENGTH);
        }
        return new Rendered(content, List.copyOf(embeds), List.copyOf(rows), List.copyOf(files));
    }

    private static MessageEmbed embed(String title, List<String> paragraphs, List<MessageEmbed.Field> fields,
                                      List<String> footer) {
        EmbedBuilder eb = new EmbedBuilder().setColor(COLOR);
        boolean empty = true;
        if (title != null && !title.isBlank()) {
            eb.setTitle(SafeText.truncate(SafeText.neutralize(title), MessageEmbed.TITLE_MAX_LENGTH));
            empty = false;
        }
        for (MessageEmbed.Field field : fields.subList(0, Math.min(fields.size(), MessageEmbed.MAX_FIELD_AMOUNT))) {
            eb.addField(field);
            empty = false;
        }
        if (!footer.isEmpty()) {
            eb.setFooter(SafeText.truncate(SafeText.neutralize(String.join(" · ", footer)), MessageEmbed.TEXT_MAX_LENGTH));
            empty = false;
        }
        String description = SafeText.neutralize(String.join("\n\n", paragraphs)).strip();
        if (!description.isEmpty()) {
            int room = Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, MessageEmbed.EMBED_MAX_LENGTH_BOT - eb.length());
            eb.setDescription(SafeText.truncate(description, Math.max(1, room)));
            empty = false;
        }
        return empty ? null : eb.build();
    }

    private static String bullets(Block.Bullets b) {
        StringBuilder sb = new StringBuilder();
        if (!b.label().isBlank()) {
            sb.append(b.label()).append('\n');
        }
        for (String item : b.items()) {
            sb.append("- ").append(item).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static MessageEmbed.Field citation(Block.Citation c) {
        String name = firstNonBlank(c.policyTitle(), c.policyId(), "Policy");
        String label = firstNonBlank(c.sectionTitle(), c.sectionId(), c.link(), "");
        String link = safeUrl(c.link());
        String value = link == null ? label : "[" + label.replace('[', '(').replace(']', ')') + "](" + link + ")";
        if (c.version() != null && !c.version().isBlank()) {
            value = value.isBlank() ? "v" + c.version() : value + " · v" + c.version();
        }
        return new MessageEmbed.Field(
                SafeText.truncate(SafeText.neutralize(name), MessageEmbed.TITLE_MAX_LENGTH),
                SafeText.truncate(SafeText.neutralize(value.isBlank() ? EMPTY : value), MessageEmbed.VALUE_MAX_LENGTH),
                false);
    }

    /** Only http(s) and mailto links, with the characters that would end a Markdown link encoded. */
    private static String safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:"))) {
            return null;
        }
        return u.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static void addRows(List<ActionRow> rows, List<Button> buttons, Set<String> customIds) {
        List<net.dv8tion.jda.api.components.buttons.Button> row = new ArrayList<>();
        for (Button b : buttons) {
            String id = CustomIds.encode(b);
            if (!customIds.add(id)) {
                LOG.warn("dropped a button with a duplicate custom id (action {})", b.actionId());
                continue;
            }
            row.add(net.dv8tion.jda.api.components.buttons.Button.of(style(b.style()), id,
                    SafeText.truncate(SafeText.neutralize(b.label()),
                            net.dv8tion.jda.api.components.buttons.Button.LABEL_MAX_LENGTH)));
            if (row.size() == BUTTONS_PER_ROW) {
                addRow(rows, row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            addRow(rows, row);
        }
    }

    private static void addRow(List<ActionRow> rows, List<net.dv8tion.jda.api.components.buttons.Button> row) {
        if (rows.size() >= MAX_ROWS) {
            LOG.warn("dropped a row of {} buttons: Discord allows {} rows per message", row.size(), MAX_ROWS);
            return;
        }
        rows.add(ActionRow.of(row));
    }

    private static ButtonStyle style(Button.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case DANGER -> ButtonStyle.DANGER;
            case DEFAULT -> ButtonStyle.SECONDARY;
        };
    }

    private static List<FileUpload> uploads(List<Block.Attachment> files) {
        return files.stream().map(f -> FileUpload.fromData(f.content(), f.fileName())).toList();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private MessageRenderer() {
    }
}
