package io.policybot.app;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints platform-neutral replies as plain text. Buttons become numbered choices; the chat remembers them so that
 * typing the number presses the button. Files are saved under the given directory.
 */
final class ConsoleRenderer {
    private final Path fileDir;

    ConsoleRenderer(Path fileDir) {
        this.fileDir = fileDir;
    }

    /** The text of the replies; each button shown is appended to {@code buttons} and numbered by its place there. */
    String render(List<Reply> replies, List<Button> buttons) {
        StringBuilder out = new StringBuilder();
        for (Reply reply : replies) {
            String prefix = switch (reply.placement()) {
                case Reply.Placement.NamedChannel n -> "[to the " + n.role().name().toLowerCase(java.util.Locale.ROOT) + " channel] ";
                case Reply.Placement.Home h -> null;
                default -> "";
            };
            if (prefix == null) {
                continue; // the home view is Slack's; the console shows status on request
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (!prefix.isEmpty()) {
                out.append(prefix).append('\n');
            }
            for (Block block : reply.blocks()) {
                renderBlock(block, out, buttons);
            }
        }
        return out.toString().stripTrailing();
    }

    private void renderBlock(Block block, StringBuilder out, List<Button> buttons) {
        switch (block) {
            case Block.Heading h -> out.append("== ").append(plain(h.text())).append(" ==\n");
            case Block.Text t -> out.append(plain(t.markdown())).append('\n');
            case Block.Bullets b -> {
                if (!b.label().isEmpty()) {
                    out.append(label(plain(b.label()))).append('\n');
                }
                b.items().forEach(i -> out.append("  - ").append(plain(i)).append('\n'));
            }
            case Block.Citation c -> out.append(io.policybot.text.Messages.of("answering", c.language())
                            .get("answer.sourceLine", c.policyTitle(), c.sectionTitle(), c.version()))
                    .append(c.link() == null ? "" : " " + c.link()).append('\n');
            case Block.Buttons bs -> {
                List<String> labels = new ArrayList<>();
                for (Button b : bs.buttons()) {
                    buttons.add(b);
                    labels.add("[" + buttons.size() + "] " + plain(b.label()));
                }
                out.append(String.join("   ", labels)).append('\n');
            }
            case Block.Context c -> out.append("(").append(plain(c.text())).append(")\n");
            case Block.Divider d -> out.append("----\n");
            case Block.Attachment a -> out.append("File saved: ").append(save(a)).append('\n');
        }
    }

    private Path save(Block.Attachment a) {
        try {
            Files.createDirectories(fileDir);
            Path file = fileDir.resolve(Path.of(a.fileName()).getFileName().toString());
            Files.write(file, a.content());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A list's label with its colon: none after a question mark or a colon already there ("What do you do?"), a
     * full-width one after Chinese ("你会怎么做？", "建议重读的章节：").
     */
    static String label(String text) {
        String t = text.stripTrailing();
        if (t.isEmpty() || "?？:：!！。.".indexOf(t.charAt(t.length() - 1)) >= 0) {
            return t;
        }
        boolean han = t.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        return t + (han ? "：" : ":");
    }

    /** The reply Markdown subset as terminal text: emphasis markers dropped, links as "label (url)". */
    static String plain(String markdown) {
        return markdown.replaceAll("\\*\\*(.+?)\\*\\*", "$1")
                .replaceAll("(?<![\\w])_(.+?)_(?![\\w])", "$1")
                .replaceAll("\\[([^]]+)]\\(([^)]+)\\)", "$1 ($2)")
                .transform(io.policybot.text.UserText::unescape); // user text's escapes, after the links are read
    }
}
