package io.policybot.answering;

import io.policybot.content.Contact;
import io.policybot.content.Passage;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import io.policybot.conversation.Actions;
import io.policybot.conversation.Block;
import io.policybot.conversation.Button;
import io.policybot.text.Messages;
import java.util.ArrayList;
import java.util.List;

/** Turns answers and sections into platform-neutral blocks, in the answer's language. */
public final class AnswerReplies {

    private AnswerReplies() {
    }

    /**
     * @param logId the question's log id, carried by the feedback and "Ask HR" buttons
     */
    public static List<Block> answer(Answer answer, String logId, int maxQuestionChars) {
        Messages m = Messages.of("answering", answer.language());
        List<Block> blocks = new ArrayList<>();
        if (!answer.answered()) {
            String why = switch (answer.decline()) {
                case EMPTY -> m.get("decline.empty");
                case TOO_LONG -> m.get("decline.tooLong", answer.question().length(), maxQuestionChars);
                case NO_WORDS -> m.get("decline.noWords");
                default -> m.get("decline.unknown");
            };
            blocks.add(new Block.Text(why));
            if (answer.decline() == Answer.Decline.NOT_COVERED) {
                if (answer.contact() != null) {
                    blocks.add(new Block.Text(m.get("decline.contact", answer.contact().describe())));
                }
                if (logId != null) {
                    blocks.add(new Block.Buttons(List.of(new Button(Actions.ASK_HR, m.get("decline.askHr"), logId))));
                }
            }
            return blocks;
        }
        if (!answer.shortAnswer().isBlank()) {
            blocks.add(new Block.Text(answer.shortAnswer()));
        }
        List<String> rules = new ArrayList<>();
        for (Passage p : answer.passages()) {
            rules.add(p.group().isEmpty() ? p.markdown() : "_" + p.group() + ":_ " + p.markdown());
        }
        if (!rules.isEmpty()) {
            blocks.add(new Block.Bullets(m.get("answer.rules"), rules));
        }
        Answer.Citation c = answer.citation();
        blocks.add(new Block.Citation(c.policyId(), c.policyTitle(), c.sectionId(), c.sectionTitle(), c.version(), c.link(),
                answer.language()));
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(Actions.SHOW_SECTION, m.get("answer.full"),
                c.policyId() + "/" + c.sectionId() + "/" + answer.language()));
        if (logId != null) {
            buttons.add(new Button(Actions.FEEDBACK_UP, m.get("answer.helpful"), logId));
            buttons.add(new Button(Actions.FEEDBACK_DOWN, m.get("answer.unhelpful"), logId));
        }
        blocks.add(new Block.Buttons(buttons));
        return blocks;
    }

    /** Plain text of an answer for notifications and the console's one-line form. */
    public static String fallback(Answer answer) {
        if (!answer.answered()) {
            Messages m = Messages.of("answering", answer.language());
            Contact contact = answer.contact();
            return switch (answer.decline()) {
                case EMPTY -> m.get("decline.empty");
                case TOO_LONG -> m.get("decline.tooLong", answer.question().length(), "");
                case NO_WORDS -> m.get("decline.noWords");
                default -> m.get("decline.unknown") + (contact == null ? "" : " " + contact.name() + ": " + contact.email());
            };
        }
        return answer.shortAnswer() + " (" + answer.citation().sectionTitle() + ")";
    }

    /** The whole section, as written, with its citation. */
    public static List<Block> section(Policy policy, PolicyDocument doc, Section section) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(section.title()));
        if (section.hasShortAnswer()) {
            blocks.add(new Block.Text("**" + section.shortAnswer() + "**"));
        }
        String group = null;
        List<String> items = new ArrayList<>();
        for (Passage p : section.passages()) {
            if (!p.group().equals(group)) {
                flush(blocks, group, items);
                group = p.group();
            }
            items.add(p.markdown());
        }
        flush(blocks, group, items);
        blocks.add(new Block.Citation(policy.id(), doc.title(), section.id(), section.title(), doc.version(),
                doc.linkTo(section), doc.language()));
        return blocks;
    }

    private static void flush(List<Block> blocks, String group, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        if (group == null || group.isEmpty()) {
            items.forEach(i -> blocks.add(new Block.Text(i)));
        } else {
            blocks.add(new Block.Bullets(group, items));
        }
        items.clear();
    }
}
