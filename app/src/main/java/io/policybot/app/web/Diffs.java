package io.policybot.app.web;

import io.policybot.text.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's word diff ({@link WordDiff#parts}) as the pieces a template prints: inline (removed and added words
 * in one text) and as the two columns of a side-by-side view, each piece knowing whether a space goes before it.
 */
final class Diffs {
    private Diffs() {
    }

    /** @return {@code inline}, {@code before} and {@code after}: lists of {kind (same, del, ins), text, space} */
    static Map<String, Object> of(String before, String after) {
        List<WordDiff.Part> parts = WordDiff.parts(before, after);
        return Map.of("inline", pieces(parts, null), "before", pieces(parts, WordDiff.Kind.ADDED),
                "after", pieces(parts, WordDiff.Kind.REMOVED),
                "changed", parts.stream().anyMatch(p -> p.kind() != WordDiff.Kind.SAME));
    }

    private static List<Map<String, Object>> pieces(List<WordDiff.Part> parts, WordDiff.Kind leaveOut) {
        List<Map<String, Object>> out = new ArrayList<>();
        char last = 0;
        for (WordDiff.Part p : parts) {
            if (p.kind() == leaveOut || p.text().isEmpty()) {
                continue;
            }
            String kind = switch (p.kind()) {
                case SAME -> "same";
                case REMOVED -> "del";
                case ADDED -> "ins";
            };
            boolean space = last != 0 && WordDiff.needsSpace(last, p.text().charAt(0));
            out.add(Map.of("kind", kind, "text", p.text(), "space", space));
            last = p.text().charAt(p.text().length() - 1);
        }
        return out;
    }
}
