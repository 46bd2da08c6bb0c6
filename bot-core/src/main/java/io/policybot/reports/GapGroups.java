package io.policybot.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups the questions the bot declined or got a thumbs down on, so HR sees what people keep asking.
 *
 * <p>Deliberately simple and explainable: each question becomes a set of normalised tokens (lower case, English
 * stop words dropped, a plural "s" cut; Chinese as character bigrams). A question joins the first group whose
 * first question shares at least {@value #THRESHOLD} of their tokens (Jaccard similarity: shared / all);
 * otherwise it starts a group. Groups come biggest first.
 */
public final class GapGroups {
    static final double THRESHOLD = 0.4;
    private static final Set<String> STOP = Set.of("a", "an", "the", "i", "me", "my", "we", "our", "you", "your", "is",
            "are", "am", "be", "can", "could", "do", "does", "did", "to", "of", "in", "on", "at", "for", "it", "its",
            "and", "or", "if", "what", "how", "when", "where", "who", "why", "which", "there", "this", "that", "with",
            "about", "should", "would", "will", "may", "get", "any", "allowed");

    private GapGroups() {
    }

    /**
     * @param example   the group's first question, as asked
     * @param count     questions in the group
     * @param declined  how many the bot declined
     * @param downVoted how many got a thumbs down
     * @param section   the section most of them matched ({@code policy/section}), or null
     * @param others    a few other wordings, for context
     * @param askedAt   when each of its questions was asked, oldest first (for the trend)
     */
    public record Group(String example, int count, int declined, int downVoted, String section, List<String> others,
                        List<java.time.Instant> askedAt) {
        public Group {
            others = List.copyOf(others);
            askedAt = List.copyOf(askedAt);
        }
    }

    /** Whether two questions would fall in one group (the grouping's own similarity rule). */
    public static boolean alike(String a, String b) {
        return similarity(tokens(a), tokens(b)) >= THRESHOLD;
    }

    public static List<Group> group(List<ReportRepository.GapQuestion> questions) {
        List<Builder> groups = new ArrayList<>();
        for (ReportRepository.GapQuestion q : questions) {
            Set<String> tokens = tokens(q.question());
            Builder home = null;
            for (Builder g : groups) {
                if (similarity(g.seed, tokens) >= THRESHOLD) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new Builder(q.question(), tokens);
                groups.add(home);
            }
            home.add(q);
        }
        return groups.stream().map(Builder::build)
                .sorted(Comparator.comparingInt(Group::count).reversed()).toList();
    }

    /** Jaccard similarity of two token sets; two empty sets (questions of punctuation only) are alike. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return (double) shared.size() / (a.size() + b.size() - shared.size());
    }

    static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        StringBuilder han = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            int cp = i < lower.length() ? lower.charAt(i) : ' ';
            boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (isHan) {
                han.append((char) cp);
            } else if (!han.isEmpty()) {
                addHan(han, out);
            }
            if (Character.isLetterOrDigit(cp) && !isHan) {
                word.append((char) cp);
            } else if (!word.isEmpty()) {
                addWord(word.toString(), out);
                word.setLength(0);
            }
        }
        return out;
    }

    private static void addWord(String w, Set<String> out) {
        if (w.length() < 2 || STOP.contains(w)) {
            return;
        }
        out.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
    }

    private static void addHan(StringBuilder han, Set<String> out) {
        if (han.length() == 1) {
            out.add(han.toString());
        }
        for (int i = 0; i + 1 < han.length(); i++) {
            out.add(han.substring(i, i + 2));
        }
        han.setLength(0);
    }

    private static final class Builder {
        final String example;
        final Set<String> seed;
        final List<String> others = new ArrayList<>();
        final List<java.time.Instant> asked = new ArrayList<>();
        final java.util.Map<String, Integer> sections = new java.util.HashMap<>();
        int count;
        int declined;
        int downVoted;

        Builder(String example, Set<String> seed) {
            this.example = example;
            this.seed = seed;
        }

        void add(ReportRepository.GapQuestion q) {
            count++;
            asked.add(q.askedAt());
            if (q.declined()) {
                declined++;
            }
            if (q.downVotes() > 0) {
                downVoted++;
            }
            if (q.sectionId() != null) {
                sections.merge(q.policyId() + "/" + q.sectionId(), 1, Integer::sum);
            }
            if (!q.question().equals(example) && others.size() < 3 && !others.contains(q.question())) {
                others.add(q.question());
            }
        }

        Group build() {
            String section = sections.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                    .map(java.util.Map.Entry::getKey).orElse(null);
            return new Group(example, count, declined, downVoted, section, others, asked);
        }
    }
}
