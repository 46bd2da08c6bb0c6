package io.policybot.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with PDFBox. A PDF has no structure, only placed glyphs: lines are rebuilt from positions, larger
 * or bold short lines become headings, bullets and numbers start list items, lines with column gaps that repeat
 * become tables, small print becomes footnotes, and text repeated on most pages (running headers, page numbers) is dropped.
 */
final class PdfReader implements DocumentReader {

    /**
     * A rebuilt line of text: its cells (split at wide gaps) and where each starts, its words and where each starts (to
     * split a line by a table's known columns), position, dominant font size and weight.
     */
    private record Line(int page, float y, float x, float size, boolean bold, List<String> cells, List<Float> cellXs,
                        List<String> words, List<Float> wordXs) {
        String text() {
            return String.join(" ", cells);
        }
    }

    @Override
    public SourceDocument read(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            Collector collector = new Collector();
            collector.setSortByPosition(true);
            collector.getText(pdf);
            List<Line> lines = new ArrayList<>();
            collector.glyphs.forEach((page, glyphs) -> lines.addAll(lines(page, glyphs)));
            List<Block> blocks = layout(lines, pdf.getNumberOfPages());
            int page = 0;
            for (PDPage p : pdf.getPages()) {
                page++;
                int images = images(p.getResources());
                for (int i = 0; i < images; i++) {
                    blocks.add(new Block.Dropped("image", "on page " + page));
                }
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return new SourceDocument(file.getFileName().toString(), "pdf", title == null || title.isBlank() ? null : title.strip(), blocks);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new IOException("the PDF is password-protected: save an unprotected copy and import that", e);
        }
    }

    private static int images(PDResources resources) throws IOException {
        if (resources == null) {
            return 0;
        }
        int n = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                n++;
            } else if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                n += images(form.getResources());
            }
        }
        return n;
    }

    /** Collects every glyph with its page; the stripper's own text output is not used. */
    private static final class Collector extends PDFTextStripper {
        final Map<Integer, List<TextPosition>> glyphs = new TreeMap<>();
        int page;

        Collector() throws IOException {
        }

        @Override
        protected void startPage(PDPage p) throws IOException {
            page++;
            super.startPage(p);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            glyphs.computeIfAbsent(page, k -> new ArrayList<>()).add(text);
        }
    }

    private static List<Line> lines(int page, List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
        List<List<TextPosition>> rows = new ArrayList<>();
        for (TextPosition g : sorted) {
            List<TextPosition> last = rows.isEmpty() ? null : rows.getLast();
            if (last != null && Math.abs(last.getFirst().getYDirAdj() - g.getYDirAdj()) <= 0.4f * Math.max(4f, size(g))) {
                last.add(g);
            } else {
                rows.add(new ArrayList<>(List.of(g)));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (List<TextPosition> row : rows) {
            row.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            List<String> cells = new ArrayList<>();
            List<Float> cellXs = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            float cellX = row.getFirst().getXDirAdj();
            List<String> words = new ArrayList<>();
            List<Float> wordXs = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            float wordX = 0; // set by the word's first glyph
            Map<Float, Integer> sizes = new HashMap<>();
            int bold = 0;
            int count = 0;
            TextPosition prev = null;
            for (TextPosition g : row) {
                String u = g.getUnicode();
                if (u == null) {
                    continue;
                }
                if (prev != null) {
                    float gap = g.getXDirAdj() - (prev.getXDirAdj() + prev.getWidthDirAdj());
                    float em = Math.max(4f, size(g));
                    if (gap > 0.18f * em || u.isBlank()) {
                        addWord(words, wordXs, word, wordX);
                    }
                    if (gap > 1.6f * em) {
                        cells.add(Texts.clean(cell.toString()));
                        cellXs.add(cellX);
                        cell.setLength(0);
                        cellX = g.getXDirAdj();
                    } else if (gap > 0.18f * em && !cell.isEmpty() && cell.charAt(cell.length() - 1) != ' ') {
                        cell.append(' ');
                    }
                }
                cell.append(u);
                if (!u.isBlank()) {
                    if (word.isEmpty()) {
                        wordX = g.getXDirAdj();
                    }
                    word.append(u);
                    sizes.merge(Math.round(size(g) * 2) / 2f, 1, Integer::sum);
                    count++;
                    String font = g.getFont() == null || g.getFont().getName() == null ? "" : g.getFont().getName().toLowerCase(java.util.Locale.ROOT);
                    if (font.contains("bold") || font.contains("black") || font.contains("heavy") || font.contains("semibold")) {
                        bold++;
                    }
                }
                prev = g;
            }
            cells.add(Texts.clean(cell.toString()));
            cellXs.add(cellX);
            addWord(words, wordXs, word, wordX);
            for (int c = cells.size() - 1; c >= 0; c--) {
                if (cells.get(c).isEmpty()) {
                    cells.remove(c);
                    cellXs.remove(c);
                }
            }
            if (cells.isEmpty() || count == 0) {
                continue;
            }
            float size = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            lines.add(new Line(page, row.getFirst().getYDirAdj(), row.getFirst().getXDirAdj(), size, bold * 2 > count, cells, cellXs,
                    words, wordXs));
        }
        return lines;
    }

    private static float size(TextPosition g) {
        float s = g.getFontSizeInPt();
        return s > 0 ? s : g.getHeightDir();
    }

    private static List<Block> layout(List<Line> all, int pages) {
        List<Line> lines = dropRunningText(all, pages);
        if (lines.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Float, Integer> bySize = new HashMap<>();
        lines.forEach(l -> bySize.merge(l.size(), l.text().length(), Integer::sum));
        float body = bySize.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        TreeSet<Float> headingSizes = new TreeSet<>(Comparator.reverseOrder());
        lines.stream().filter(l -> l.size() >= body * 1.12f && l.text().length() <= 150).forEach(l -> headingSizes.add(l.size()));
        float margin = (float) lines.stream().filter(l -> l.size() == body).mapToDouble(Line::x).min().orElse(0);
        List<Float> levels = new ArrayList<>(headingSizes);

        List<Block> blocks = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        boolean paraBold = false;
        Line prev = null;
        List<List<String>> table = new ArrayList<>();
        int tableCells = 0;
        List<Float> columns = List.of(); // where the current table's columns start
        Block.ListItem item = null;
        float itemX = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean newPage = prev != null && prev.page() != l.page();
            float gap = prev == null || newPage ? Float.MAX_VALUE : l.y() - prev.y();
            String text = l.text();
            // Under a table's last row, a line with fewer cells than the table is split by the table's columns:
            if (!table.isEmpty() && !newPage && l.cells().size() < tableCells) {
                List<String> pieces = byColumns(l, columns);
                if (gap < 1.3f * l.size()) {
                    // right under it: cells of that row wrapped onto the next line, each piece to its column
                    List<String> last = table.getLast();
                    for (int c = 0; c < pieces.size(); c++) {
                        last.set(c, (last.get(c) + " " + pieces.get(c)).strip());
                    }
                    prev = l;
                    continue;
                }
                if (l.cells().size() >= 2 && gap < 3f * l.size() && pieces.stream().noneMatch(String::isEmpty)) {
                    // a row whose cells came closer than a cell gap (a full column), filling every column
                    table.add(new ArrayList<>(pieces));
                    prev = l;
                    continue;
                }
            }
            // a table: two or more lines in a row with the same number (>= 2) of cells
            boolean tableLine = l.cells().size() >= 2 && (tableCells == l.cells().size()
                    || i + 1 < lines.size() && lines.get(i + 1).cells().size() == l.cells().size());
            if (tableLine) {
                flushPara(para, paraBold, blocks);
                item = flushItem(item, blocks);
                if (tableCells != l.cells().size() && !table.isEmpty()) {
                    blocks.add(new Block.Table(table));
                    table = new ArrayList<>();
                }
                if (table.isEmpty()) {
                    columns = l.cellXs();
                }
                table.add(new ArrayList<>(l.cells()));
                tableCells = l.cells().size();
                prev = l;
                continue;
            }
            if (!table.isEmpty()) {
                blocks.add(new Block.Table(table));
                table = new ArrayList<>();
                tableCells = 0;
            }
            if (l.size() < body * 0.85f) {
                flushPara(para, paraBold, blocks);
                item = flushItem(item, blocks);
                if (!blocks.isEmpty() && blocks.getLast() instanceof Block.Dropped d && d.kind().equals("footnote") && gap < 2 * l.size()) {
                    blocks.set(blocks.size() - 1, new Block.Dropped("footnote", DocxReader.shorten(d.detail() + " " + text)));
                } else {
                    blocks.add(new Block.Dropped("footnote", DocxReader.shorten(text)));
                }
                prev = l;
                continue;
            }
            int level = levels.indexOf(l.size()) + 1;
            boolean boldHeading = level == 0 && l.bold() && l.size() == body && text.length() <= 90 && !Texts.isQuestion(text)
                    && !text.endsWith(".") && Texts.bulletText(text) == null && (para.isEmpty() || gap > 1.5f * l.size())
                    && (i + 1 >= lines.size() || !lines.get(i + 1).bold() || lines.get(i + 1).size() != body);
            if (level > 0 || boldHeading) {
                flushPara(para, paraBold, blocks);
                item = flushItem(item, blocks);
                int lvl = level > 0 ? level : levels.size() + 1;
                if (!blocks.isEmpty() && blocks.getLast() instanceof Block.Heading h && h.level() == lvl && gap < 1.6f * l.size()) {
                    blocks.set(blocks.size() - 1, new Block.Heading(lvl, h.text() + " " + text)); // a heading over two lines
                } else {
                    blocks.add(new Block.Heading(lvl, text));
                }
                prev = l;
                continue;
            }
            String bullet = Texts.bulletText(text);
            if (bullet != null) {
                flushPara(para, paraBold, blocks);
                item = flushItem(item, blocks);
                int depth = Math.max(0, Math.min(4, Math.round((l.x() - margin) / 18f)));
                item = new Block.ListItem(depth, Texts.startsOrdered(text), Texts.clean(bullet));
                itemX = l.x();
                prev = l;
                continue;
            }
            // a sentence that runs on over a page break (the new page starts in lower case) goes on where it was
            boolean runsOn = newPage && Character.isLowerCase(text.codePointAt(0));
            if (item != null && (gap < 1.6f * l.size() || runsOn) && l.x() > itemX + 2) {
                item = new Block.ListItem(item.depth(), item.ordered(), joinLines(item.text(), text));
                prev = l;
                continue;
            }
            item = flushItem(item, blocks);
            if (!para.isEmpty() && (gap > 1.6f * l.size() && !runsOn || l.bold() != paraBold)) {
                flushPara(para, paraBold, blocks);
            }
            if (para.isEmpty()) {
                paraBold = l.bold();
                para.append(text);
            } else {
                String joined = joinLines(para.toString(), text);
                para.setLength(0);
                para.append(joined);
            }
            prev = l;
        }
        flushPara(para, paraBold, blocks);
        flushItem(item, blocks);
        if (!table.isEmpty()) {
            blocks.add(new Block.Table(table));
        }
        return blocks;
    }

    private static void addWord(List<String> words, List<Float> xs, StringBuilder word, float x) {
        String w = Texts.clean(word.toString());
        if (!w.isEmpty()) {
            words.add(w);
            xs.add(x);
        }
        word.setLength(0);
    }

    /** The line's words put in the table's columns by where each starts; "" for a column with none. */
    private static List<String> byColumns(Line l, List<Float> columns) {
        List<StringBuilder> out = new ArrayList<>();
        columns.forEach(c -> out.add(new StringBuilder()));
        for (int w = 0; w < l.words().size(); w++) {
            StringBuilder cell = out.get(column(columns, l.wordXs().get(w)));
            cell.append(cell.isEmpty() ? "" : " ").append(l.words().get(w));
        }
        return out.stream().map(StringBuilder::toString).toList();
    }

    /** The column a word starting at {@code x} belongs to: the last one that starts at or before it (a little slack). */
    private static int column(List<Float> columns, float x) {
        int column = 0;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c) <= x + 2f) {
                column = c;
            }
        }
        return column;
    }

    private static String joinLines(String a, String b) {
        if (a.endsWith("-") && !b.isEmpty() && Character.isLowerCase(b.charAt(0))) {
            return a.substring(0, a.length() - 1) + b; // a word hyphenated at the line end
        }
        return a + " " + b;
    }

    private static void flushPara(StringBuilder para, boolean bold, List<Block> blocks) {
        if (!para.isEmpty()) {
            blocks.add(new Block.Paragraph(Texts.clean(para.toString()), bold));
            para.setLength(0);
        }
    }

    private static Block.ListItem flushItem(Block.ListItem item, List<Block> blocks) {
        if (item != null) {
            blocks.add(item);
        }
        return null;
    }

    /** Page numbers and the running header and footer (the same text on most pages) are not policy text. */
    private static List<Line> dropRunningText(List<Line> lines, int pages) {
        Map<String, TreeSet<Integer>> onPages = new HashMap<>();
        lines.forEach(l -> onPages.computeIfAbsent(l.text().replaceAll("\\d+", "#"), k -> new TreeSet<>()).add(l.page()));
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            String t = l.text().strip();
            if (t.matches("(?i)^(page\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?$")) {
                continue;
            }
            if (pages >= 3 && onPages.get(l.text().replaceAll("\\d+", "#")).size() * 2 > pages) {
                continue;
            }
            out.add(l);
        }
        return out;
    }
}
