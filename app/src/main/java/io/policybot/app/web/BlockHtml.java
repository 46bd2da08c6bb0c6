package io.policybot.app.web;

import io.policybot.chat.Block;
import io.policybot.chat.Button;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply's blocks as HTML, the way a chat client shows them: what employees see, on the console's Content page.
 * The blocks' Markdown subset (**bold**, _italic_, [label](url)) becomes tags only after everything is escaped, and a
 * link only when it is http(s), so policy or question text can never inject markup. Buttons are drawn but do nothing.
 */
final class BlockHtml {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\((https?://[^\\s)]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\p{L}\\p{N}])_(.+?)_(?![\\p{L}\\p{N}])");

    private BlockHtml() {
    }

    static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder("<div class=\"reply\">");
        for (Block block : blocks) {
            switch (block) {
                case Block.Heading h -> out.append("<h4>").append(escape(h.text())).append("</h4>");
                case Block.Text t -> out.append("<p>").append(inline(t.markdown())).append("</p>");
                case Block.Bullets b -> {
                    if (!b.label().isBlank()) {
                        out.append("<p class=\"label\"><strong>").append(inline(b.label())).append("</strong></p>");
                    }
                    out.append("<ul>");
                    b.items().forEach(i -> out.append("<li>").append(inline(i)).append("</li>"));
                    out.append("</ul>");
                }
                case Block.Citation c -> out.append("<p class=\"citation\">").append(citation(c)).append("</p>");
                case Block.Buttons b -> {
                    out.append("<p class=\"buttons\">");
                    for (Button button : b.buttons()) {
                        out.append("<button type=\"button\" disabled>").append(escape(button.label())).append("</button> ");
                    }
                    out.append("</p>");
                }
                case Block.Context c -> out.append("<p class=\"meta\">").append(inline(c.text())).append("</p>");
                case Block.Divider d -> out.append("<hr>");
                case Block.Attachment a -> out.append("<p class=\"meta\">").append(escape(a.fileName())).append("</p>");
            }
        }
        return out.append("</div>").toString();
    }

    /** "Policy title › Section title · v1.2", the policy title linked when the content gives a link (chat adds 📄). */
    private static String citation(Block.Citation c) {
        String title = c.policyTitle() == null || c.policyTitle().isBlank() ? c.policyId() : c.policyTitle();
        StringBuilder sb = new StringBuilder();
        sb.append(c.link() != null && c.link().matches("https?://\\S+")
                ? "<a href=\"" + escape(c.link()) + "\" rel=\"noopener noreferrer\">" + escape(title) + "</a>"
                : "<strong>" + escape(title) + "</strong>");
        if (c.sectionTitle() != null && !c.sectionTitle().isBlank()) {
            sb.append(" › ").append(escape(c.sectionTitle()));
        }
        if (c.version() != null && !c.version().isBlank()) {
            sb.append(" · v").append(escape(c.version()));
        }
        return sb.toString();
    }

    /** The Markdown subset of one paragraph, escaped first; emphasis never reaches inside a link's URL. */
    static String inline(String markdown) {
        String html = escape(markdown);
        Matcher m = LINK.matcher(html);
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (m.find()) {
            sb.append(emphasis(html.substring(at, m.start())));
            // The URL was escaped with the rest: &amp; is what an attribute wants.
            sb.append("<a href=\"").append(m.group(2)).append("\" rel=\"noopener noreferrer\">")
                    .append(emphasis(m.group(1))).append("</a>");
            at = m.end();
        }
        sb.append(emphasis(html.substring(at)));
        return sb.toString().replace("\n", "<br>");
    }

    private static String emphasis(String escaped) {
        String html = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(html).replaceAll("<em>$1</em>");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
