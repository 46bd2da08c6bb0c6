package io.policybot.text;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it: comma separated, fields with a comma, quote or line break in double quotes, a quote
 * doubled inside them, CRLF between records. Writing also guards spreadsheets against formula injection: a cell
 * that starts with {@code = + - @} (or a tab or carriage return) gets a leading {@code '}, so it is shown as text.
 */
public final class Csv {
    private Csv() {
    }

    /** One record read from a file, with the line it starts on (1 = the first line). */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /** A file that is not CSV (an unterminated quote). */
    public static final class CsvException extends IllegalArgumentException {
        private final int line;

        public CsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The records of {@code text}; blank lines are skipped and a leading byte-order mark is ignored. */
    public static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean any = false;
            while (true) {
                if (i < n && text.charAt(i) == '"') {
                    any = true;
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new CsvException(start, "a quoted field is not closed");
                        }
                        char c = text.charAt(i++);
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    }
                }
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    field.append(text.charAt(i++));
                    any = true;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    any = true;
                    continue;
                }
                if (i < n && text.charAt(i) == '\r') {
                    i++;
                }
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                }
                line++;
                break;
            }
            if (any) {
                out.add(new Record(start, fields));
            }
        }
        return out;
    }

    /** One record, CRLF-terminated, every cell quoted when needed and guarded against formulas. */
    public static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(k) == null ? "" : cells.get(k).toString()));
        }
        return sb.append("\r\n").toString();
    }

    /** One cell: {@code '} before a leading formula character, then quoted if it holds a comma, quote or line break. */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
