package io.policybot.answering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.policybot.content.Contact;
import io.policybot.content.ContentLibrary;
import io.policybot.content.Passage;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers a policy question from one content version: finds the sections, decides whether the best one really
 * answers the question, and picks the rules to show. Answers are cached by normalised question; a content reload
 * builds a new answerer, so the cache goes with the old content.
 */
public final class QuestionAnswerer {
    private static final int MAX_SECTIONS = 5;

    private final ContentLibrary library;
    private final AnsweringSettings settings;
    private final PolicyIndex index;
    private final LanguageDetector detector;
    private final Cache<String, Answer> cache;

    /** Lexical retrieval only (no embedding model). */
    public QuestionAnswerer(ContentLibrary library, AnsweringSettings settings) {
        this(library, settings, language -> Optional.empty(), VectorCache.none());
    }

    /**
     * @param embedders the sentence-embedding model per language, when there is one (hybrid retrieval)
     * @param vectors   where passage vectors are kept between runs
     */
    public QuestionAnswerer(ContentLibrary library, AnsweringSettings settings,
                            Function<String, Optional<SentenceEmbedder>> embedders, VectorCache vectors) {
        this.library = library;
        this.settings = settings;
        this.index = new PolicyIndex(library, new PolicyAnalyzers(), embedders, vectors);
        this.detector = new LanguageDetector(library.languages());
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
    }

    public ContentLibrary library() {
        return library;
    }

    public LanguageDetector detector() {
        return detector;
    }

    /**
     * @param fallbackLanguage the language to use when the question does not show one (emoji only...)
     */
    public Answer answer(String question, String fallbackLanguage) {
        String text = normalise(question);
        String language = detector.detect(text, library.languages().contains(fallbackLanguage) ? fallbackLanguage : "en");
        if (text.isEmpty()) {
            return declined(question, language, Answer.Decline.EMPTY, List.of());
        }
        if (text.length() > settings.maxQuestionChars()) {
            return declined(question, language, Answer.Decline.TOO_LONG, List.of());
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return declined(question, language, Answer.Decline.NO_WORDS, List.of());
        }
        Answer cached = settings.cacheSize() == 0 ? search(text, language)
                : cache.get(language + "\u0000" + text.toLowerCase(Locale.ROOT), k -> search(text, language));
        return cached.question().equals(question) ? cached : withQuestion(cached, question);
    }

    private Answer search(String text, String language) {
        SearchHits hits = index.search(language, text, MAX_SECTIONS);
        if (hits.sections().isEmpty()) {
            return declined(text, language, Answer.Decline.NOT_COVERED, List.of());
        }
        double confidence = Confidence.of(hits);
        if (confidence < settings.minConfidence()) {
            return declined(text, language, Answer.Decline.NOT_COVERED, hits.sections(), confidence);
        }
        RankedSection top = hits.sections().getFirst();
        Policy policy = library.policy(top.policyId()).orElseThrow();
        PolicyDocument doc = policy.document(language);
        Section section = doc.section(top.sectionId()).orElseThrow();
        List<Integer> ranks = hits.passageRanks().getOrDefault(top.policyId() + "/" + top.sectionId(), List.of());
        List<Passage> passages = pickPassages(section, ranks);
        Answer.Citation citation = new Answer.Citation(policy.id(), doc.title(), section.id(), section.title(), doc.version(),
                doc.linkTo(section));
        String lead = section.shortAnswer();
        if (lead.isBlank() && !passages.isEmpty()) {
            // no "In short" answer: lead with the passage that best matches the question
            Passage best = ranks.isEmpty() ? passages.getFirst() : section.passages().get(ranks.getFirst());
            lead = best.kind() == Passage.Kind.FAQ || best.group().isEmpty() ? best.markdown() : best.group() + ": " + best.markdown();
            passages = passages.stream().filter(p -> p != best).toList();
        }
        return new Answer(text, language, true, confidence, hits.sections(), lead, passages, citation,
                null, Answer.Decline.NONE);
    }

    /**
     * Up to three rules (list items) that matched the question, best first; a matching paragraph only when no
     * rule matched; the section's first rule when nothing did. Rules are what a person can act on.
     */
    private static List<Passage> pickPassages(Section section, List<Integer> ranks) {
        List<Passage> picked = new ArrayList<>();
        for (int ordinal : ranks) {
            Passage p = section.passages().get(ordinal);
            if (p.rule() && !picked.contains(p) && picked.size() < 3) {
                picked.add(p);
            }
        }
        if (picked.isEmpty() && !ranks.isEmpty()) {
            picked.add(section.passages().get(ranks.getFirst()));
        }
        if (picked.isEmpty() && !section.passages().isEmpty()) {
            picked.add(section.passages().stream().filter(Passage::rule).findFirst().orElse(section.passages().getFirst()));
        }
        return picked;
    }

    private Answer declined(String question, String language, Answer.Decline why, List<RankedSection> near) {
        return declined(question, language, why, near, 0);
    }

    private Answer declined(String question, String language, Answer.Decline why, List<RankedSection> near,
                            double confidence) {
        return new Answer(question, language, false, confidence, near, "", List.of(), null, contactFor(near, language), why);
    }

    /** The contact the nearest policy names for questions it does not answer; else HR. */
    private Contact contactFor(List<RankedSection> near, String language) {
        Policy policy = near.isEmpty() ? library.all().iterator().next()
                : library.policy(near.getFirst().policyId()).orElse(library.all().iterator().next());
        return policy.document(language).contact(library.settings()).orElse(null);
    }

    private static Answer withQuestion(Answer a, String question) {
        return new Answer(question, a.language(), a.answered(), a.confidence(), a.sections(), a.shortAnswer(),
                a.passages(), a.citation(), a.contact(), a.decline());
    }

    /** Unicode-normalised (full-width to ASCII...), control characters dropped, white space folded. */
    static String normalise(String question) {
        if (question == null) {
            return "";
        }
        String s = Normalizer.normalize(question, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(Math.min(s.length(), 200_000));
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = !out.isEmpty();
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                // dropped: NUL, bells, zero-width joiners...
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
