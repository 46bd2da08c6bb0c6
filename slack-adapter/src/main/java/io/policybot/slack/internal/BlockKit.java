package io.policybot.slack.internal;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.policybot.chat.Block;
import io.policybot.chat.Button;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The engine's blocks as Block Kit. Every mrkdwn text goes through {@link Mrkdwn}; plain_text fields (header,
 * button labels) are never parsed by Slack and stay as written. Attachments are not blocks: they come back apart.
 */
public final class BlockKit {
    static final int SECTION_TEXT_MAX = 3000;
    static final int HEADER_MAX = 150;
    static final int BUTTON_LABEL_MAX = 75;
    static final int BUTTONS_PER_BLOCK = 25;
    static final int FALLBACK_MAX = 3000;

    private BlockKit() {
    }

    /** What one reply becomes: Block Kit blocks, files to upload, and the escaped notification text. */
    public record Rendered(List<LayoutBlock> blocks, List<Block.Attachment> attachments, String fallback) {
        public boolean hasMessage() {
            return !blocks.isEmpty() || !fallback.isEmpty();
        }
    }

    public static Rendered render(List<Block> blocks, String fallback) {
        List<LayoutBlock> out = new ArrayList<>();
        List<Block.Attachment> files = new ArrayList<>();
        for (Block block : blocks) {
            switch (block) {
                case Block.Heading h -> out.add(header(h.text()));
                case Block.Text t -> sections(Mrkdwn.fromMarkdown(t.markdown()), out);
                case Block.Bullets b -> sections(bullets(b), out);
                case Block.Citation c -> out.add(context(citation(c)));
                case Block.Buttons b -> actions(b.buttons(), out);
                case Block.Context c -> out.add(context(Mrkdwn.truncate(Mrkdwn.fromMarkdown(c.text()), SECTION_TEXT_MAX)));
                case Block.Divider d -> out.add(DividerBlock.builder().build());
                case Block.Attachment a -> files.add(a);
            }
        }
        return new Rendered(out, files, fallback(blocks, fallback));
    }

    private static LayoutBlock header(String text) {
        String plain = Mrkdwn.truncate(text.replace('\n', ' ').strip(), HEADER_MAX);
        return HeaderBlock.builder().text(plain(plain)).build();
    }

    /** Long text goes into several sections, cut at line ends so a link is never split. */
    private static void sections(String mrkdwn, List<LayoutBlock> out) {
        String rest = mrkdwn;
        while (rest.length() > SECTION_TEXT_MAX) {
            int cut = rest.lastIndexOf('\n', SECTION_TEXT_MAX);
            if (cut <= 0) {
                cut = SECTION_TEXT_MAX;
            }
            out.add(section(rest.substring(0, cut)));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isBlank()) {
            out.add(section(rest));
        }
    }

    static LayoutBlock section(String mrkdwn) {
        return SectionBlock.builder().text(mrkdwn(mrkdwn)).build();
    }

    private static String bullets(Block.Bullets bullets) {
        StringJoiner lines = new StringJoiner("\n");
        if (!bullets.label().isBlank()) {
            lines.add("*" + Mrkdwn.fromMarkdown(bullets.label()) + "*");
        }
        for (String item : bullets.items()) {
            lines.add("• " + Mrkdwn.fromMarkdown(item));
        }
        return lines.toString();
    }

    /** "📄 <link|Policy title> › §4.2 Section title · v3" */
    private static String citation(Block.Citation c) {
        String title = orEmpty(c.policyTitle()).isBlank() ? orEmpty(c.policyId()) : c.policyTitle();
        StringBuilder text = new StringBuilder(":page_facing_up: ");
        text.append(c.link() == null || c.link().isBlank()
                ? "*" + Mrkdwn.escape(title) + "*"
                : Mrkdwn.linkTo(c.link(), title));
        // A numbered id ("4.2") reads well before the title; a slug id ("identifying-yourself") only repeats it.
        boolean numbered = c.sectionId() != null && c.sectionId().matches("[0-9][0-9.]*");
        String section = (numbered ? "§" + c.sectionId() + " " : "") + orEmpty(c.sectionTitle());
        if (!section.isBlank()) {
            text.append(" › ").append(Mrkdwn.escape(section.strip()));
        }
        if (c.version() != null && !c.version().isBlank()) {
            text.append(" · v").append(Mrkdwn.escape(c.version()));
        }
        return text.toString();
    }

    private static void actions(List<Button> buttons, List<LayoutBlock> out) {
        for (int start = 0; start < buttons.size(); start += BUTTONS_PER_BLOCK) {
            List<BlockElement> elements = new ArrayList<>();
            int end = Math.min(buttons.size(), start + BUTTONS_PER_BLOCK);
            for (int i = start; i < end; i++) {
                Button b = buttons.get(i);
                elements.add(ButtonElement.builder()
                        .actionId(ActionIds.encode(b.actionId(), i))
                        .text(plain(Mrkdwn.truncate(b.label(), BUTTON_LABEL_MAX)))
                        .value(b.value().isEmpty() ? null : b.value()) // Slack's SDK drops an empty value (B7)
                        .style(switch (b.style()) {
                            case PRIMARY -> "primary";
                            case DANGER -> "danger";
                            case DEFAULT -> null;
                        })
                        .build());
            }
            out.add(ActionsBlock.builder().blockId("actions-" + out.size()).elements(elements).build());
        }
    }

    private static LayoutBlock context(String mrkdwn) {
        List<ContextBlockElement> elements = List.of(mrkdwn(mrkdwn));
        return ContextBlock.builder().elements(elements).build();
    }

    /** The notification text: the engine's fallback, else the first heading or text, escaped. */
    static String fallback(List<Block> blocks, String fallback) {
        String text = fallback == null ? "" : fallback.strip();
        if (text.isEmpty()) {
            for (Block block : blocks) {
                if (block instanceof Block.Heading h) {
                    text = h.text();
                } else if (block instanceof Block.Text t) {
                    text = io.policybot.text.UserText.unescape(t.markdown().replace("**", ""));
                }
                if (!text.isBlank()) {
                    break;
                }
            }
        }
        return Mrkdwn.escape(Mrkdwn.truncate(text.strip(), FALLBACK_MAX));
    }

    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
