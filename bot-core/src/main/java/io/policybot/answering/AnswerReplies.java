package io.policybot.answering;

import io.policybot.content.Contact;
import io.policybot.content.Passage;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import io.policybot.chat.Actions;
import io.policybot.chat.Block;
import io.policybot.chat.Button;
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
        if (answer.kind() == Answer.Kind.SMALLTALK) {
            blocks.add(new Block.Text(m.get("smalltalk.reply")));
            return blocks;
        }
        if (answer.kind() == Answer.Kind.SUGGESTIONS) {
            blocks.add(new Block.Text(m.get("suggest.intro")));
            List<Button> buttons = new ArrayList<>();
            for (RankedSection r : answer.alternatives()) {
                buttons.add(new Button(Actions.SHOW_SECTION, r.title(), r.policyId() + "/" + r.sectionId() + "/" + answer.language()));
            }
            blocks.add(new Block.Buttons(buttons));
            if (answer.contact() != null) {
                blocks.add(new Block.Text(m.get("decline.contact", answer.contact().describe())));
            }
            if (logId != null) {
                blocks.add(new Block.Buttons(List.of(new Button(Actions.ASK_HR, m.get("decline.askHr"), logId))));
            }
            return blocks;
        }
        if (answer.opened()) {
            Answer.Citation c = answer.citation();
            blocks.add(new Block.Heading(c.sectionTitle()));
            if (!answer.shortAnswer().isBlank()) {
                blocks.add(new Block.Text("**" + answer.shortAnswer() + "**"));
            }
            String group = null;
            List<String> items = new ArrayList<>();
            for (Passage p : answer.passages()) {
                if (!p.group().equals(group)) {
                    flush(blocks, group, items);
                    group = p.group();
                }
                items.add(p.markdown());
            }
            flush(blocks, group, items);
            blocks.add(new Block.Citation(c.policyId(), c.policyTitle(), c.sectionId(), c.sectionTitle(), c.version(),
                    c.link(), answer.language()));
            return blocks;
        }
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
            rules.add(saysItsGroup(p) ? p.markdown() : "_" + p.group() + ":_ " + p.markdown());
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
        if (answer.kind() == Answer.Kind.ANSWER_WITH_ALTERNATIVES) {
            RankedSection alt = answer.alternatives().getFirst();
            blocks.add(new Block.Text(m.get("answer.alsoRelevant", alt.title())));
            buttons.add(new Button(Actions.SHOW_SECTION, alt.title(), alt.policyId() + "/" + alt.sectionId() + "/"
                    + answer.language()));
        }
        if (logId != null) {
            buttons.add(new Button(Actions.FEEDBACK_UP, m.get("answer.helpful"), logId));
            buttons.add(new Button(Actions.FEEDBACK_DOWN, m.get("answer.unhelpful"), logId));
        }
        blocks.add(new Block.Buttons(buttons));
        return blocks;
    }

    /** Plain text of an answer for notifications and the console's one-line form. */
    public static String fallback(Answer answer) {
        Messages m = Messages.of("answering", answer.language());
        if (answer.kind() == Answer.Kind.SMALLTALK) {
            return m.get("smalltalk.reply");
        }
        if (answer.kind() == Answer.Kind.SUGGESTIONS) {
            return m.get("suggest.intro") + " " + String.join("; ", answer.alternatives().stream().map(RankedSection::title).toList());
        }
        if (!answer.answered()) {
            Contact contact = answer.contact();
            return switch (answer.decline()) {
                case EMPTY -> m.get("decline.empty");
                case TOO_LONG -> m.get("decline.tooLong", answer.question().length(), "");
                case NO_WORDS -> m.get("decline.noWords");
                default -> m.get("decline.unknown") + (contact == null ? "" : " " + contact.plain());
            };
        }
        return answer.shortAnswer() + " (" + answer.citation().sectionTitle() + ")";
    }

    /** Every policy's sections by title, in {@code language} where the policy has it: the "topics" command. */
    public static List<Block> topics(io.policybot.content.ContentLibrary library, String language) {
        Messages m = Messages.of("answering", language);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(m.get("topics.title")));
        String example = null;
        for (Policy policy : library.all()) {
            PolicyDocument doc = policy.document(language);
            List<String> titles = doc.sections().stream().map(Section::title).toList();
            blocks.add(new Block.Bullets(m.get("topics.policy", doc.title(), doc.version()), titles));
            if (example == null && titles.size() > 3) {
                example = titles.get(3).toLowerCase(java.util.Locale.ROOT);
            }
        }
        blocks.add(new Block.Text(m.get("topics.hint", example == null ? "..." : example)));
        return blocks;
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

    /** A rule under "Don't" that starts "Don't ..." needs no label: "Don't: Don't film" reads as a stutter. */
    private static boolean saysItsGroup(Passage p) {
        String group = p.group().strip();
        return group.isEmpty() || p.markdown().regionMatches(true, 0, group, 0, group.length());
    }
}
