package io.policybot.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the blocks of one or more source documents into the sections of a policy file (see docs/content-format.md):
 * the top heading level that repeats becomes the sections, deeper headings become sub-headings ({@code ###}),
 * lists keep their nesting, tables stay tables (the loader makes one readable passage per row), and questions
 * (question headings, bold questions, HTML dt/summary, "Q:" paragraphs) become FAQ entries.
 */
final class PolicyWriter {
    private static final Pattern SHORT_ANSWER = Pattern.compile("^>\\s*\\*\\*(In short|In brief|简而言之|简言之|總之|总之)\\s*[:：]\\s*\\*\\*.*");
    private static final Pattern LINE_START = Pattern.compile("^(#{1,6}\\s|>|[-+*]\\s|\\d{1,9}[.)]\\s|={3,}|-{3,}|```|~~~|\\|)");

    /** A section before it has an id. */
    record Draft(String title, String body, int subHeadings, int listItems, int tables, int tableRows, int questions,
                 int paragraphs) {
    }

    /**
     * The document split into an introduction and sections.
     *
     * @param opening the blocks where a document states its own dates: see {@link #opening}
     */
    record Outline(String title, String intro, List<Draft> sections, List<ImportReport.Dropped> dropped, List<String> notes,
                   List<Block> opening) {
    }

    /** At most this many blocks from the top of the document make its {@link #opening}. */
    static final int OPENING_BLOCKS = 40;

    static boolean isShortAnswerLine(String line) {
        return SHORT_ANSWER.matcher(line).matches();
    }

    Outline outline(List<SourceDocument> docs) {
        List<Block> blocks = new ArrayList<>();
        String metaTitle = null;
        for (SourceDocument d : docs) {
            blocks.addAll(d.blocks());
            if (metaTitle == null) {
                metaTitle = d.title();
            }
        }
        List<ImportReport.Dropped> dropped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        blocks = boldLinesAsHeadings(blocks, notes);
        List<Block> all = List.copyOf(blocks);
        // The title: a Title-styled paragraph, or a first heading that is alone at the top level
        String title = null;
        int first = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.Heading) {
                first = i;
                break;
            }
        }
        int minLevel = blocks.stream().filter(b -> b instanceof Block.Heading).mapToInt(b -> ((Block.Heading) b).level()).min().orElse(1);
        if (first >= 0 && blocks.get(first) instanceof Block.Heading h) {
            long atMin = blocks.stream().filter(b -> b instanceof Block.Heading x && x.level() == h.level()).count();
            if (h.level() == 0 || h.level() == minLevel && atMin == 1) {
                title = h.text();
                blocks.remove(first);
            }
        }
        if (title == null) {
            title = metaTitle != null ? metaTitle : humanise(docs.getFirst().file());
        }
        int sectionLevel = blocks.stream().filter(b -> b instanceof Block.Heading).mapToInt(b -> ((Block.Heading) b).level())
                .filter(l -> l > 0).min().orElse(-1);
        List<Block> opening = opening(all, sectionLevel);

        List<Draft> sections = new ArrayList<>();
        List<Block> intro = new ArrayList<>();
        String current = null;
        List<Block> body = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Heading h && (h.level() == sectionLevel || h.level() == 0)) {
                if (current == null) {
                    intro = body;
                } else {
                    finish(current, body, sections, dropped, notes);
                }
                current = h.text();
                body = new ArrayList<>();
            } else if (b instanceof Block.Dropped d) {
                dropped.add(new ImportReport.Dropped(d.kind(), d.detail(), current == null ? title : current));
            } else {
                body.add(b);
            }
        }
        String introText = "";
        if (current == null) {
            // no headings at all: the whole document is one section
            finish(title, body, sections, dropped, notes);
            notes.add("no headings were recognised: the whole document is one section; use headings to split it (heading styles in Word, # lines in Markdown, <h1>-<h3> in HTML), and check the title, taken from the file name when there is no heading");
        } else {
            finish(current, body, sections, dropped, notes);
            boolean plain = intro.stream().allMatch(b -> b instanceof Block.Paragraph p && !p.bold());
            int words = intro.stream().mapToInt(b -> b instanceof Block.Paragraph p ? Texts.words(p.text()) : 20).sum();
            if (!intro.isEmpty() && (!plain || words > 80)) {
                List<Draft> withOverview = new ArrayList<>();
                finish("Overview", intro, withOverview, dropped, notes);
                sections.addAll(0, withOverview);
            } else {
                StringBuilder text = new StringBuilder();
                intro.forEach(b -> text.append(escape(((Block.Paragraph) b).text())).append("\n\n"));
                introText = text.toString().strip();
            }
        }
        return new Outline(title, introText, sections, dropped, notes, opening);
    }

    /**
     * The top of the document, where a policy states its own effective date: the title, the lines or table of metadata
     * under it, the introduction and the first section (often "Document control" or "About this policy"), up to the
     * second section heading and at most {@value #OPENING_BLOCKS} blocks. Further in, a date is about a rule ("From
     * 1 April the allowance is ..."), and a revision history near the end lists the dates of earlier versions.
     */
    private static List<Block> opening(List<Block> blocks, int sectionLevel) {
        List<Block> out = new ArrayList<>();
        int sections = 0;
        for (Block b : blocks) {
            if (b instanceof Block.Heading h && h.level() == sectionLevel && ++sections == 2 || out.size() == OPENING_BLOCKS) {
                break;
            }
            out.add(b);
        }
        return List.copyOf(out);
    }

    /**
     * A document without heading styles, whose headings were typed as short bold lines ("1. Purpose"): those lines
     * become the headings (a numbered "2.1 ..." one level below a "2. ..."), and a bold first line the title.
     * Bold questions stay FAQ questions. Documents with any heading are left as they are.
     */
    static List<Block> boldLinesAsHeadings(List<Block> blocks, List<String> notes) {
        if (blocks.stream().anyMatch(b -> b instanceof Block.Heading h && h.level() > 0)) {
            return blocks;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.Paragraph p && looksLikeHeading(p)) {
                candidates.add(i);
            }
        }
        if (candidates.size() < 2) {
            return blocks;
        }
        boolean hasTitle = blocks.stream().anyMatch(b -> b instanceof Block.Heading h && h.level() == 0);
        List<Block> out = new ArrayList<>(blocks);
        for (int i : candidates) {
            String text = ((Block.Paragraph) blocks.get(i)).text();
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})*)[.):]?\\s").matcher(text);
            int level = number.find() ? number.group(1).split("\\.").length : 1;
            boolean title = !hasTitle && i == 0 && !number.lookingAt();
            out.set(i, new Block.Heading(title ? 0 : level, text));
        }
        notes.add("no heading styles: " + candidates.size() + " short bold lines were read as headings; check the sections");
        return out;
    }

    private static boolean looksLikeHeading(Block.Paragraph p) {
        String t = p.text().strip();
        return p.bold() && !Texts.isQuestion(t) && Texts.words(t) <= 12 && !t.matches(".*[.,;:]$");
    }

    private void finish(String title, List<Block> body, List<Draft> into, List<ImportReport.Dropped> dropped, List<String> notes) {
        StringBuilder md = new StringBuilder();
        int sub = 0, items = 0, tables = 0, rows = 0, paragraphs = 0;
        int questions = Texts.isQuestion(title) ? 1 : 0;
        Block previous = null;
        List<Integer> indents = new ArrayList<>();
        int sectionLevel = -1;
        for (Block b : body) {
            if (b instanceof Block.Heading h && sectionLevel < 0) {
                sectionLevel = h.level();
            }
        }
        for (Block b : body) {
            if (previous instanceof Block.ListItem && !(b instanceof Block.ListItem)) {
                md.append('\n');
                indents.clear();
            }
            switch (b) {
                case Block.Heading h -> {
                    int depth = Math.min(6, 3 + Math.max(0, h.level() - sectionLevel));
                    md.append("#".repeat(depth)).append(' ').append(h.text().replace("{", "(").replace("}", ")")).append("\n\n");
                    if (Texts.isQuestion(h.text())) {
                        questions++;
                    } else {
                        sub++;
                    }
                }
                case Block.Question q -> {
                    String text = Texts.isQuestion(q.text()) ? q.text() : q.text();
                    md.append("**").append(inlineSafe(text)).append("**\n\n");
                    questions++;
                }
                case Block.Paragraph p -> {
                    if (p.bold() && p.text().length() <= 200) {
                        md.append("**").append(inlineSafe(p.text())).append("**\n\n");
                        if (Texts.isQuestion(p.text())) {
                            questions++;
                        } else {
                            sub++;
                        }
                    } else {
                        md.append(escape(p.text())).append("\n\n");
                        paragraphs++;
                    }
                }
                case Block.ListItem li -> {
                    int depth = previous instanceof Block.ListItem prev ? Math.min(li.depth(), prev.depth() + 1) : 0;
                    String marker = li.ordered() ? "1. " : "- ";
                    // a nested item is indented by its parents' marker widths ("- " is 2, "1. " is 3)
                    while (indents.size() > depth) {
                        indents.removeLast();
                    }
                    int indent = indents.stream().mapToInt(Integer::intValue).sum();
                    md.append(" ".repeat(indent)).append(marker).append(inlineSafe(li.text())).append('\n');
                    indents.add(marker.length());
                    items++;
                    b = new Block.ListItem(depth, li.ordered(), li.text());
                }
                case Block.Table t -> {
                    if (t.keyValue()) {
                        // labels and values: one rule each, "Owner: People team"
                        for (List<String> row : t.rows()) {
                            md.append("- ").append(inlineSafe(row.get(0).replaceFirst("[:：]\\s*$", "") + ": " + row.get(1))).append('\n');
                            items++;
                        }
                        md.append('\n');
                    } else if (t.rows().size() < 2 || t.rows().getFirst().size() < 2) {
                        for (List<String> row : t.rows()) {
                            md.append("- ").append(inlineSafe(String.join(" · ", row.stream().filter(c -> !c.isEmpty()).toList()))).append('\n');
                            items++;
                        }
                        md.append('\n');
                    } else {
                        int width = t.rows().stream().mapToInt(List::size).max().orElse(0);
                        for (int r = 0; r < t.rows().size(); r++) {
                            List<String> row = t.rows().get(r);
                            md.append('|');
                            for (int c = 0; c < width; c++) {
                                String cell = c < row.size() ? row.get(c) : "";
                                md.append(' ').append(cell.isEmpty() && r == 0 ? "-" : inlineSafe(cell).replace("|", "\\|")).append(" |");
                            }
                            md.append('\n');
                            if (r == 0) {
                                md.append('|').append(" --- |".repeat(width)).append('\n');
                            }
                        }
                        md.append('\n');
                        tables++;
                        rows += t.rows().size() - 1;
                    }
                }
                case Block.Dropped d -> {
                }
            }
            previous = b;
        }
        String text = md.toString().strip();
        boolean hasText = paragraphs + items + rows > 0 || text.lines().anyMatch(l -> !l.startsWith("#") && !l.isBlank() && !l.startsWith("**"));
        if (!hasText) {
            dropped.add(new ImportReport.Dropped("empty heading", title, title));
            return;
        }
        into.add(new Draft(title.replace("{", "(").replace("}", ")"), text, sub, items, tables, rows, questions, paragraphs));
    }

    /** Text that must not turn into Markdown structure at the start of a line, nor into a placeholder. */
    static String escape(String text) {
        String t = inlineSafe(text);
        if (LINE_START.matcher(t).find()) {
            t = "\\" + t;
        }
        return t;
    }

    private static String inlineSafe(String text) {
        return text.replace("{{", "{ {").replace("<!--", "< !--").replace("**", "\\*\\*");
    }

    /** "remote-work_policy v3.docx" -> "Remote work policy v3". */
    static String humanise(String file) {
        String base = file.replaceFirst("\\.[^.]+$", "").replaceAll("[_-]+", " ").strip();
        return base.isEmpty() ? "Policy" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** "3.", "2.1", "A.", "iv)", "Section 4:": the number in front of a heading. */
    private static final java.util.regex.Pattern HEADING_NUMBER = java.util.regex.Pattern.compile(
            "(?i)^(?:(?:section|article|part|clause|§)\\s*)?(?:\\d{1,2}(?:\\.\\d{1,2})*[.):]?|[a-z][.)]|[ivx]{1,5}[.)])\\s+(?=\\S)");

    /** The heading without its number ("3.2 Working abroad" -> "Working abroad"), or as it is when it has none. */
    static String withoutNumber(String heading) {
        java.util.regex.Matcher m = HEADING_NUMBER.matcher(heading.strip());
        return m.find() ? heading.strip().substring(m.end()) : heading.strip();
    }

    /**
     * A section id from its heading: lowercase ASCII words joined by dashes, at most about 48 characters. A number
     * in front is left out, so a section keeps its id when a revised document renumbers it.
     */
    static String slug(String title) {
        String s = java.text.Normalizer.normalize(withoutNumber(title), java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 48) {
            int cut = s.lastIndexOf('-', 48);
            s = s.substring(0, cut > 20 ? cut : 48).replaceAll("-+$", "");
        }
        return s;
    }
}
