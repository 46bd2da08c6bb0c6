package io.policybot.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Reads an intranet page (.html, .htm) with jsoup: the main content, without navigation, scripts or footers. */
final class HtmlReader implements DocumentReader {
    private static final Set<String> SKIP = Set.of("script", "style", "nav", "header", "footer", "aside", "form", "noscript",
            "template", "button", "iframe", "svg", "head");
    private static final Set<String> INLINE = Set.of("a", "span", "strong", "b", "em", "i", "u", "code", "small", "mark",
            "abbr", "cite", "q", "time", "br", "sub", "s", "kbd", "var", "label", "font");

    @Override
    public SourceDocument read(Path file) throws IOException {
        Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        Element root = doc.selectFirst("main");
        if (root == null) {
            root = doc.selectFirst("article");
        }
        if (root == null) {
            root = doc.body();
        }
        List<Block> blocks = new ArrayList<>();
        walk(root, blocks, 0);
        String title = Texts.clean(doc.title());
        return new SourceDocument(file.getFileName().toString(), "html", title.isEmpty() ? null : title, blocks);
    }

    private void walk(Element parent, List<Block> blocks, int listDepth) {
        StringBuilder loose = new StringBuilder();   // text directly inside a div, between blocks
        for (Node n : parent.childNodes()) {
            if (n instanceof TextNode t) {
                loose.append(t.text());
                continue;
            }
            if (!(n instanceof Element e)) {
                continue;
            }
            String tag = e.tagName().toLowerCase(java.util.Locale.ROOT);
            if (tag.equals("sup")) {
                continue; // footnote references
            }
            if (INLINE.contains(tag)) {
                loose.append(e.text());
                continue;
            }
            flush(loose, blocks);
            if (SKIP.contains(tag)) {
                continue;
            }
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> add(blocks, new Block.Heading(tag.charAt(1) - '0', Texts.clean(e.text())));
                case "p" -> paragraph(e, blocks);
                case "ul", "ol" -> list(e, tag.equals("ol"), listDepth, blocks);
                case "table" -> table(e, blocks);
                case "dl" -> {
                    for (Element item : e.children()) {
                        if (item.tagName().equals("dt")) {
                            add(blocks, new Block.Question(Texts.clean(item.text())));
                        } else if (item.tagName().equals("dd")) {
                            walkOrText(item, blocks, listDepth);
                        }
                    }
                }
                case "details" -> {
                    Element summary = e.selectFirst("> summary");
                    if (summary != null) {
                        add(blocks, new Block.Question(Texts.clean(summary.text())));
                        summary.remove();
                    }
                    walkOrText(e, blocks, listDepth);
                }
                case "img", "picture", "figure", "video", "canvas" -> {
                    String alt = e.tagName().equals("img") ? e.attr("alt") : e.text();
                    blocks.add(new Block.Dropped("image", alt.isBlank() ? "a picture" : Texts.clean(alt)));
                }
                case "hr" -> {
                }
                case "pre", "blockquote" -> paragraph(e, blocks);
                default -> {
                    if (e.hasClass("footnotes") || e.attr("role").equals("doc-endnotes")) {
                        for (Element li : e.select("li")) {
                            blocks.add(new Block.Dropped("footnote", DocxReader.shorten(Texts.clean(li.text()))));
                        }
                    } else {
                        walk(e, blocks, listDepth);
                    }
                }
            }
        }
        flush(loose, blocks);
    }

    private void walkOrText(Element e, List<Block> blocks, int depth) {
        if (e.children().stream().anyMatch(c -> !INLINE.contains(c.tagName()))) {
            walk(e, blocks, depth);
        } else {
            paragraph(e, blocks);
        }
    }

    private static void flush(StringBuilder loose, List<Block> blocks) {
        String text = Texts.clean(loose.toString());
        if (!text.isEmpty()) {
            blocks.add(new Block.Paragraph(text, false));
        }
        loose.setLength(0);
    }

    private static void paragraph(Element e, List<Block> blocks) {
        e.select("img").forEach(img -> blocks.add(new Block.Dropped("image", img.attr("alt").isBlank() ? "a picture" : img.attr("alt"))));
        e.select("sup").remove();
        String text = Texts.clean(e.text());
        if (text.isEmpty()) {
            return;
        }
        String boldText = Texts.clean(String.join(" ", e.select("strong, b").eachText()));
        boolean bold = !boldText.isEmpty() && boldText.length() >= text.length() - 1;
        // "Q: ... ?" paragraphs are questions of an FAQ
        if (text.matches("(?i)^(q|question)\\s*[:.]\\s*.+") && Texts.isQuestion(text)) {
            blocks.add(new Block.Question(text.replaceFirst("(?i)^(q|question)\\s*[:.]\\s*", "")));
            return;
        }
        if (text.matches("(?i)^(a|answer)\\s*[:.]\\s*.+")) {
            text = text.replaceFirst("(?i)^(a|answer)\\s*[:.]\\s*", "");
        }
        blocks.add(new Block.Paragraph(text, bold));
    }

    private void list(Element list, boolean ordered, int depth, List<Block> blocks) {
        for (Element li : list.children()) {
            if (!li.tagName().equals("li")) {
                continue;
            }
            Element copy = li.clone();
            copy.select("ul, ol").remove();
            copy.select("sup").remove();
            String text = Texts.clean(copy.text());
            if (!text.isEmpty()) {
                blocks.add(new Block.ListItem(depth, ordered, text));
            }
            for (Element nested : li.children()) {
                if (nested.tagName().equals("ul") || nested.tagName().equals("ol")) {
                    list(nested, nested.tagName().equals("ol"), depth + 1, blocks);
                }
            }
        }
    }

    /** A header cell, or a cell whose whole text is bold. */
    private static boolean isLabel(Element cell) {
        if (cell.tagName().equals("th")) {
            return true;
        }
        String bold = cell.select("strong, b").text();
        return !cell.text().isBlank() && Texts.clean(bold).equals(Texts.clean(cell.text()));
    }

    private static void table(Element table, List<Block> blocks) {
        List<List<String>> rows = new ArrayList<>();
        boolean headerRow = false;
        boolean keyColumn = true; // every row a label (th, or all bold) then a value: labels down the side
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<Element> tds = tr.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).toList();
            if (rows.isEmpty() && !tds.isEmpty()) {
                headerRow = tr.parent() != null && tr.parent().tagName().equals("thead")
                        || tds.stream().allMatch(c -> c.tagName().equals("th"));
            }
            keyColumn &= tds.size() == 2 && isLabel(tds.get(0)) && !isLabel(tds.get(1));
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (cell.tagName().equals("td") || cell.tagName().equals("th")) {
                    cells.add(Texts.clean(cell.text()));
                }
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(cells);
            }
        }
        if (!rows.isEmpty()) {
            blocks.add(new Block.Table(rows, !headerRow && keyColumn));
        }
    }

    private static void add(List<Block> blocks, Block b) {
        if (b instanceof Block.Heading h && h.text().isEmpty() || b instanceof Block.Question q && q.text().isEmpty()) {
            return;
        }
        blocks.add(b);
    }
}
