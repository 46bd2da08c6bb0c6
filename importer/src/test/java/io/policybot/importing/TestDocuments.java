package io.policybot.importing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Real-shaped documents built the way Word and PDF writers build them (POI, PDFBox), from a small outline:
 * {@code # Title}, {@code ## Heading}, {@code ### Sub-heading}, {@code - item} (two spaces per nesting level),
 * {@code **bold paragraph**}, {@code | a | b |} table rows, {@code [image]}, {@code [footnote] text}, else paragraphs.
 */
final class TestDocuments {
    private TestDocuments() {
    }

    sealed interface Item {
    }

    record Heading(int level, String text) implements Item {
    }

    record Para(String text, boolean bold) implements Item {
    }

    record Bullet(int depth, String text) implements Item {
    }

    record Table(List<String[]> rows) implements Item {
    }

    record Image() implements Item {
    }

    record Footnote(String text) implements Item {
    }

    static List<Item> outline(String text) {
        List<Item> items = new ArrayList<>();
        Table table = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                table = null;
                continue;
            }
            if (line.startsWith("|")) {
                if (table == null) {
                    table = new Table(new ArrayList<>());
                    items.add(table);
                }
                String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                table.rows().add(cells);
                continue;
            }
            table = null;
            if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                items.add(new Heading(level, line.substring(level + 1).strip()));
            } else if (line.stripLeading().startsWith("- ")) {
                int indent = line.indexOf('-');
                items.add(new Bullet(indent / 2, line.substring(indent + 2).strip()));
            } else if (line.startsWith("**") && line.endsWith("**")) {
                items.add(new Para(line.substring(2, line.length() - 2), true));
            } else if (line.equals("[image]")) {
                items.add(new Image());
            } else if (line.startsWith("[footnote]")) {
                items.add(new Footnote(line.substring("[footnote]".length()).strip()));
            } else {
                items.add(new Para(line.strip(), false));
            }
        }
        return items;
    }

    /** A Word document: Title and HeadingN styles, real bullet numbering (nested levels), a table, a picture, a footnote. */
    static Path docx(Path file, List<Item> items) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            BigInteger bullets = bulletNumbering(doc);
            for (Item item : items) {
                switch (item) {
                    case Heading h -> {
                        XWPFParagraph p = doc.createParagraph();
                        p.setStyle(h.level() == 1 ? "Title" : "Heading" + (h.level() - 1));
                        p.createRun().setText(h.text());
                    }
                    case Para para -> {
                        XWPFRun run = doc.createParagraph().createRun();
                        run.setText(para.text());
                        run.setBold(para.bold());
                    }
                    case Bullet b -> {
                        XWPFParagraph p = doc.createParagraph();
                        p.setStyle("ListParagraph");
                        p.setNumID(bullets);
                        p.setNumILvl(BigInteger.valueOf(b.depth()));
                        p.createRun().setText(b.text());
                    }
                    case Table t -> {
                        XWPFTable table = doc.createTable(t.rows().size(), t.rows().getFirst().length);
                        for (int r = 0; r < t.rows().size(); r++) {
                            for (int c = 0; c < t.rows().get(r).length; c++) {
                                table.getRow(r).getCell(c).setText(t.rows().get(r)[c]);
                            }
                        }
                    }
                    case Image i -> {
                        XWPFRun run = doc.createParagraph().createRun();
                        try {
                            run.addPicture(new ByteArrayInputStream(png()), Document.PICTURE_TYPE_PNG, "chart.png",
                                    Units.toEMU(40), Units.toEMU(40));
                        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                            throw new IOException(e);
                        }
                    }
                    case Footnote f -> {
                        var note = doc.createFootnote();
                        note.createParagraph().createRun().setText(f.text());
                    }
                }
            }
            doc.write(out);
        }
        return file;
    }

    private static BigInteger bulletNumbering(XWPFDocument doc) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.ZERO);
        for (int level = 0; level < 3; level++) {
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
            lvl.addNewLvlText().setVal("\u2022");
        }
        XWPFNumbering numbering = doc.createNumbering();
        BigInteger id = numbering.addAbstractNum(new XWPFAbstractNum(abs));
        return numbering.addNum(id);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PDF as a word processor exports it: larger bold headings, bullets, a table in columns, page numbers, small-print footnotes. */
    static Path pdf(Path file, List<Item> items) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            new PdfWriter(pdf).write(items);
            pdf.save(file.toFile());
        }
        return file;
    }

    private static final class PdfWriter {
        final PDDocument pdf;
        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDPageContentStream out;
        float y;
        int pages;
        final List<String> footnotes = new ArrayList<>();

        PdfWriter(PDDocument pdf) {
            this.pdf = pdf;
        }

        void write(List<Item> items) throws IOException {
            newPage();
            for (Item item : items) {
                switch (item) {
                    case Heading h -> {
                        float size = h.level() == 1 ? 20 : h.level() == 2 ? 15 : 12.5f;
                        space(size * 1.2f);
                        text(h.text(), bold, size, 72);
                        space(4);
                    }
                    case Para p -> {
                        space(6);
                        text(p.text(), p.bold() ? bold : regular, 11, 72);
                    }
                    case Bullet b -> {
                        space(2);
                        text("\u2022 " + b.text(), regular, 11, 80 + 18 * b.depth());
                    }
                    case Table t -> {
                        space(8);
                        for (String[] row : t.rows()) {
                            line();
                            // Each cell wrapped within its column, as a word processor does (unwrapped, long cells ran
                            // into the next column and their text interleaved).
                            float column = 450f / row.length;
                            PDFont font = t.rows().getFirst() == row ? bold : regular;
                            int height = 1;
                            for (int c = 0; c < row.length; c++) {
                                List<String> cell = wrap(row[c], font, 10, column - 8);
                                for (int l = 0; l < cell.size(); l++) {
                                    show(cell.get(l), font, 10, 72 + c * column, y - l * 12);
                                }
                                height = Math.max(height, cell.size());
                            }
                            y -= 2 + 12 * height;
                        }
                    }
                    case Image i -> {
                        var image = LosslessFactory.createFromImage(pdf, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
                        line();
                        out.drawImage(image, 72, y - 30, 30, 30);
                        y -= 36;
                    }
                    case Footnote f -> footnotes.add(f.text());
                }
            }
            finishPage();
        }

        private void space(float points) {
            y -= points;
        }

        private void line() throws IOException {
            if (y < 110) {
                finishPage();
                newPage();
            }
        }

        private void text(String text, PDFont font, float size, float x) throws IOException {
            List<String> lines = wrap(text, font, size, 468 - (x - 72));
            boolean bullet = text.startsWith("\u2022 ");
            for (int i = 0; i < lines.size(); i++) {
                line();
                show(lines.get(i), font, size, i > 0 && bullet ? x + 8 : x, y);
                y -= size * 1.35f;
            }
        }

        private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(next);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private void show(String s, PDFont font, float size, float x, float at) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, at);
            out.showText(s);
            out.endText();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            out = new PDPageContentStream(pdf, page);
            pages++;
            y = 770;
        }

        private void finishPage() throws IOException {
            float at = 80;
            for (String note : footnotes) {
                show(note, regular, 7.5f, 72, at);
                at -= 10;
            }
            footnotes.clear();
            show("Page " + pages, regular, 9, 280, 40);
            out.close();
        }
    }
}
