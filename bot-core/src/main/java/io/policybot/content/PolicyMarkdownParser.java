package io.policybot.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
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
    /** The only blockquote that is a short answer: one that starts with an "In short" label (in the languages we know). */
    static final Pattern SHORT_ANSWER_LABEL = Pattern.compile(
            "^\\*\\*\\s*(?:In short|In brief|简而言之|简言之|总之|總之|En bref|Kurz gesagt|En resumen|Em resumo|要するに)\\s*[:：]?\\s*\\*\\*\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> REQUIRED = List.of("policy", "title", "version", "effective", "owner", "language");

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final MarkdownRenderer markdown = MarkdownRenderer.builder().build();
    private final TextContentRenderer plain = TextContentRenderer.builder().build();

    PolicyDocument parse(String text, String file, List<ContentProblem> problems) {
        return parse(text, file, Set.of(), problems);
    }

    /** @param settingsRoles the contact roles of settings.yaml, which {@code contact:} may name besides the policy's own */
    PolicyDocument parse(String text, String file, Set<String> settingsRoles, List<ContentProblem> problems) {
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
        Map<String, Contact> contacts = contacts(meta.get("contacts"), front, file, problems);
        String contact = str(meta, "contact");
        if (contact != null && !contacts.containsKey(contact) && !settingsRoles.isEmpty() && !settingsRoles.contains(contact)) {
            Set<String> known = new java.util.TreeSet<>(settingsRoles);
            known.addAll(contacts.keySet());
            problems.add(new ContentProblem(file, front.lineOf("contact"), "unknown contact '" + contact
                    + "': name a role of this policy's 'contacts:' or of settings.yaml " + known));
        }
        PolicyDocument.LinkAnchors anchors = PolicyDocument.LinkAnchors.IDS;
        String anchorText = str(meta, "link-anchors");
        if (anchorText != null) {
            try {
                anchors = PolicyDocument.LinkAnchors.valueOf(anchorText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ContentProblem(file, front.lineOf("link-anchors"), "'link-anchors' is none, ids or headings, not '"
                        + anchorText + "'"));
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
                effective, str(meta, "owner"), str(meta, "link"), contact, introOf(text, front.endLine()),
                sections, file, contacts, anchors);
    }

    /** The policy's own contacts: {@code contacts: {role: {name, email, channel}}} in the front matter. */
    private static Map<String, Contact> contacts(Object value, FrontMatter front, String file, List<ContentProblem> problems) {
        Map<String, Contact> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        int line = front.lineOf("contacts");
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new ContentProblem(file, line, "'contacts' lists roles, each with name, email and channel"));
            return out;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String role = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> c) || c.get("name") == null || c.get("name").toString().isBlank()) {
                problems.add(new ContentProblem(file, line, "contact '" + role + "' needs at least a 'name'"));
                continue;
            }
            out.put(role, new Contact(role, c.get("name").toString().trim(), c.get("email") == null ? "" : c.get("email").toString().trim(),
                    c.get("channel") == null ? "" : c.get("channel").toString().trim()));
        }
        return out;
    }

    private static String str(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        return v == null ? null : v.toString().trim();
    }

    private String introOf(String text, int offset) {
        String[] all = text.split("\n", -1);
        Node doc = parser.parse(String.join("\n", java.util.Arrays.copyOfRange(all, offset, all.length)));
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
                current.group = plain.render(h).trim();   // a sub-heading; a question heading starts an FAQ entry
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
        } else if (n instanceof BlockQuote quote) {
            String text = render(quote).trim();
            Matcher label = SHORT_ANSWER_LABEL.matcher(text);
            if (section.shortAnswer == null && label.lookingAt()) {
                section.shortAnswer = text.substring(label.end()).trim();
                section.shortAnswerLine = line;
            } else {
                section.add(text, Passage.Kind.PARAGRAPH, line, null); // any other quote is ordinary text
            }
        } else if (n instanceof ListBlock list) {
            addList(section, list, line - lineOf(n), null);
        } else if (n instanceof TableBlock table) {
            addTable(section, table, line - lineOf(n));
        } else if (n instanceof Paragraph p && boldLabel(p) != null) {
            section.group = boldLabel(p);  // a run-in heading, or a bold FAQ question
        } else if (n instanceof Paragraph p && boldQuestionLine(p) != null) {
            // "**Question?**" with its answer on the next line, in one paragraph
            section.group = boldQuestionLine(p);
            String md = render(p);
            String first = markdown.render(p.getFirstChild()).trim();
            section.add(md.substring(Math.min(md.length(), md.indexOf(first) + first.length())).trim(), Passage.Kind.PARAGRAPH, line + 1, null);
        } else if (n instanceof Paragraph) {
            section.add(render(n), Passage.Kind.PARAGRAPH, line, null);
        }
    }

    /** Every item is its own passage, nested ones too (a nested item's index text starts with its parent's). */
    private void addList(SectionBuilder section, ListBlock list, int offset, String parent) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem li) {
                StringBuilder text = new StringBuilder();
                List<ListBlock> nested = new ArrayList<>();
                for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof ListBlock inner) {
                        nested.add(inner);
                    } else {
                        text.append(text.isEmpty() ? "" : " ").append(render(c));
                    }
                }
                String own = text.toString();
                if (!own.isBlank()) {
                    section.add(own, Passage.Kind.RULE, lineOf(li) + offset, parent);
                }
                for (ListBlock inner : nested) {
                    addList(section, inner, offset, own.isBlank() ? parent : plainOf(own));
                }
            }
        }
    }

    /** One passage per body row: "Column: value · Column: value", readable on its own. */
    private void addTable(SectionBuilder section, TableBlock table, int offset) {
        List<String> header = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(inline(cell));
                    }
                }
                if (part instanceof TableHead) {
                    header = cells;
                    continue;
                }
                StringBuilder md = new StringBuilder();
                for (int i = 0; i < cells.size(); i++) {
                    if (cells.get(i).isBlank()) {
                        continue;
                    }
                    String name = i < header.size() ? header.get(i).trim() : "";
                    md.append(md.isEmpty() ? "" : " · ").append(name.isEmpty() || name.equals("-") ? "" : name + ": ").append(cells.get(i));
                }
                if (!md.isEmpty()) {
                    section.add(md.toString(), Passage.Kind.TABLE_ROW, lineOf(row) + offset, null);
                }
            }
        }
    }

    /** The text of a paragraph that is only bold text (a run-in heading or an FAQ question), else null. */
    private String boldLabel(Paragraph p) {
        Node first = p.getFirstChild();
        if (!(first instanceof StrongEmphasis strong)) {
            return null;
        }
        Node next = first.getNext();
        if (next != null && !(next instanceof Text t && next.getNext() == null && t.getLiteral().strip().length() <= 1)) {
            return null;
        }
        String text = plain.render(strong).trim();
        return text.isEmpty() || text.length() > 200 ? null : text.replaceAll("[:：]$", "");
    }

    /** The question of a paragraph that starts with a bold question and goes on, after a line break, with its answer. */
    private String boldQuestionLine(Paragraph p) {
        if (p.getFirstChild() instanceof StrongEmphasis strong
                && (strong.getNext() instanceof org.commonmark.node.SoftLineBreak || strong.getNext() instanceof org.commonmark.node.HardLineBreak)
                && strong.getNext().getNext() != null) {
            String text = plain.render(strong).trim();
            return isQuestion(text) && text.length() <= 200 ? text : null;
        }
        return null;
    }

    private String inline(Node n) {
        StringBuilder out = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            out.append(markdown.render(c));
        }
        return out.toString().trim().replaceAll("\\s*\\n\\s*", " ");
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
        return markdown.render(n).trim().replaceAll("\\s*\\n\\s*", " ");
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

    static boolean isQuestion(String text) {
        String t = text.strip();
        return t.endsWith("?") || t.endsWith("？");
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

        /** @param context the parent list item's text of a nested item, added to its index text */
        void add(String md, Passage.Kind kind, int at, String context) {
            if (md.isBlank()) {
                return;
            }
            String text = plainOf(md);
            if (context != null) {
                text = context + " " + text;
            }
            // an FAQ answer: under a question sub-heading or bold question, or the lead text of a section titled by its question
            String question = isQuestion(group) ? group : group.isEmpty() && isQuestion(title) ? title : null;
            if (question != null && kind != Passage.Kind.TABLE_ROW) {
                passages.add(new Passage(question, md, question + " " + text, true, at, Passage.Kind.FAQ));
            } else {
                passages.add(new Passage(group, md, text, kind != Passage.Kind.PARAGRAPH, at, kind));
            }
        }

        void finish(List<Section> into, List<ContentProblem> problems) {
            if (title.isBlank()) {
                problems.add(new ContentProblem(file, line, "section '" + id + "' has an empty title"));
            } else if (passages.isEmpty()) {
                problems.add(new ContentProblem(file, line, "section '" + id + "' is empty: give it text (paragraphs, a list, "
                        + "a table or questions and answers)" + (shortAnswer != null ? ", not only a short answer" : "")));
            } else if (shortAnswer != null && shortAnswer.isBlank()) {
                problems.add(new ContentProblem(file, shortAnswerLine, "section '" + id + "' has an empty '**In short:**' answer"));
            } else {
                String body = source.toString().replaceAll("(?m)^<!--\\s*keywords\\s*:.*?-->\\s*\\n*", "").trim();
                into.add(new Section(id, title, shortAnswer == null ? "" : shortAnswer, passages, keywords, body, line));
            }
        }
    }

    private String plainOf(String md) {
        return plain.render(parser.parse(md)).trim().replaceAll("\\s+", " ");
    }
}
