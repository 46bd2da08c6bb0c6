package io.policybot.importing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reads a Word document (.docx) with Apache POI: heading styles, numbered and bulleted lists, tables. */
final class DocxReader implements DocumentReader {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(?:heading|berschrift|titre|título|标题)\\s*(\\d)$");
    private static final Pattern LIST_STYLE = Pattern.compile("(?i)^list\\s*(?:paragraph|bullet|number|continue)?\\s*(\\d)?$");

    @Override
    public SourceDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<Block> blocks = new ArrayList<>();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    paragraph(doc, p, blocks);
                } else if (element instanceof XWPFTable t) {
                    table(t, blocks);
                }
            }
            // Footnotes have no place in the content format: listed in the report so that HR can move what matters.
            for (var note : doc.getFootnotes()) {
                String text = Texts.clean(text(note.getParagraphs()));
                if (!text.isEmpty()) {
                    blocks.add(new Block.Dropped("footnote", shorten(text)));
                }
            }
            String title = doc.getProperties() == null ? null : doc.getProperties().getCoreProperties().getTitle();
            return new SourceDocument(file.getFileName().toString(), "docx", title == null || title.isBlank() ? null : title.strip(), blocks);
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new IOException("not a Word .docx document (" + e.getMessage() + ")", e);
        }
    }

    private static String text(List<XWPFParagraph> paragraphs) {
        StringBuilder out = new StringBuilder();
        paragraphs.forEach(p -> out.append(p.getText()).append(' '));
        return out.toString();
    }

    private static void paragraph(XWPFDocument doc, XWPFParagraph p, List<Block> blocks) {
        for (XWPFRun run : p.getRuns()) {
            if (!run.getEmbeddedPictures().isEmpty()) {
                run.getEmbeddedPictures().forEach(pic -> blocks.add(new Block.Dropped("image",
                        pic.getDescription() == null || pic.getDescription().isBlank() ? "a picture" : pic.getDescription())));
            }
        }
        String text = Texts.clean(p.getText());
        if (text.isEmpty()) {
            return;
        }
        String style = styleName(doc, p);
        Matcher heading = HEADING_STYLE.matcher(style.replace("Heading", "heading ").strip());
        if (style.equalsIgnoreCase("title")) {
            blocks.add(new Block.Heading(0, text));
            return;
        }
        if (heading.matches()) {
            blocks.add(new Block.Heading(Integer.parseInt(heading.group(1)), text));
            return;
        }
        int outline = outlineLevel(p);
        if (outline >= 0 && outline < 6) {
            blocks.add(new Block.Heading(outline + 1, text));
            return;
        }
        Matcher list = LIST_STYLE.matcher(style.replaceAll("(?<=[a-z])(?=[A-Z0-9])", " ").strip());
        if (p.getNumID() != null || (!style.isEmpty() && list.matches())) {
            int depth = p.getNumIlvl() != null ? p.getNumIlvl().intValue()
                    : list.matches() && list.group(1) != null ? Math.max(0, Integer.parseInt(list.group(1)) - 1) : 0;
            String fmt = p.getNumFmt();
            boolean ordered = fmt != null ? !fmt.equalsIgnoreCase("bullet") : style.toLowerCase(Locale.ROOT).contains("number");
            blocks.add(new Block.ListItem(depth, ordered, text));
            return;
        }
        boolean bold = p.getRuns().stream().filter(r -> !Texts.clean(r.text()).isEmpty()).allMatch(DocxReader::isBold)
                && p.getRuns().stream().anyMatch(r -> !Texts.clean(r.text()).isEmpty());
        blocks.add(new Block.Paragraph(text, bold));
    }

    private static boolean isBold(XWPFRun r) {
        return r.isBold();
    }

    /** The style's name ("heading 1", "Title", "List Paragraph"), or its id when the document does not define it. */
    private static String styleName(XWPFDocument doc, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
        String name = style != null && style.getName() != null ? style.getName() : id;
        return name.strip();
    }

    private static int outlineLevel(XWPFParagraph p) {
        var ppr = p.getCTP().getPPr();
        if (ppr != null && ppr.getOutlineLvl() != null && ppr.getOutlineLvl().getVal() != null) {
            BigInteger v = ppr.getOutlineLvl().getVal();
            return v.intValue();
        }
        return -1;
    }

    private static void table(XWPFTable t, List<Block> blocks) {
        List<List<String>> rows = new ArrayList<>();
        // Labels down the side: two columns, the first in bold in every row, the second not (Word's usual
        // document-control table). A table with a header row (repeated or bold across) is read as one.
        boolean keyValue = !t.getRows().isEmpty() && !t.getRows().getFirst().isRepeatHeader();
        for (XWPFTableRow row : t.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(Texts.clean(cell.getText()));
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(cells);
                List<XWPFTableCell> tc = row.getTableCells();
                keyValue &= tc.size() == 2 && allBold(tc.get(0)) && !allBold(tc.get(1));
            }
        }
        if (!rows.isEmpty()) {
            blocks.add(new Block.Table(rows, keyValue));
        }
    }

    private static boolean allBold(XWPFTableCell cell) {
        List<XWPFRun> runs = cell.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                .filter(r -> !Texts.clean(r.text()).isEmpty()).toList();
        return !runs.isEmpty() && runs.stream().allMatch(DocxReader::isBold);
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
