package io.policybot.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Reads one {@code policy.<lang>.md}: YAML front matter, then level-2 sections {@code ## Title {#id}}.
 * Collects problems with their line instead of stopping at the first.
 */
final class PolicyMarkdownParser {
    private static final Pattern SECTION_HEADING = Pattern.compile("^(.*?)\\s*\\{#([^}]*)}\\s*$");
    private static final Pattern SECTION_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEYWORDS = Pattern.compile("(?s)^<!--\\s*keywords\\s*:(.*?)-->\\s*$");
    private static final Pattern LEADING_LABEL = Pattern.compile("^\\*\\*[^*]{1,40}?[:：]\\s*\\*\\*\\s*|^\\*\\*[^*]{1,40}?\\*\\*\\s*[:：]\\s*");
    private static final List<String> REQUIRED = List.of("policy", "title", "version", "effective", "owner", "language");

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final MarkdownRenderer markdown = MarkdownRenderer.builder().build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    PolicyDocument parse(String text, String file, List<ContentProblem> problems) {
        String[] lines = text.split("\n", -1);
        FrontMatter front = FrontMatter.read(lines, file, problems);
        if (front == null) {
            return null;
        }
        Map<String, Object> meta = front.values();
        int before = problems.size();
        for (String key : REQUIRED) {
            Object v = meta.get(key);
            if (v == null || v.toString().isBlank()) {
                problems.add(new ContentProblem(file, 1, "front matter is missing '" + key + "'"));
            }
        }
        LocalDate effective = null;
        if (meta.get("effective") != null) {
            try {
                effective = LocalDate.parse(meta.get("effective").toString().trim());
            } catch (DateTimeParseException e) {
                problems.add(new ContentProblem(file, front.lineOf("effective"),
                        "'effective' must be a real date written YYYY-MM-DD, like 2026-11-01, not '" + meta.get("effective") + "'"));
            }
        }
        List<Section> sections = parseSections(String.join("\n", java.util.Arrays.copyOfRange(lines, front.endLine(), lines.length)),
                front.endLine(), file, problems);
        if (sections.isEmpty() && problems.size() == before) {
            problems.add(new ContentProblem(file, front.endLine() + 1, "no sections: add '## Title {#section-id}' headings"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new PolicyDocument(str(meta, "policy"), str(meta, "language"), str(meta, "title"), str(meta, "version"),
                effective, str(meta, "owner"), str(meta, "link"), str(meta, "contact"), introOf(text, front.endLine()),
                sections, file);
    }

    private static String str(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        return v == null ? null : v.toString().trim();
    }

    private String introOf(String text, int offset) {
        Node doc = parser.parse(String.join("\n", java.util.Arrays.copyOfRange(text.split("\n", -1), offset, text.split("\n", -1).length)));
        StringBuilder intro = new StringBuilder();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 2) {
                break;
            }
            if (n instanceof Paragraph p) {
                intro.append(intro.isEmpty() ? "" : "\n\n").append(render(p));
            }
        }
        return intro.toString();
    }

    private List<Section> parseSections(String body, int lineOffset, String file, List<ContentProblem> problems) {
        Node doc = parser.parse(body);
        String[] bodyLines = body.split("\n", -1);
        List<Section> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SectionBuilder current = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            int line = lineOf(n) + lineOffset;
            if (n instanceof Heading h && h.getLevel() <= 2) {
                if (current != null) {
                    current.finish(sections, problems);
                    current = null;
                }
                if (h.getLevel() == 1) {
                    continue;
                }
                String heading = plain.render(h).trim();
                Matcher m = SECTION_HEADING.matcher(heading);
                if (!m.matches()) {
                    problems.add(new ContentProblem(file, line, "section heading '" + heading
                            + "' has no id: write it as '## " + heading + " {#some-id}'"));
                    continue;
                }
                String id = m.group(2).trim();
                if (!SECTION_ID.matcher(id).matches()) {
                    problems.add(new ContentProblem(file, line, "section id '" + id
                            + "' must be lowercase letters, digits and dashes"));
                    continue;
                }
                if (!seen.add(id)) {
                    problems.add(new ContentProblem(file, line, "duplicate section id '" + id + "'"));
                    continue;
                }
                current = new SectionBuilder(id, m.group(1).trim(), line, file);
            } else if (current == null) {
                continue; // the introduction, before the first section
            } else if (n instanceof Heading h) {
                current.group = plain.render(h).trim();
                current.source.append(source(n, bodyLines)).append("\n\n");
            } else {
                current.source.append(source(n, bodyLines)).append("\n\n");
                addBlock(current, n, line);
            }
        }
        if (current != null) {
            current.finish(sections, problems);
        }
        return sections;
    }

    private void addBlock(SectionBuilder section, Node n, int line) {
        if (n instanceof HtmlBlock html) {
            Matcher m = KEYWORDS.matcher(html.getLiteral().trim());
            if (m.matches()) {
                for (String k : m.group(1).split("[,，、;；]")) {
                    if (!k.isBlank()) {
                        section.keywords.add(k.trim());
                    }
                }
            }
        } else if (n instanceof BlockQuote quote && section.shortAnswer == null) {
            StringBuilder text = new StringBuilder();
            for (Node c = quote.getFirstChild(); c != null; c = c.getNext()) {
                text.append(text.isEmpty() ? "" : " ").append(render(c));
            }
            section.shortAnswer = LEADING_LABEL.matcher(text.toString().trim()).replaceFirst("").trim();
            section.shortAnswerLine = line;
        } else if (n instanceof ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) {
                    StringBuilder text = new StringBuilder();
                    for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                        text.append(text.isEmpty() ? "" : " ").append(render(c));
                    }
                    section.add(text.toString(), true, lineOf(li) + (line - lineOf(n)));
                }
            }
        } else if (n instanceof Paragraph || n instanceof BlockQuote) {
            section.add(render(n), false, line);
        }
    }

    /** A block as reply Markdown on one line (soft line breaks joined). */
    private String render(Node n) {
        if (n instanceof BlockQuote q) {
            StringBuilder text = new StringBuilder();
            for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                text.append(text.isEmpty() ? "" : " ").append(render(c));
            }
            return text.toString();
        }
        // CommonMark's renderer escapes '&' (against entities); the reply subset has no entities, so a plain '&' (B9).
        return markdown.render(n).trim().replaceAll("\\s*\\n\\s*", " ").replace("\\&", "&");
    }

    private static int lineOf(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getFirst().getLineIndex() + 1;
    }

    private static String source(Node n, String[] lines) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        int from = spans.getFirst().getLineIndex();
        int to = spans.getLast().getLineIndex();
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, to + 1));
    }

    private final class SectionBuilder {
        final String id;
        final String title;
        final int line;
        final String file;
        final List<Passage> passages = new ArrayList<>();
        final List<String> keywords = new ArrayList<>();
        final StringBuilder source = new StringBuilder();
        String group = "";
        String shortAnswer;
        int shortAnswerLine;

        SectionBuilder(String id, String title, int line, String file) {
            this.id = id;
            this.title = title;
            this.line = line;
            this.file = file;
        }

        void add(String md, boolean rule, int at) {
            if (!md.isBlank()) {
                passages.add(new Passage(group, md, plainOf(md), rule, at));
            }
        }

        void finish(List<Section> into, List<ContentProblem> problems) {
            if (title.isBlank()) {
                problems.add(new ContentProblem(file, line, "section '" + id + "' has an empty title"));
            } else if (shortAnswer == null && passages.isEmpty()) {
                problems.add(new ContentProblem(file, line, "section '" + id + "' is empty: give it a '> **In short:** ...' answer and its rules"));
            } else if (shortAnswer == null || shortAnswer.isBlank()) {
                problems.add(new ContentProblem(file, line, "section '" + id + "' has no short answer: add a blockquote '> **In short:** ...' under the heading"));
            } else if (passages.isEmpty()) {
                problems.add(new ContentProblem(file, shortAnswerLine, "section '" + id + "' has a short answer but no rules or paragraphs"));
            } else {
                String body = source.toString().replaceAll("(?m)^<!--\\s*keywords\\s*:.*?-->\\s*\\n*", "").trim();
                into.add(new Section(id, title, shortAnswer, passages, keywords, body, line));
            }
        }
    }

    private String plainOf(String md) {
        return plain.render(parser.parse(md)).trim().replaceAll("\\s+", " ");
    }
}
