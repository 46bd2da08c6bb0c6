package io.policybot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable word diff of two short texts (a section's "in short" answer before and after an update): the words
 * removed and added, with a few words of context around each change, so HR and employees see exactly what changed
 * rather than a cut-off summary. Chinese and Japanese are compared character by character, other text by words.
 */
public final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]|[^\\s\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]+");
    private static final int CONTEXT = 5;
    private static final int MAX_TOKENS = 600;

    private WordDiff() {
    }

    /** One run of the diff: kept, removed or added tokens. */
    public record Part(Kind kind, String text) {
    }

    public enum Kind { SAME, REMOVED, ADDED }

    /** The diff as parts; equal texts give one SAME part. */
    public static List<Part> parts(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) { // too long to align: the whole text replaced
            return List.of(new Part(Kind.REMOVED, before.strip()), new Part(Kind.ADDED, after.strip()));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Kind> kinds = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                kinds.add(Kind.SAME);
                words.add(a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                kinds.add(Kind.ADDED);
                words.add(b.get(j++));
            } else {
                kinds.add(Kind.REMOVED);
                words.add(a.get(i++));
            }
        }
        // A single kept token between two changes ("标" in 标志 -> 徽标) reads better as part of the replacement.
        for (int k = 1; k + 1 < kinds.size(); k++) {
            if (kinds.get(k) == Kind.SAME && kinds.get(k - 1) != Kind.SAME && kinds.get(k + 1) != Kind.SAME) {
                kinds.set(k, Kind.REMOVED);
                kinds.add(k + 1, Kind.ADDED);
                words.add(k + 1, words.get(k));
                k++;
            }
        }
        // Group removals before additions inside each changed stretch, so "a b -> c d" reads as one replacement.
        List<Part> out = new ArrayList<>();
        int k = 0;
        while (k < kinds.size()) {
            if (kinds.get(k) == Kind.SAME) {
                List<String> run = new ArrayList<>();
                while (k < kinds.size() && kinds.get(k) == Kind.SAME) {
                    run.add(words.get(k++));
                }
                out.add(new Part(Kind.SAME, join(run)));
            } else {
                List<String> removed = new ArrayList<>();
                List<String> added = new ArrayList<>();
                while (k < kinds.size() && kinds.get(k) != Kind.SAME) {
                    (kinds.get(k) == Kind.REMOVED ? removed : added).add(words.get(k));
                    k++;
                }
                if (!removed.isEmpty()) {
                    out.add(new Part(Kind.REMOVED, join(removed)));
                }
                if (!added.isEmpty()) {
                    out.add(new Part(Kind.ADDED, join(added)));
                }
            }
        }
        return out;
    }

    /**
     * The diff on one line: unchanged stretches cut to a few words of context around each change ("…"), removed and
     * added words written by {@code removed} and {@code added} (for example {@code ➖ “old”} and {@code ➕ “new”}).
     * Empty when the texts do not differ.
     */
    public static String inline(String before, String after, Function<String, String> removed,
                                Function<String, String> added) {
        List<Part> parts = parts(before, after);
        if (parts.stream().allMatch(p -> p.kind() == Kind.SAME)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        char lastText = 0; // the last character of the text itself (not of the markers around it)
        for (int n = 0; n < parts.size(); n++) {
            Part p = parts.get(n);
            String text = p.kind() == Kind.SAME ? context(p.text(), n > 0, n < parts.size() - 1) : p.text();
            if (text.isEmpty()) {
                continue;
            }
            String piece = switch (p.kind()) {
                case REMOVED -> removed.apply(text);
                case ADDED -> added.apply(text);
                case SAME -> text;
            };
            char first = text.charAt(0) == '…' && text.length() > 2 ? text.charAt(2) : text.charAt(0);
            if (!sb.isEmpty() && needsSpace(lastText, first)) {
                sb.append(' ');
            }
            sb.append(piece);
            lastText = text.charAt(text.length() - 1) == '…' && text.length() > 2 ? text.charAt(text.length() - 3)
                    : text.charAt(text.length() - 1);
        }
        return sb.toString();
    }

    /** An unchanged stretch: its last words when a change follows, its first when one precedes, both in between. */
    private static String context(String text, boolean changeBefore, boolean changeAfter) {
        List<String> t = tokens(text);
        // Chinese tokens are single characters: keep more of them, about as much text as five words.
        int context = t.stream().filter(x -> x.length() == 1 && isCjk(x.charAt(0))).count() * 2 > t.size()
                ? 3 * CONTEXT : CONTEXT;
        if (changeBefore && changeAfter && t.size() <= 2 * context + 1) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        if (changeBefore) {
            sb.append(join(t.subList(0, Math.min(context, t.size()))));
            if (t.size() > context) {
                sb.append(" …");
            }
        }
        if (changeAfter) {
            List<String> tail = t.subList(Math.max(changeBefore ? context : 0, t.size() - context), t.size());
            if (t.size() > context && !changeBefore) {
                sb.append("… ");
            }
            sb.append(join(tail));
        }
        return sb.toString().strip();
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s == null ? "" : s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            if (!sb.isEmpty() && needsSpace(sb.charAt(sb.length() - 1), t.charAt(0))) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /** No space next to a CJK character (Chinese is written without spaces); also for printing parts side by side. */
    public static boolean needsSpace(char before, char after) {
        return !(isCjk(before) || isCjk(after));
    }

    private static boolean isCjk(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef');
    }
}
