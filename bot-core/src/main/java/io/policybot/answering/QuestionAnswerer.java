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
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).recordStats().build();
    }

    /** Hits and misses of the answer cache since this answerer was built (for the operator's hit-rate graph). */
    public com.github.benmanes.caffeine.cache.stats.CacheStats cacheStats() {
        return cache.stats();
    }

    public ContentLibrary library() {
        return library;
    }

    /**
     * Makes sure every language's index is built (the constructor builds them all today; building each on its first
     * question let quick one-shot runs exit while the model was loading, see docs/answering.md).
     */
    public QuestionAnswerer warmUp() {
        index.warmUp();
        return this;
    }

    public LanguageDetector detector() {
        return detector;
    }

    /**
     * @param fallbackLanguage the language to use when the question does not show one (emoji only...)
     */
    public Answer answer(String question, String fallbackLanguage) {
        String text = normalise(question);
        String fallback = library.languages().contains(fallbackLanguage) ? fallbackLanguage : "en";
        if (text.isEmpty()) {
            return declined(question, detector.detect(text, fallback), Answer.Decline.EMPTY, List.of());
        }
        if (text.length() > settings.maxQuestionChars()) {
            return declined(question, detector.detect(text, fallback), Answer.Decline.TOO_LONG, List.of());
        }
        String cleaned = ChatText.clean(text);
        String language = detector.detect(cleaned, fallback);
        if (text.codePoints().noneMatch(Character::isLetterOrDigit) && text.codePoints().noneMatch(ChatText::isNoise)) {
            return declined(question, language, Answer.Decline.NO_WORDS, List.of());
        }
        if (ChatText.isSmallTalk(cleaned)) {
            return new Answer(question, language, Answer.Kind.SMALLTALK, 0, List.of(), "", List.of(), null, List.of(),
                    null, Answer.Decline.SMALLTALK, false);
        }
        Answer cached = settings.cacheSize() == 0 ? search(cleaned, language)
                : cache.get(language + "\u0000" + cleaned.toLowerCase(Locale.ROOT), k -> search(cleaned, language));
        return cached.question().equals(question) ? cached : withQuestion(cached, question);
    }

    private Answer search(String text, String language) {
        Optional<Answer> opened = openByName(text, language);
        if (opened.isPresent()) {
            return opened.get();
        }
        SearchHits hits = index.search(language, text, MAX_SECTIONS);
        double confidence = hits.sections().isEmpty() ? 0 : Confidence.of(hits);
        if (ChatText.isMixed(text)) {
            // Mixed Chinese and English: search each language's index and keep the surer; answer in the language
            // mostly written (section ids are the same in every language).
            for (String other : library.languages()) {
                if (!other.equals(language)) {
                    SearchHits alt = index.search(other, text, MAX_SECTIONS);
                    double c = alt.sections().isEmpty() ? 0 : Confidence.of(alt);
                    if (c > confidence) {
                        hits = alt;
                        confidence = c;
                    }
                }
            }
        }
        List<RankedSection> ranked = retitled(hits.sections(), language);
        if (ranked.isEmpty()) {
            return declined(text, language, Answer.Decline.NOT_COVERED, List.of());
        }
        Signals s = hits.signals();
        if (notCovered(hits)) {
            return declined(text, language, Answer.Decline.NOT_COVERED, ranked, confidence);
        }
        if (confidence < settings.minConfidence()) {
            return declined(text, language, Answer.Decline.NOT_COVERED, ranked, confidence);
        }
        double margin = ranked.size() < 2 ? 1 : margin(ranked.get(0).score(), ranked.get(1).score(), s);
        // Close runner-up or meaning and fused ranking disagree, and only moderately sure: where most wrong answers
        // were (median margin 0.02 for wrong answers, 0.12 for right ones on the dev and hold-out sets).
        boolean shaky = (margin < settings.hedgeMargin() || !s.semanticAgrees()) && confidence < settings.hedgeBelow();
        if (confidence < settings.answerConfidence() || shaky) {
            return new Answer(text, language, Answer.Kind.SUGGESTIONS, confidence, ranked, "", List.of(), null,
                    ranked.subList(0, Math.min(3, ranked.size())), contactFor(ranked, language), Answer.Decline.NOT_COVERED,
                    false);
        }
        RankedSection top = ranked.getFirst();
        List<RankedSection> alternatives = List.of();
        if (ranked.size() > 1 && margin < settings.alternativeMargin()) {
            alternatives = List.of(ranked.get(1));
        }
        return answerFrom(text, language, top, ranked, confidence, alternatives,
                hits.passageRanks().getOrDefault(top.policyId() + "/" + top.sectionId(), List.of()), false);
    }

    /**
     * The settings' "not covered" topics in force for a language: the list less the topics (or items) a loaded policy
     * answers, which are left to that policy.
     */
    public List<String> notCoveredTopics(String language) {
        return index.notCoveredTopics(language);
    }

    /** Each section's ranking features for a question (calibration tooling). */
    java.util.Map<String, double[]> features(String question, String language) {
        return index.features(language, ChatText.clean(normalise(question)));
    }

    /** The evidence for a question, tab-separated (for {@code eval --dump}, to calibrate the settings). */
    public String explain(String question, String fallbackLanguage) {
        String cleaned = ChatText.clean(normalise(question));
        String language = detector.detect(cleaned, fallbackLanguage);
        SearchHits h = index.search(language, cleaned, MAX_SECTIONS);
        Signals s = h.signals();
        return String.join("\t", String.valueOf(h.coverage()), String.valueOf(h.similarity()), String.valueOf(s.topCosine()),
                String.valueOf(s.secondCosine()), String.valueOf(s.lexicalAgrees()), String.valueOf(s.semanticAgrees()),
                String.valueOf(s.lexicalTop()), String.valueOf(s.topicCosine()), String.valueOf(s.topicCoverage()),
                String.valueOf(s.words()), String.valueOf(s.topic()), String.valueOf(s.topProbability()));
    }

    /**
     * The gap between the best and the second score on the fused (cosine) scale; lexical scores (BM25, unbounded)
     * count by their relative gap, 4% of the best counting as 0.02.
     */
    private static double margin(double top, double second, Signals s) {
        if (!Double.isNaN(s.topCosine())) {
            return top - second;
        }
        return top <= 0 ? 0 : 0.5 * (top - second) / top;
    }

    /** Closer to a topic the settings list as covered elsewhere than to any section: by meaning, else by words. */
    private boolean notCovered(SearchHits hits) {
        Signals s = hits.signals();
        if (s.topic() == null) {
            return false;
        }
        if (!Double.isNaN(s.topicCosine()) && !Double.isNaN(s.topCosine())) {
            // By meaning, or by the words: a topic that has the question's rarer words the section lacks ("wifi").
            return s.topicCosine() > s.topCosine() + settings.topicMargin()
                    || s.topicCoverage() >= 0.5 && s.topicCoverage() > hits.coverage() + 0.2;
        }
        return s.topicCoverage() >= 0.5 && s.topicCoverage() > hits.coverage();
    }

    private Answer answerFrom(String text, String language, RankedSection top, List<RankedSection> ranked,
                              double confidence, List<RankedSection> alternatives, List<Integer> passageRanks,
                              boolean opened) {
        Policy policy = library.policy(top.policyId()).orElseThrow();
        PolicyDocument doc = policy.document(language);
        Section section = doc.section(top.sectionId()).orElseThrow();
        List<Passage> passages = opened ? section.passages() : pickPassages(section, passageRanks);
        Answer.Citation citation = new Answer.Citation(policy.id(), doc.title(), section.id(), section.title(), doc.version(),
                doc.linkTo(section));
        String lead = section.shortAnswer();
        if (lead.isBlank() && !passages.isEmpty() && !opened) {
            // no "In short" answer: lead with the passage that best matches the question
            Passage best = passageRanks.isEmpty() ? passages.getFirst() : section.passages().get(passageRanks.getFirst());
            // an FAQ answer with its question: "Yes." alone does not say to what
            lead = best.group().isEmpty() ? best.markdown()
                    : best.kind() == Passage.Kind.FAQ ? best.group() + " " + best.markdown() : best.group() + ": " + best.markdown();
            // an FAQ entry answers one question: the others in its section answer other questions
            passages = passages.stream().filter(p -> p != best && (best.kind() != Passage.Kind.FAQ || p.kind() != Passage.Kind.FAQ))
                    .toList();
        }
        return new Answer(text, doc.language(), alternatives.isEmpty() ? Answer.Kind.ANSWER
                : Answer.Kind.ANSWER_WITH_ALTERNATIVES, confidence, ranked, lead, passages, citation,
                alternatives, null, Answer.Decline.NONE, opened);
    }

    /** "show me the section on account security": the section whose title the request names, whole. */
    private Optional<Answer> openByName(String text, String language) {
        Optional<String> name = SectionRequest.name(text);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<RankedSection> found = SectionRequest.find(library, language, name.get());
        return found.map(top -> answerFrom(text, language, top, List.of(top), 1.0, List.of(), List.of(), true));
    }

    /** The sections' titles in the answer's language (a mixed question may have been searched in another). */
    private List<RankedSection> retitled(List<RankedSection> sections, String language) {
        List<RankedSection> out = new ArrayList<>(sections.size());
        for (RankedSection r : sections) {
            String title = library.policy(r.policyId()).flatMap(p -> p.document(language).section(r.sectionId()))
                    .map(Section::title).orElse(r.title());
            out.add(new RankedSection(r.policyId(), r.sectionId(), title, r.score()));
        }
        return out;
    }

    /**
     * Up to three rules (list items) that matched the question, best first; in a section without an "In short"
     * answer, also a paragraph among the two best matches (in a policy written as prose, a change or an exception to
     * the rules: "From 1 April the second parent's leave rises to 12 weeks"; a short answer already says it); any
     * matching paragraph when no rule matched; the section's first rule when nothing did. Rules are what a person can
     * act on.
     */
    private static List<Passage> pickPassages(Section section, List<Integer> ranks) {
        List<Passage> picked = new ArrayList<>();
        boolean prose = section.shortAnswer().isBlank();
        for (int i = 0; i < ranks.size() && picked.size() < 3; i++) {
            Passage p = section.passages().get(ranks.get(i));
            if ((p.rule() || prose && i < 2) && !picked.contains(p)) {
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
        return new Answer(question, language, Answer.Kind.DECLINED, confidence, near, "", List.of(), null, List.of(),
                contactFor(near, language), why, false);
    }

    /** The contact the nearest policy names for questions it does not answer; else HR. */
    private Contact contactFor(List<RankedSection> near, String language) {
        Policy policy = near.isEmpty() ? library.all().iterator().next()
                : library.policy(near.getFirst().policyId()).orElse(library.all().iterator().next());
        return policy.document(language).contact(library.settings()).orElse(null);
    }

    private static Answer withQuestion(Answer a, String question) {
        return new Answer(question, a.language(), a.kind(), a.confidence(), a.sections(), a.shortAnswer(), a.passages(),
                a.citation(), a.alternatives(), a.contact(), a.decline(), a.opened());
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
