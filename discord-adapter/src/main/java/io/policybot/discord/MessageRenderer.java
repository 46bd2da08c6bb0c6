package io.policybot.discord;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
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

    /** Discord's limit on the characters of all embeds of one message. */
    static final int MESSAGE_EMBED_BUDGET = MessageEmbed.EMBED_MAX_LENGTH_BOT;
    static final int MAX_EMBEDS = Message.MAX_EMBED_COUNT;

    /** The parts of one message, before they become create or edit data. */
    record Rendered(String content, List<MessageEmbed> embeds, List<ActionRow> rows, List<Block.Attachment> files) {
    }

    /** A reply as it is edited into an existing message: the first part replaces it, the rest follow as new ones. */
    record Edit(MessageEditData first, List<MessageCreateData> rest) {
    }

    /**
     * The reply as one or more messages. Text too long for one message (embed descriptions of at most 4096
     * characters, 10 embeds and 6000 characters per message) continues in the next message, cut between lines:
     * nothing is dropped, and the buttons, files, citation and footer go with the last part.
     */
    static List<MessageCreateData> create(List<Block> blocks, String fallback) {
        return render(blocks, fallback).stream().map(MessageRenderer::createData).toList();
    }

    /** Edit data that replaces the whole message (fields the reply does not set, like old buttons, are cleared). */
    static Edit edit(List<Block> blocks, String fallback) {
        List<Rendered> parts = render(blocks, fallback);
        Rendered r = parts.get(0);
        MessageEditData first = new MessageEditBuilder()
                .setReplace(true)
                .setContent(r.content())
                .setEmbeds(r.embeds())
                .setComponents(r.rows())
                .setAttachments(uploads(r.files()))
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
        return new Edit(first, parts.subList(1, parts.size()).stream().map(MessageRenderer::createData).toList());
    }

    private static MessageCreateData createData(Rendered r) {
        return new MessageCreateBuilder()
                .setContent(r.content())
                .setEmbeds(r.embeds())
                .setComponents(r.rows())
                .setFiles(uploads(r.files()))
                .setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false)
                .build();
    }

    static List<Rendered> render(List<Block> blocks, String fallback) {
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

        List<List<MessageEmbed>> messages = embeds(title, paragraphs, fields, footer);
        List<Rendered> parts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            boolean last = i == messages.size() - 1;
            parts.add(new Rendered("", List.copyOf(messages.get(i)), last ? List.copyOf(rows) : List.of(),
                    last ? List.copyOf(files) : List.of()));
        }
        if (parts.isEmpty()) {
            String content = "";
            if (files.isEmpty()) {
                String text = SafeText.neutralize(fallback).strip();
                content = SafeText.truncate(text.isEmpty() ? EMPTY : text, Message.MAX_CONTENT_LENGTH);
            }
            parts.add(new Rendered(content, List.of(), List.copyOf(rows), List.copyOf(files)));
        }
        return List.copyOf(parts);
    }

    /** The embeds of each message: the title on the first, the description flowed over as many as it takes. */
    private static List<List<MessageEmbed>> embeds(String title, List<String> paragraphs,
                                                   List<MessageEmbed.Field> fields, List<String> footer) {
        String safeTitle = title == null || title.isBlank() ? null
                : SafeText.truncate(SafeText.neutralize(title), MessageEmbed.TITLE_MAX_LENGTH);
        String description = SafeText.neutralize(String.join("\n\n", paragraphs)).strip();
        List<MessageEmbed.Field> kept = fields.subList(0, Math.min(fields.size(), MessageEmbed.MAX_FIELD_AMOUNT));
        String safeFooter = footer.isEmpty() ? null
                : SafeText.truncate(SafeText.neutralize(String.join(" · ", footer)), MessageEmbed.TEXT_MAX_LENGTH);

        List<List<MessageEmbed>> messages = new ArrayList<>();
        List<MessageEmbed> current = new ArrayList<>();
        int used = 0;
        String pendingTitle = safeTitle;
        for (String chunk : chunks(description)) {
            int titleLength = pendingTitle == null ? 0 : pendingTitle.length();
            if (!current.isEmpty() && (current.size() == MAX_EMBEDS
                    || used + titleLength + chunk.length() > MESSAGE_EMBED_BUDGET)) {
                messages.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            EmbedBuilder eb = new EmbedBuilder().setColor(COLOR).setDescription(chunk);
            if (pendingTitle != null) {
                eb.setTitle(pendingTitle);
                pendingTitle = null;
            }
            current.add(eb.build());
            used += eb.length();
        }
        // The citation fields and the footer close the reply: on the last embed when they fit, else on their own.
        if (pendingTitle != null || !kept.isEmpty() || safeFooter != null) {
            EmbedBuilder tail = new EmbedBuilder().setColor(COLOR);
            kept.forEach(tail::addField);
            if (safeFooter != null) {
                tail.setFooter(safeFooter);
            }
            if (pendingTitle != null) {
                tail.setTitle(pendingTitle);
            }
            int tailLength = tail.length();
            if (!current.isEmpty() && current.get(current.size() - 1).getFields().isEmpty()
                    && current.get(current.size() - 1).getFooter() == null
                    && used + tailLength <= MESSAGE_EMBED_BUDGET) {
                MessageEmbed last = current.remove(current.size() - 1);
                EmbedBuilder merged = new EmbedBuilder(last);
                kept.forEach(merged::addField);
                if (safeFooter != null) {
                    merged.setFooter(safeFooter);
                }
                current.add(merged.build());
            } else {
                if (!current.isEmpty() && (current.size() == MAX_EMBEDS || used + tailLength > MESSAGE_EMBED_BUDGET)) {
                    messages.add(current);
                    current = new ArrayList<>();
                }
                current.add(tail.build());
            }
        }
        if (!current.isEmpty()) {
            messages.add(current);
        }
        return messages;
    }

    /**
     * The description in pieces of at most 4096 characters, cut at a paragraph break, else a line break, else a
     * space, and never inside a surrogate pair.
     */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        int max = MessageEmbed.DESCRIPTION_MAX_LENGTH;
        while (!rest.isEmpty()) {
            if (rest.length() <= max) {
                out.add(rest);
                break;
            }
            int cut = rest.lastIndexOf("\n\n", max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf('\n', max);
            }
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            }
            out.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return out;
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
