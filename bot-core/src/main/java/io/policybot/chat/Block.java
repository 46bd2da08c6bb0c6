package io.policybot.chat;

import java.util.List;
import java.util.Objects;

/**
 * One piece of a reply. Text uses a small Markdown subset (**bold**, _italic_, "- " bullets, [label](url))
 * that each adapter turns into its platform's own format, escaping user text on the way.
 */
public sealed interface Block
        permits Block.Heading, Block.Text, Block.Bullets, Block.Citation, Block.Buttons, Block.Context, Block.Divider,
                Block.Attachment {

    /** A short title line. */
    record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A paragraph of Markdown-subset text. */
    record Text(String markdown) implements Block {
        public Text {
            Objects.requireNonNull(markdown, "markdown");
        }
    }

    /** A list of short items, each Markdown-subset text; {@code label} (may be empty) heads the list. */
    record Bullets(String label, List<String> items) implements Block {
        public Bullets {
            label = label == null ? "" : label;
            items = List.copyOf(items);
        }
    }

    /** Where an answer comes from: enough for a person to find and trust the source. */
    record Citation(String policyId, String policyTitle, String sectionId, String sectionTitle, String version,
                    String link, String language) implements Block {
    }

    /** Buttons shown together; a press comes back as an {@link Inbound.ButtonPress}. */
    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
            if (buttons.isEmpty()) {
                throw new IllegalArgumentException("a Buttons block needs at least one button");
            }
        }
    }

    /** Small secondary text (progress "3/10", a hint). */
    record Context(String text) implements Block {
        public Context {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A visual separator. */
    record Divider() implements Block {
    }

    /** A file to upload with the reply (a CSV report...). */
    record Attachment(String fileName, String mimeType, byte[] content) implements Block {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mimeType, "mimeType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a && a.fileName.equals(fileName) && a.mimeType.equals(mimeType)
                    && java.util.Arrays.equals(a.content, content);
        }

        @Override
        public int hashCode() {
            return fileName.hashCode() * 31 + java.util.Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Attachment[" + fileName + ", " + mimeType + ", " + content.length + " bytes]";
        }
    }
}
