package io.policybot.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** Reads a handbook page in Markdown (GitHub-flavoured tables included; a leading YAML front matter gives the title). */
final class MarkdownReader implements DocumentReader {
    private static final Pattern FRONT_TITLE = Pattern.compile("(?m)^title:\\s*[\"']?(.*?)[\"']?\\s*$");
    private static final Pattern FRONT_EFFECTIVE = Pattern.compile("(?m)^effective(?:[_ -]?date)?:\\s*[\"']?(.*?)[\"']?\\s*$");
    private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[^}]*}\\s*$");

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final TextContentRenderer plain = TextContentRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    @Override
    public SourceDocument read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String title = null;
        String effective = null;
        List<Block> stated = new ArrayList<>(); // the page's own owner: and contact:, read like a document-control table
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                Matcher m = FRONT_TITLE.matcher(text.substring(4, end));
                if (m.find()) {
                    title = m.group(1).strip();
                }
                Matcher e = FRONT_EFFECTIVE.matcher(text.substring(4, end));
                if (e.find() && !e.group(1).isBlank()) {
                    // a docs-as-code page's own date: kept as the opening line, where the importer reads stated dates
                    effective = "Effective date: " + e.group(1).strip();
                }
                for (String key : List.of("owner", "contact")) {
                    Matcher o = Pattern.compile("(?m)^" + key + ":\\s*[\"']?(.*?)[\"']?\\s*$").matcher(text.substring(4, end));
                    // a contact: that is a role name ("hr") is for the policy file, not an address to take
                    if (o.find() && !o.group(1).isBlank() && (key.equals("owner") || o.group(1).matches(".*[@#].*"))) {
                        stated.add(new Block.Paragraph(Character.toUpperCase(key.charAt(0)) + key.substring(1) + ": " + o.group(1).strip(), false));
                    }
                }
                text = text.substring(text.indexOf('\n', end + 1) + 1);
            }
        }
        List<Block> blocks = new ArrayList<>();
        if (effective != null) {
            blocks.add(new Block.Paragraph(effective, false));
        }
        blocks.addAll(stated);
        for (Node n = parser.parse(text).getFirstChild(); n != null; n = n.getNext()) {
            block(n, blocks, 0);
        }
        return new SourceDocument(file.getFileName().toString(), "md", title, blocks);
    }

    private void block(Node n, List<Block> blocks, int depth) {
        images(n, blocks);
        if (n instanceof Heading h) {
            String text = HEADING_ID.matcher(text(h)).replaceFirst("");
            if (!text.isEmpty()) {
                blocks.add(new Block.Heading(h.getLevel(), text));
            }
        } else if (n instanceof Paragraph p) {
            if (onlyImages(p)) {
                return; // reported as dropped
            }
            if (p.getFirstChild() instanceof StrongEmphasis strong
                    && (strong.getNext() instanceof org.commonmark.node.SoftLineBreak || strong.getNext() instanceof org.commonmark.node.HardLineBreak)
                    && Texts.isQuestion(text(strong))) {
                // "**Question?**" and its answer on the next line, in one paragraph
                String question = text(strong);
                blocks.add(new Block.Question(question));
                StringBuilder rest = new StringBuilder();
                for (Node c = strong.getNext(); c != null; c = c.getNext()) {
                    rest.append(c instanceof org.commonmark.node.SoftLineBreak ? " " : plainInline(c));
                }
                String answer = Texts.clean(rest.toString());
                if (!answer.isEmpty()) {
                    blocks.add(new Block.Paragraph(answer, false));
                }
                return;
            }
            String text = text(p);
            if (!text.isEmpty()) {
                boolean bold = p.getFirstChild() instanceof StrongEmphasis && p.getFirstChild().getNext() == null
                        || p.getFirstChild() instanceof StrongEmphasis && p.getFirstChild().getNext() instanceof Text t
                        && t.getNext() == null && t.getLiteral().strip().length() <= 1;
                blocks.add(new Block.Paragraph(text, bold));
            }
        } else if (n instanceof ListBlock list) {
            boolean ordered = list instanceof OrderedList;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) {
                    StringBuilder own = new StringBuilder();
                    List<Node> nested = new ArrayList<>();
                    for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof ListBlock) {
                            nested.add(c);
                        } else {
                            own.append(own.isEmpty() ? "" : " ").append(text(c));
                        }
                    }
                    if (!own.isEmpty()) {
                        blocks.add(new Block.ListItem(depth, ordered, Texts.clean(own.toString())));
                    }
                    nested.forEach(c -> block(c, blocks, depth + 1));
                }
            }
        } else if (n instanceof TableBlock table) {
            List<List<String>> rows = new ArrayList<>();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    if (row instanceof TableRow) {
                        List<String> cells = new ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            if (cell instanceof TableCell) {
                                cells.add(cellText(cell));
                            }
                        }
                        rows.add(cells);
                    }
                }
            }
            blocks.add(new Block.Table(rows));
        } else if (n instanceof BlockQuote q) {
            for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                block(c, blocks, depth);
            }
        } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            String text = Texts.clean(n instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) n).getLiteral());
            if (!text.isEmpty()) {
                blocks.add(new Block.Paragraph(text, false));
            }
        } else if (n instanceof HtmlBlock html) {
            String literal = html.getLiteral().strip();
            if (!literal.startsWith("<!--")) {
                blocks.add(new Block.Dropped("HTML block", DocxReader.shorten(Texts.clean(literal))));
            }
        }
    }

    private void images(Node n, List<Block> blocks) {
        if (n instanceof Image img) {
            String alt = text(img);
            blocks.add(new Block.Dropped("image", alt.isEmpty() ? img.getDestination() : alt));
            return;
        }
        if (n instanceof ListBlock) {
            return; // visited item by item
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            images(c, blocks);
        }
    }

    private static boolean onlyImages(Paragraph p) {
        for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof Image) && !(c instanceof Text t && t.getLiteral().isBlank()) && !(c instanceof org.commonmark.node.SoftLineBreak)) {
                return false;
            }
        }
        return true;
    }

    private String plainInline(Node n) {
        return n instanceof Text t ? t.getLiteral() : plain.render(n);
    }

    private String text(Node n) {
        return Texts.clean(plain.render(n));
    }

    /** A table cell's text: its contents, without the " | " the table renderer puts after every cell but the last. */
    private String cellText(Node cell) {
        StringBuilder sb = new StringBuilder();
        for (Node c = cell.getFirstChild(); c != null; c = c.getNext()) {
            sb.append(plain.render(c));
        }
        return Texts.clean(sb.toString());
    }

}
