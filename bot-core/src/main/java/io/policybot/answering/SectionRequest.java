package io.policybot.answering;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to open a section by its name ("show me the section on account security", "打开账户安全这一节"), and the
 * section whose title it names. Only a close match of the title counts: anything else is an ordinary question.
 */
final class SectionRequest {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("^(?:please |can you |could you )?(?:show|open|read|display|give|pull up|bring up|get|find)"
                    + "(?: me)?(?: the)?(?: full| whole| complete)? (?:policy )?(?:section|part|chapter)s?"
                    + "(?: on| about| called| named| for| of| titled)?[: ]+(.+?)[?.!]*$"),
            Pattern.compile("^(?:please |can you |could you )?(?:show|open|read|display|pull up|bring up)(?: me)?(?: the)?"
                    + "(?: full| whole)? (.+?) (?:section|part|chapter)[?.!]*$"),
            Pattern.compile("^(?:section|chapter)[: ]+(.+?)[?.!]*$"),
            Pattern.compile("^(?:请)?(?:打开|查看|显示|看看|给我看|看一下|我想看)(?:一下)?(?:关于)?[“\"]?(.+?)[”\"]?(?:的)?"
                    + "(?:章节|部分|这一节|一节|这节|那一节|条款)(?:吧|吗)?[？?。!！]*$"));

    private SectionRequest() {
    }

    /** The section name asked for, when the text is such a request. */
    static Optional<String> name(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(lower);
            if (m.matches()) {
                return Optional.of(m.group(1).replaceAll("^(?:the |on |about )", "").strip());
            }
        }
        return Optional.empty();
    }

    /** The section in {@code language} whose title best matches {@code name}, if it matches well. */
    static Optional<RankedSection> find(ContentLibrary library, String language, String name) {
        RankedSection best = null;
        double bestScore = 0;
        for (Policy policy : library.all()) {
            PolicyDocument doc = policy.document(language);
            for (Section s : doc.sections()) {
                double score = Math.max(similarity(name, s.title()), similarity(name, s.id().replace('-', ' ')));
                if (score > bestScore) {
                    bestScore = score;
                    best = new RankedSection(policy.id(), s.id(), s.title(), score);
                }
            }
        }
        return bestScore >= 0.6 ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Overlap of words (Latin) or character pairs (Chinese), as the share of the title's that the name has. */
    private static double similarity(String name, String title) {
        Set<String> a = pieces(name);
        Set<String> b = pieces(title);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return Math.min((double) both.size() / b.size(), (double) both.size() / a.size() + 0.25);
    }

    private static Set<String> pieces(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]+", " ");
        Set<String> out = new HashSet<>();
        if (ChatText.containsHan(t)) {
            String han = t.replaceAll("[^\\p{IsHan}]", "");
            for (int i = 0; i + 1 < han.length(); i++) {
                out.add(han.substring(i, i + 2));
            }
            return out;
        }
        for (String w : t.split("\\s+")) {
            if (w.length() > 2 && !Set.of("and", "the", "for", "with", "your", "our").contains(w)) {
                out.add(w.replaceAll("(?:ies|es|s)$", ""));
            }
        }
        return out;
    }
}
