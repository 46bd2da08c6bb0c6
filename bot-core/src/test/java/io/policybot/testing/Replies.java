package io.policybot.testing;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
import io.policybot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reading replies in assertions: their text, their buttons, the reply at a placement. */
public final class Replies {
    private Replies() {
    }

    /** Every visible text of the reply (headings, paragraphs, bullets, context, citations), one per line. */
    public static String text(Reply reply) {
        List<String> lines = new ArrayList<>();
        for (Block b : reply.blocks()) {
            switch (b) {
                case Block.Heading h -> lines.add(h.text());
                case Block.Text t -> lines.add(t.markdown());
                case Block.Bullets l -> {
                    lines.add(l.label());
                    lines.addAll(l.items());
                }
                case Block.Context c -> lines.add(c.text());
                case Block.Citation c -> lines.add(c.policyTitle() + " / " + c.sectionTitle() + " / " + c.version());
                case Block.Buttons bs -> bs.buttons().forEach(x -> lines.add("[" + x.label() + "]"));
                default -> { }
            }
        }
        return String.join("\n", lines);
    }

    public static String text(List<Reply> replies) {
        return replies.stream().map(Replies::text).collect(Collectors.joining("\n---\n"));
    }

    public static List<Button> buttons(Reply reply) {
        return reply.blocks().stream().filter(b -> b instanceof Block.Buttons)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream()).toList();
    }

    public static <T extends Block> List<T> blocks(Reply reply, Class<T> type) {
        return reply.blocks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static Button button(Reply reply, String label) {
        return buttons(reply).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in\n" + text(reply)));
    }

    /** The last reply with buttons (the question or step waiting for an answer). */
    public static Reply lastWithButtons(List<Reply> replies) {
        for (int i = replies.size() - 1; i >= 0; i--) {
            if (!buttons(replies.get(i)).isEmpty()) {
                return replies.get(i);
            }
        }
        throw new AssertionError("no reply with buttons in\n" + text(replies));
    }

    public static List<Reply> at(List<Reply> replies, Reply.Placement placement) {
        return replies.stream().filter(r -> r.placement().equals(placement)).toList();
    }
}
