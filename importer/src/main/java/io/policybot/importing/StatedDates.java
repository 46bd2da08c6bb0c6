package io.policybot.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective date a document states about itself: a clear label and an unambiguous date, such as
 * "Effective date: 1 March 2027", "Effective from 2027-03-01", "Applies from 1st March 2027", "Date of effect: March 1, 2027",
 * a metadata table row "Effective date | 1 March 2027", "生效日期：2027年3月1日" or "本制度自2027年3月1日起施行".
 * Prose ("It applies from 1 January 2027 and replaces ...") is not read: only a label at the start of a paragraph or cell,
 * a label with a colon, or the Chinese "自...起施行" formula. Day/month numeric dates ("01/03/2027") are left out, as
 * they read as 1 March or 3 January depending on the writer; the caller reports them so that HR can write the date out.
 */
final class StatedDates {
    /** The date found and the text it came from, to quote in the report. */
    record Stated(LocalDate date, String text) {
    }

    /** A labelled date that was not taken (ambiguous or impossible), with why, for a note. */
    record Unclear(String text, String why) {
    }

    /** The first clear statement, if any, and the unclear ones met before it. */
    record Found(Optional<Stated> stated, List<Unclear> unclear) {
    }

    private static final String NUMERIC = "\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}";
    private static final String YEAR_FIRST = "\\d{4}(?<ys>[-/.])\\d{1,2}\\k<ys>\\d{1,2}";
    private static final String DAY_MONTH = "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?\\p{L}{3,9}\\.?,?\\s+\\d{4}";
    private static final String MONTH_DAY = "\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}";
    private static final String CJK = "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号號]";

    private static final String LABEL = "(?<label>effective\\s+date|date\\s+effective|date\\s+of\\s+effect|commencement\\s+date"
            + "|effective\\s+(?:from|as\\s+of|on)|appl(?:ies|icable)\\s+(?:from|as\\s+of)|valid\\s+(?:from|as\\s+of)"
            + "|in\\s+force\\s+(?:from|as\\s+of)|effective)";
    private static final Pattern ENGLISH = Pattern.compile("(?<![\\p{L}\\p{N}])" + LABEL
            + "\\s*(?<sep>[:：]|\\s[-–—])?\\s*(?:(?:from|on|as\\s+of)\\s+)?"
            + "(?<date>" + YEAR_FIRST + "|" + NUMERIC + "|" + DAY_MONTH + "|" + MONTH_DAY + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String ZH_DATE = "(?<date>" + CJK + "|" + YEAR_FIRST + "|" + NUMERIC + ")";
    private static final Pattern CHINESE_LABEL = Pattern.compile(
            "(?:生效|施行|实施|實施|执行|執行)(?:日期|时间|時間|日)\\s*[:：]?\\s*" + ZH_DATE);
    /** "自2027年3月1日起施行", "于2027年3月1日生效", "（2027年3月1日起实施）": a prefix or 起 makes it the formula. */
    private static final Pattern CHINESE_FORMULA = Pattern.compile(
            "(?<from>自|从|從|于|於)?\\s*" + ZH_DATE + "\\s*(?<qi>起)?\\s*(?:开始|開始|正式)*(?:施行|生效|实施|實施|执行|執行)");
    /** A whole table cell that is only a label ("Effective date", "生效日期:"): its value is the next cell or the row below. */
    private static final Pattern LABEL_CELL = Pattern.compile("(?:" + LABEL + "|生效日期|施行日期|实施日期|實施日期|生效时间|生效時間)\\s*[:：]?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VALUE = Pattern.compile("(?:(?:from|on|as\\s+of)\\s+)?(?<date>" + YEAR_FIRST + "|" + NUMERIC + "|"
            + DAY_MONTH + "|" + MONTH_DAY + "|" + CJK + ")(?![\\p{L}\\p{N}]).*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final List<DateTimeFormatter> WORDS = List.of(formatter("d MMMM uuuu"), formatter("d MMM uuuu"),
            formatter("MMMM d uuuu"), formatter("MMM d uuuu"));
    private static final DateTimeFormatter YMD = formatter("uuuu-M-d");
    private static final DateTimeFormatter CHINESE = formatter("uuuu年M月d日");

    private StatedDates() {
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The first statement of an effective date in {@code blocks}, in document order. */
    static Found find(List<Block> blocks) {
        List<Unclear> unclear = new ArrayList<>();
        for (Block b : blocks) {
            List<Candidate> candidates = switch (b) {
                case Block.Paragraph p -> inText(p.text());
                case Block.ListItem li -> inText(li.text());
                case Block.Heading h -> inText(h.text());
                case Block.Question q -> inText(q.text());
                case Block.Table t -> inTable(t.rows());
                case Block.Dropped d -> List.of();
            };
            for (Candidate c : candidates) {
                if (c.date() != null) {
                    return new Found(Optional.of(new Stated(c.date(), c.text())), List.copyOf(unclear));
                }
                unclear.add(new Unclear(c.text(), c.why()));
            }
        }
        return new Found(Optional.empty(), List.copyOf(unclear));
    }

    /** A labelled date: parsed ({@code date}), or not taken ({@code why}). */
    private record Candidate(int at, String text, LocalDate date, String why) {
    }

    private static List<Candidate> inText(String original) {
        String text = asciiDigits(original);
        List<Candidate> out = new ArrayList<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            String label = m.group("label").toLowerCase(Locale.ROOT);
            boolean colon = m.group("sep") != null && !m.group("sep").isBlank();
            String before = text.substring(0, m.start()).strip();
            // A label opens the paragraph or a part of it ("Version 2.0 | Effective date: ..."), or is followed by a colon;
            // "effective" alone only as "Effective: <date>" or at the start.
            boolean placed = before.isEmpty() || before.matches(".*[|·•;–—]$") || colon;
            if (placed && (!label.equals("effective") || colon || before.isEmpty())) {
                out.add(candidate(m.start(), original.substring(m.start(), m.end()), m.group("date")));
            }
        }
        for (Pattern p : List.of(CHINESE_LABEL, CHINESE_FORMULA)) {
            m = p.matcher(text);
            while (m.find()) {
                if (p == CHINESE_FORMULA && m.group("from") == null && m.group("qi") == null) {
                    continue; // "2027年3月1日施行" alone could be part of a sentence about something else
                }
                out.add(candidate(m.start(), original.substring(m.start(), m.end()).strip(), m.group("date")));
            }
        }
        out.sort(Comparator.comparingInt(Candidate::at));
        return out;
    }

    /** "Effective date | 1 March 2027" in a row, or a column headed "Effective date" in a table of one data row. */
    private static List<Candidate> inTable(List<List<String>> rows) {
        List<Candidate> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                if (LABEL_CELL.matcher(cell).matches()) {
                    if (c + 1 < row.size()) {
                        value(cell, row.get(c + 1)).ifPresent(out::add);
                    }
                    // a column: only when the table has a single row under its header; several rows are a revision
                    // history, whose rows are earlier versions as much as this one
                    if (r == 0 && rows.size() == 2 && c < rows.get(1).size()) {
                        value(cell, rows.get(1).get(c)).ifPresent(out::add);
                    }
                } else {
                    out.addAll(inText(cell));
                }
            }
        }
        return out;
    }

    private static Optional<Candidate> value(String label, String cell) {
        Matcher m = VALUE.matcher(asciiDigits(cell.strip()));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate(0, label + " | " + cell.strip(), m.group("date")));
    }

    private static Candidate candidate(int at, String text, String date) {
        String d = date.strip();
        if (d.matches(NUMERIC)) {
            return new Candidate(at, text, null, d + " can be read day first or month first");
        }
        try {
            return new Candidate(at, text, parse(d), null);
        } catch (DateTimeParseException e) {
            return new Candidate(at, text, null, d + " is not a date in the calendar");
        }
    }

    private static LocalDate parse(String date) {
        if (date.contains("年")) {
            return LocalDate.parse(date.replaceAll("\\s+", "").replace('号', '日').replace('號', '日'), CHINESE);
        }
        if (date.matches(YEAR_FIRST)) {
            return LocalDate.parse(date.replace('/', '-').replace('.', '-'), YMD);
        }
        // "1st of March, 2027", "Mar. 1 2027", "Sept 1, 2027" -> "1 March 2027", "Mar 1 2027", "Sep 1 2027"
        String words = date.replaceAll("(?i)(\\d)(st|nd|rd|th)\\b", "$1").replaceAll("(?i)\\bof\\b", " ")
                .replaceAll("[.,]", " ").replaceAll("(?i)\\bsept\\b", "Sep").replaceAll("\\s+", " ").strip();
        DateTimeParseException last = null;
        for (DateTimeFormatter f : WORDS) {
            try {
                return LocalDate.parse(words, f);
            } catch (DateTimeParseException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Full-width digits (２０２７年３月１日) as ASCII, one character for one, so that positions stay the same. */
    private static String asciiDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            sb.append(ch >= '０' && ch <= '９' ? (char) ('0' + ch - '０') : ch);
        }
        return sb.toString();
    }
}
