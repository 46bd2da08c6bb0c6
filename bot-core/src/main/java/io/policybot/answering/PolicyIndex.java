package io.policybot.answering;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Passage;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index over every policy section and passage, one pair of indexes per language.
 * Sections are scored field by field (title, keywords, short answer, body: BM25 each, weighted), passages on their own;
 * a section's score adds its best passage's. Built in memory from a {@link ContentLibrary}; immutable once built.
 */
final class PolicyIndex {
    /** Field weights: a match in a title or in the words employees use counts more than one deep in the body. */
    private static final Map<String, Float> SECTION_FIELDS = Map.of("title", 2.0f, "keywords", 1.5f, "short", 1.5f,
            "body", 1.0f);
    private static final float PASSAGE_WEIGHT = 0.6f;
    static final boolean SENTENCES = Boolean.parseBoolean(System.getProperty("policybot.sentences", "false"));

    /** The sentences of a paragraph (full stops, question and exclamation marks, in Latin and CJK punctuation). */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("(?<=[.!?])\\s+(?=[A-Z\"“(])|(?<=[。！？；])")) {
            if (s.strip().length() >= 12) {
                out.add(s.strip());
            }
        }
        return out;
    }

    static final boolean TOPIC_ITEMS = Boolean.parseBoolean(System.getProperty("policybot.topicItems", "true"));
    static final double POLICY_WEIGHT = Double.parseDouble(System.getProperty("policybot.policyWeight", "1.0"));

    /**
     * A section's meaning score is the mean of its two best cosines: a section that answers the question usually
     * has more than one passage about it, while one stray passage should not win on its own.
     */
    static final double SECOND_BEST_WEIGHT = 0.5;

    static final int ROW_SUMMARY = 0;
    static final int ROW_KEYWORDS = 1;
    static final int ROW_PASSAGE = 2;
    static final int ROW_LABELLED = 3;
    /** Bumped when the ranker's features change, so that cached fits are not reused. */
    static final String RANKER_VERSION = "ranker-3";
    static final boolean RANKER = Boolean.parseBoolean(System.getProperty("policybot.ranker", "true"));
    /** Between policies only the evidence every policy has decides ({@code -Dpolicybot.equalEvidence=false}: off). */
    static final boolean EQUAL_EVIDENCE = Boolean.parseBoolean(System.getProperty("policybot.equalEvidence", "true"));
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PolicyIndex.class);

    /** Everything known about each section for one question (see {@code LanguageIndex.evidence}). */
    private record Evidence(Map<String, double[]> features, Map<String, Double> lexical, String lexicalTop,
                            double maxLexical, Map<String, Double> meaning, Map<String, List<Integer>> passageRanks,
                            float[] query) {
    }

    private final PolicyAnalyzers analyzers;
    private final Function<String, Optional<SentenceEmbedder>> embedders;
    private final VectorCache vectors;
    private final Map<String, Lazy> byLanguage = new java.util.TreeMap<>();

    PolicyIndex(ContentLibrary library, PolicyAnalyzers analyzers, Function<String, Optional<SentenceEmbedder>> embedders,
                VectorCache vectors) {
        this.analyzers = analyzers;
        this.embedders = embedders;
        this.vectors = vectors;
        Map<String, List<PolicyDocument>> docs = new HashMap<>();
        for (Policy policy : library.all()) {
            policy.documents().values().forEach(d -> docs.computeIfAbsent(d.language(), k -> new ArrayList<>()).add(d));
        }

        // Every language is built now, each on its own thread (the Chinese analyzer's dictionaries take a while).
        // Built on first use instead, a one-shot `ask` saved the Chinese index's CPU, but quick runs then exited while
        // ONNX Runtime was still busy with the model preload and crashed in its native code (B3): kept eager.
        docs.forEach((lang, list) -> byLanguage.put(lang, new Lazy(() -> new LanguageIndex(lang, list,
                LabelledTexts.of(library, lang), library.settings().notCovered(lang)))));
        warmUp();
    }

    /** One language's index, built once on first use; a failed build is thrown to every caller. */
    private static final class Lazy {
        private final java.util.function.Supplier<LanguageIndex> build;
        private volatile LanguageIndex index;

        Lazy(java.util.function.Supplier<LanguageIndex> build) {
            this.build = build;
        }

        LanguageIndex get() {
            LanguageIndex i = index;
            if (i == null) {
                synchronized (this) {
                    i = index;
                    if (i == null) {
                        i = build.get();
                        index = i;
                    }
                }
            }
            return i;
        }
    }

    /** Builds every language's index now (each on its own thread), so that no question waits for one. */
    void warmUp() {
        List<Thread> builders = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        byLanguage.forEach((lang, lazy) -> builders.add(Thread.ofPlatform().name("index-" + lang).start(() -> {
            try {
                lazy.get();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        })));
        for (Thread t : builders) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the index", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    Set<String> languages() {
        return byLanguage.keySet();
    }

    /** The settings' "not covered" topics in force for this language: those no loaded policy answers. */
    List<String> notCoveredTopics(String language) {
        Lazy index = byLanguage.get(language);
        return index == null ? List.of() : index.get().topics;
    }

    /** Each section's ranking features for a question (for calibration tooling). */
    Map<String, double[]> features(String language, String question) {
        Lazy lazy = byLanguage.get(language);
        if (lazy == null) {
            return Map.of();
        }
        return lazy.get().features(question);
    }

    SearchHits search(String language, String question, int max) {
        Lazy lazy = byLanguage.get(language);
        if (lazy == null) {
            return SearchHits.none();
        }
        LanguageIndex index = lazy.get();
        return index.search(question, max);
    }

    /** The analysed terms of each section and their document frequency, for coverage. */
    private final class LanguageIndex {
        private final String language;
        private final IndexSearcher sections;
        private final IndexSearcher passages;
        private final Map<String, Set<String>> termsBySection = new HashMap<>();
        private final Map<String, Integer> docFreq = new HashMap<>();
        private final Map<String, String> titles = new HashMap<>();
        private final int sectionCount;
        private final SentenceEmbedder embedder;
        private final VectorTable semantic;
        /** The settings' "not covered" topics that no loaded section answers: their vectors and analysed words. */
        private final List<String> topics;
        private final VectorTable topicVectors;
        private final List<Set<String>> topicTerms = new ArrayList<>();
        /** One vector per policy (title and introduction): which policy a question is about, when there are several. */
        private final VectorTable policyVectors;
        /** Per vector row: what it is (ROW_*) and its labelled group (0 for the section's own texts). */
        private final int[] rowKind;
        private final int[] rowGroup;
        /** For a vector row of an FAQ entry (whole or one sentence of it), the entry's ordinal in its section; else -1. */
        private final int[] rowFaq;
        /** The section keys in a fixed order (the ranker's candidates). */
        private final List<String> sectionKeys = new ArrayList<>();
        private final Ranker ranker;
        /** Per Lucene document: its section key; for passages also its ordinal and labelled group (0 for none). */
        private final String[] sectionDocKey;
        private final String[] passageDocKey;
        private final int[] passageDocOrdinal;
        private final int[] passageDocGroup;

        LanguageIndex(String language, List<PolicyDocument> documents, List<LabelledTexts.Text> labelled,
                      List<String> notCovered) {
            this.language = language;
            this.embedder = embedders.apply(language).orElse(null);
            List<String> vectorKeys = new ArrayList<>();
            List<String> vectorTexts = new ArrayList<>();
            List<Integer> kinds = new ArrayList<>();
            List<Integer> groups = new ArrayList<>();
            Map<Integer, Integer> faqRows = new HashMap<>();
            Analyzer analyzer = analyzers.index(language);
            ByteBuffersDirectory sectionDir = new ByteBuffersDirectory();
            ByteBuffersDirectory passageDir = new ByteBuffersDirectory();
            int count = 0;
            try (IndexWriter sw = new IndexWriter(sectionDir, new IndexWriterConfig(analyzer));
                 IndexWriter pw = new IndexWriter(passageDir, new IndexWriterConfig(analyzer))) {
                for (PolicyDocument doc : documents) {
                    for (Section section : doc.sections()) {
                        String key = doc.policyId() + "/" + section.id();
                        titles.put(key, section.title());
                        sectionKeys.add(key);
                        count++;
                        // What the section is about, as a whole, then each passage on its own.
                        vectorKeys.add(key);
                        // Without an "In short" answer the title alone is a very short text that many questions
                        // come near; the policy's title gives it context, as it does every passage.
                        vectorTexts.add(section.shortAnswer().isBlank() ? doc.title() + " - " + section.title()
                                : section.title() + ". " + section.shortAnswer());
                        kinds.add(ROW_SUMMARY);
                        vectorKeys.add(key);
                        vectorTexts.add(section.title() + ": " + String.join(", ", section.keywords()));
                        kinds.add(ROW_KEYWORDS);
                        // Each keyword phrase on its own as well: a short question matches a short phrase far
                        // better than the whole list ("check my accounts" vs thirty keywords at once).
                        for (String keyword : section.keywords()) {
                            vectorKeys.add(key);
                            vectorTexts.add(section.title() + ": " + keyword);
                            kinds.add(ROW_KEYWORDS);
                        }
                        Document d = new Document();
                        d.add(new StringField("key", key, Field.Store.YES));
                        d.add(new TextField("title", section.title(), Field.Store.NO));
                        d.add(new TextField("body", doc.title(), Field.Store.NO));
                        d.add(new TextField("keywords", String.join(" ; ", section.keywords()), Field.Store.NO));
                        d.add(new TextField("short", section.shortAnswer(), Field.Store.NO));
                        StringBuilder body = new StringBuilder();
                        for (Passage p : section.passages()) {
                            body.append(p.plain()).append('\n');
                        }
                        d.add(new TextField("body", body.toString(), Field.Store.NO));
                        sw.addDocument(d);
                        // The title and the short answer on their own: what the section is about, in few words.
                        Document hd = new Document();
                        hd.add(new StringField("key", key, Field.Store.YES));
                        hd.add(new StoredField("ordinal", -1));
                        hd.add(new TextField("text", section.title() + "\n" + section.shortAnswer(), Field.Store.NO));
                        pw.addDocument(hd);


                        List<Passage> ps = section.passages();
                        for (int i = 0; i < ps.size(); i++) {
                            Document pd = new Document();
                            pd.add(new StringField("key", key, Field.Store.YES));
                            pd.add(new StoredField("ordinal", i));
                            pd.add(new TextField("text", ps.get(i).plain(), Field.Store.NO));
                            pw.addDocument(pd);
                            vectorKeys.add(key);
                            // The title gives a bare rule its context ("Don't share it" - share what?).
                            // The policy's title too: with several policies, "the gifts register" and "the social media
                            // policy" tell their passages apart (second policy R@1 0.72 -> 0.74, R@3 0.87 -> 0.90).
                            vectorTexts.add(doc.title() + " - " + section.title() + ": " + ps.get(i).plain());
                            if (ps.get(i).kind() == Passage.Kind.FAQ) {
                                faqRows.put(kinds.size(), i);
                            }
                            kinds.add(ROW_PASSAGE);
                            // A paragraph's sentences on their own too: a small model blurs a long paragraph's
                            // several points into one vector, and a question is usually about one of them.
                            if (SENTENCES) {
                                List<String> sentences = sentences(ps.get(i).plain());
                                if (sentences.size() > 1) {
                                    for (String sentence : sentences) {
                                        vectorKeys.add(key);
                                        vectorTexts.add(section.title() + ": " + sentence);
                                        if (ps.get(i).kind() == Passage.Kind.FAQ) {
                                            faqRows.put(kinds.size(), i);
                                        }
                                        kinds.add(ROW_PASSAGE);
                                    }
                                }
                            }
                        }
                    }
                }
                // Texts the content labels with a section (quiz questions and explanations, role-play steps): they
                // read like employees' questions, so they are searched as passages of that section, never shown.
                for (LabelledTexts.Text t : labelled) {
                    if (!titles.containsKey(t.key())) {
                        continue;
                    }
                    Document ld = new Document();
                    ld.add(new StringField("key", t.key(), Field.Store.YES));
                    ld.add(new StoredField("ordinal", -1));
                    ld.add(new StoredField("group", t.group()));
                    ld.add(new TextField("text", t.text(), Field.Store.NO));
                    pw.addDocument(ld);
                    vectorKeys.add(t.key());
                    vectorTexts.add(t.text());
                    kinds.add(ROW_LABELLED);
                    while (groups.size() < kinds.size() - 1) {
                        groups.add(0);
                    }
                    groups.add(t.group());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.sectionCount = count;
            while (groups.size() < kinds.size()) {
                groups.add(0);
            }
            this.rowKind = kinds.stream().mapToInt(Integer::intValue).toArray();
            this.rowGroup = groups.stream().mapToInt(Integer::intValue).toArray();
            this.rowFaq = new int[kinds.size()];
            java.util.Arrays.fill(rowFaq, -1);
            faqRows.forEach((row, ordinal) -> rowFaq[row] = ordinal);
            try {
                DirectoryReader sectionReader = DirectoryReader.open(sectionDir);
                collectSectionTerms(sectionReader);
                this.sections = new IndexSearcher(sectionReader);
                DirectoryReader passageReader = DirectoryReader.open(passageDir);
                this.passages = new IndexSearcher(passageReader);
                // What each hit is, read once here: a question reads up to 400 passage hits, and loading their stored
                // fields per question was a share of its time.
                this.sectionDocKey = new String[sectionReader.maxDoc()];
                StoredFields sf = sectionReader.storedFields();
                for (int doc = 0; doc < sectionDocKey.length; doc++) {
                    sectionDocKey[doc] = sf.document(doc).get("key");
                }
                int passageDocs = passageReader.maxDoc();
                this.passageDocKey = new String[passageDocs];
                this.passageDocOrdinal = new int[passageDocs];
                this.passageDocGroup = new int[passageDocs];
                StoredFields pf = passageReader.storedFields();
                for (int doc = 0; doc < passageDocs; doc++) {
                    Document d = pf.document(doc);
                    passageDocKey[doc] = d.get("key");
                    passageDocOrdinal[doc] = d.getField("ordinal").numericValue().intValue();
                    passageDocGroup[doc] = d.getField("group") == null ? 0 : d.getField("group").numericValue().intValue();
                }
                this.semantic = embedder == null ? null : new VectorTable(vectorKeys, vectors.vectors(embedder, vectorTexts));
                List<String> policyIds = documents.stream().map(PolicyDocument::policyId).toList();
                List<String> policyTexts = documents.stream().map(d -> d.title() + ". " + d.intro()).toList();
                this.policyVectors = embedder == null || policyIds.size() < 2 ? null
                        : new VectorTable(policyIds, vectors.vectors(embedder, policyTexts));
                this.ranker = embedder == null ? null : fitRanker(labelled, vectorTexts, policyTexts);
                // A listed topic that a loaded policy answers (a remote-work policy beside "remote work" in the list)
                // is left out, in whole or item by item: the list must never decline a loaded policy's own questions.
                if (embedder == null || notCovered.isEmpty()) {
                    this.topics = NotCoveredTopics.uncovered(notCovered, p -> answersConfidently(p, null));
                } else {
                    // Depends only on the texts and the model: computed once per content version, then read back.
                    List<String> inputs = new ArrayList<>(vectorTexts);
                    inputs.add("\u0000policies");
                    inputs.addAll(policyTexts); // the policy prior takes part in the decision
                    inputs.add("\u0000topics");
                    inputs.addAll(notCovered);
                    this.topics = vectors.derived(embedder, "topics", inputs, () -> {
                        List<String> pieces = NotCoveredTopics.pieces(notCovered);
                        List<float[]> pv = vectors.queryVectors(embedder, pieces);
                        Map<String, float[]> byPiece = new HashMap<>();
                        for (int i = 0; i < pieces.size(); i++) {
                            byPiece.put(pieces.get(i), pv.get(i));
                        }
                        return NotCoveredTopics.uncovered(notCovered, p -> answersConfidently(p, byPiece.get(p)));
                    });
                }
                Analyzer topicAnalyzer = analyzers.index(language);
                for (String topic : topics) {
                    Set<String> words = new HashSet<>();
                    QuestionTerms.analyze(topicAnalyzer, topic).groups().forEach(words::addAll);
                    topicTerms.add(words);
                }
                List<String> topicKeys = new ArrayList<>();
                List<String> topicTexts = new ArrayList<>();
                for (String topic : topics) {
                    for (String text : TOPIC_ITEMS ? NotCoveredTopics.texts(topic) : List.of(topic)) {
                        topicKeys.add(topic);
                        topicTexts.add(text);
                    }
                }
                this.topicVectors = embedder == null || topics.isEmpty() ? null
                        : new VectorTable(topicKeys, vectors.vectors(embedder, topicTexts));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Whether a loaded section answers this text (a "not covered" topic's name or item) as surely as a question it
         * clearly covers: the index's own confidence near the top, and, with a model, a cosine in the model's
         * "related" range. Called while the topics are not built yet, so the topics take no part in it.
         */
        private boolean answersConfidently(String text, float[] vector) {
            SearchHits hits = search(text, 1, vector);
            if (hits.sections().isEmpty()) {
                return false;
            }
            if (Double.isNaN(hits.signals().topCosine())) {
                return hits.signals().words() >= 2 && hits.coverage() >= 0.99;
            }
            return Confidence.of(hits) >= NotCoveredTopics.COVERED_CONFIDENCE
                    && hits.signals().topCosine() >= embedder.relatedAbove();
        }

        /**
         * Which analysed terms each section contains, and in how many sections each term occurs, read from the
         * section index's own postings (the text is analysed once, by the index).
         */
        private void collectSectionTerms(DirectoryReader reader) throws IOException {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                String[] keys = new String[leaf.reader().maxDoc()];
                for (int doc = 0; doc < keys.length; doc++) {
                    keys[doc] = stored.document(doc).get("key");
                    termsBySection.computeIfAbsent(keys[doc], k -> new HashSet<>());
                }
                for (String field : SECTION_FIELDS.keySet()) {
                    Terms terms = leaf.reader().terms(field);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    PostingsEnum postings = null;
                    for (BytesRef term = te.next(); term != null; term = te.next()) {
                        String text = term.utf8ToString();
                        postings = te.postings(postings, PostingsEnum.NONE);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                            termsBySection.get(keys[doc]).add(text);
                        }
                    }
                }
            }
            termsBySection.values().forEach(set -> set.forEach(t -> docFreq.merge(t, 1, Integer::sum)));
        }

        /**
         * The ranker for this language: fitted on the labelled texts (each ranked with its own group left out) when
         * there are enough of them, else the defaults. Depends only on the texts and the model: kept beside the vectors.
         */
        private Ranker fitRanker(List<LabelledTexts.Text> labelled, List<String> vectorTexts, List<String> policyTexts) {
            Ranker defaults = Ranker.defaults(embedder.lexicalWeight(), POLICY_WEIGHT);
            List<LabelledTexts.Text> usable = labelled.stream().filter(t -> titles.containsKey(t.key())).toList();
            if (!RANKER || usable.size() < Ranker.MIN_EXAMPLES) {
                return defaults;
            }
            List<String> inputs = new ArrayList<>(vectorTexts);
            inputs.add("\u0000policies");
            inputs.addAll(policyTexts);
            inputs.add("\u0000labelled");
            usable.forEach(t -> inputs.add(t.key() + "\t" + t.group() + "\t" + t.text()));
            inputs.add("\u0000" + RANKER_VERSION + " " + Ranker.SHRINK + " " + embedder.lexicalWeight() + " " + POLICY_WEIGHT);
            List<String> lines = vectors.derived(embedder, "ranker", inputs, () -> {
                List<float[]> qv = vectors.queryVectors(embedder, usable.stream().map(LabelledTexts.Text::text).toList());
                List<Ranker.Example> examples = new ArrayList<>();
                Analyzer queryAnalyzer = analyzers.query(language);
                for (int i = 0; i < usable.size(); i++) {
                    LabelledTexts.Text t = usable.get(i);
                    QuestionTerms terms = QuestionTerms.analyze(queryAnalyzer, t.text());
                    if (terms.isEmpty()) {
                        continue;
                    }
                    Evidence e = evidence(t.text(), terms, qv.get(i), t.group());
                    double[][] candidates = new double[sectionKeys.size()][];
                    for (int k = 0; k < candidates.length; k++) {
                        candidates[k] = e.features().getOrDefault(sectionKeys.get(k), new double[Ranker.FEATURES.size()]);
                    }
                    examples.add(new Ranker.Example(candidates, sectionKeys.indexOf(t.key()), t.group()));
                }
                return Ranker.fit(examples, defaults).lines();
            });
            Ranker r = Ranker.parse(lines, defaults);
            log.debug("ranker {}: fitted {}, scale {}, weights {} on {} labelled texts", language, r.fitted(), r.scale(),
                    java.util.Arrays.toString(r.weights()), usable.size());
            return r;
        }

        /**
         * Everything known about each section for one question: its ranking features, the lexical and meaning scores.
         *
         * @param exclude a labelled group to leave out (its passages and vectors), 0 for none
         */
        private Evidence evidence(String question, QuestionTerms terms, float[] vector, int exclude) {
            Analyzer queryAnalyzer = analyzers.query(language);
            QueryBuilder builder = new QueryBuilder(queryAnalyzer);
            BooleanQuery.Builder sectionQuery = new BooleanQuery.Builder();
            SECTION_FIELDS.forEach((field, weight) -> {
                Query q = builder.createBooleanQuery(field, question);
                if (q != null) {
                    sectionQuery.add(new BoostQuery(q, weight), BooleanClause.Occur.SHOULD);
                }
            });
            Query passageQuery = builder.createBooleanQuery("text", question);
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, List<Integer>> passageRanks = new HashMap<>();
            try {
                TopDocs top = sections.search(sectionQuery.build(), Math.max(sectionCount, 1));
                for (ScoreDoc sd : top.scoreDocs) {
                    scores.put(sectionDocKey[sd.doc], (double) sd.score);
                }
                Set<String> passageScored = new HashSet<>();
                if (passageQuery != null) {
                    TopDocs ptop = passages.search(passageQuery, 400);
                    for (ScoreDoc sd : ptop.scoreDocs) {
                        if (exclude != 0 && passageDocGroup[sd.doc] == exclude) {
                            continue;
                        }
                        String key = passageDocKey[sd.doc];
                        if (passageScored.add(key)) {
                            scores.merge(key, (double) (PASSAGE_WEIGHT * sd.score), Double::sum);
                        }
                        int ordinal = passageDocOrdinal[sd.doc];
                        if (ordinal >= 0) {
                            passageRanks.computeIfAbsent(key, k -> new ArrayList<>()).add(ordinal);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String lexicalTop = best(scores);
            double maxLexical = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            // One embedding per question (the dominant cost), shared by the sections and the "not covered" topics.
            float[] query = semantic == null ? null : vector != null ? vector : embedder.embedQuery(question);
            Map<String, Double> meaning = new HashMap<>();
            Map<String, double[]> features = new HashMap<>();
            if (query != null) {
                // per section: best, second, third cosine, best passage, summary
                Map<String, double[]> stats = new HashMap<>();
                Map<String, Map<Integer, Double>> faqCosines = new HashMap<>();
                double[] cosines = semantic.cosines(query);
                for (int row = 0; row < cosines.length; row++) {
                    if (exclude != 0 && rowGroup[row] == exclude) {
                        continue;
                    }
                    double c = cosines[row];
                    double[] st = stats.computeIfAbsent(semantic.key(row), k -> new double[] {Double.NEGATIVE_INFINITY,
                            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
                    if (c > st[0]) {
                        st[2] = st[1];
                        st[1] = st[0];
                        st[0] = c;
                    } else if (c > st[1]) {
                        st[2] = st[1];
                        st[1] = c;
                    } else if (c > st[2]) {
                        st[2] = c;
                    }
                    if (rowKind[row] == ROW_PASSAGE) {
                        st[3] = Math.max(st[3], c);
                        if (rowFaq[row] >= 0) {
                            faqCosines.computeIfAbsent(semantic.key(row), k -> new HashMap<>()).merge(rowFaq[row], c, Math::max);
                        }
                    } else if (rowKind[row] == ROW_SUMMARY) {
                        st[4] = Math.max(st[4], c);
                    }
                }
                Map<String, Double> prior = new HashMap<>();
                if (policyVectors != null) {
                    // Several policies: a section gains by how much more its policy as a whole is about the question
                    // than the average policy (no effect with one policy; keeps a policy rich in keywords from taking
                    // another's).
                    double[] pc = policyVectors.cosines(query);
                    double mean = java.util.Arrays.stream(pc).average().orElse(0);
                    for (int i = 0; i < pc.length; i++) {
                        prior.put(policyVectors.key(i), pc[i] - mean);
                    }
                }
                stats.forEach((key, st) -> {
                    double second = st[1] == Double.NEGATIVE_INFINITY ? st[0] - 0.1 : st[1];
                    double p = prior.getOrDefault(policyOf(key), 0.0);
                    meaning.put(key, (1 - SECOND_BEST_WEIGHT) * st[0] + SECOND_BEST_WEIGHT * second + POLICY_WEIGHT * p);
                    double[] f = new double[Ranker.FEATURES.size()];
                    f[Ranker.BEST] = st[0];
                    f[Ranker.SECOND] = second;
                    f[Ranker.POLICY] = p;
                    f[Ranker.LEXICAL] = scores.getOrDefault(key, 0.0) / Math.max(maxLexical, 1e-9);
                    f[Ranker.PASSAGE] = st[3] == Double.NEGATIVE_INFINITY ? second : st[3];
                    f[Ranker.SUMMARY] = st[4] == Double.NEGATIVE_INFINITY ? second : st[4];
                    f[Ranker.COVERAGE] = coverage(terms, termsBySection.getOrDefault(key, Set.of()));
                    f[Ranker.TOP3] = st[2] == Double.NEGATIVE_INFINITY ? (st[0] + second) / 2 : (st[0] + st[1] + st[2]) / 3;
                    features.put(key, f);
                });
                faqCosines.forEach((key, byOrdinal) -> passageRanks.computeIfPresent(key, (k, ranks) -> faqByMeaning(ranks, byOrdinal)));
            }
            return new Evidence(features, scores, lexicalTop, maxLexical, meaning, passageRanks, query);
        }

        /**
         * A section's matching passages with its FAQ entries in the places they hold, nearest the question in meaning
         * first: the entries share most of their words ("leave", "my"), so by words alone "can I do some work while on
         * parental leave?" led with "Does leave affect my bonus?" instead of "Can I work during my leave?". Other
         * passages keep their places (by meaning, a paragraph that says less of the question's words led too often).
         */
        private static List<Integer> faqByMeaning(List<Integer> ranks, Map<Integer, Double> cosine) {
            List<Integer> entries = new ArrayList<>(ranks.stream().filter(cosine::containsKey).distinct().toList());
            entries.sort(Comparator.comparingDouble((Integer i) -> -cosine.get(i)));
            List<Integer> out = new ArrayList<>(ranks.size());
            java.util.Iterator<Integer> next = entries.iterator();
            Set<Integer> placed = new HashSet<>();
            for (Integer i : ranks) {
                if (cosine.containsKey(i)) {
                    if (placed.add(i) && next.hasNext()) {
                        out.add(next.next());
                    }
                } else {
                    out.add(i);
                }
            }
            return out;
        }

        SearchHits search(String question, int max) {
            return search(question, max, null);
        }

        Map<String, double[]> features(String question) {
            QuestionTerms terms = QuestionTerms.analyze(analyzers.query(language), question);
            return terms.isEmpty() || semantic == null ? Map.of() : evidence(question, terms, null, 0).features();
        }

        /** @param vector the question's vector when already known, else null (embedded here) */
        private SearchHits search(String question, int max, float[] vector) {
            Analyzer queryAnalyzer = analyzers.query(language);
            QuestionTerms terms = QuestionTerms.analyze(queryAnalyzer, question);
            if (terms.isEmpty()) {
                return SearchHits.none();
            }
            Evidence ev = evidence(question, terms, vector, 0);
            Map<String, Double> scores = new LinkedHashMap<>(ev.lexical());
            Map<String, Double> semanticScores = ev.meaning();
            String lexicalTop = ev.lexicalTop();
            double maxLexical = ev.maxLexical();
            float[] query = ev.query();
            String semanticTop = best(semanticScores);
            double probability = Double.NaN;
            if (!semanticScores.isEmpty()) {
                // Hybrid: the ranker's weighted evidence (by default: meaning first, words second).
                Ranker r = ranker != null ? ranker : Ranker.defaults(embedder.lexicalWeight(), POLICY_WEIGHT);
                scores.clear();
                ev.features().forEach((key, f) -> scores.put(key, r.score(f)));
                if (policyVectors != null && EQUAL_EVIDENCE) {
                    betweenPoliciesOnEqualEvidence(scores, ev.features(), r);
                }
                probability = r.topProbability(scores.values().stream().mapToDouble(Double::doubleValue).toArray());
            }
            List<RankedSection> ranked = new ArrayList<>();
            scores.forEach((key, score) -> {
                int slash = key.indexOf('/');
                ranked.add(new RankedSection(key.substring(0, slash), key.substring(slash + 1), titles.get(key), score));
            });
            ranked.sort(Comparator.comparingDouble(RankedSection::score).reversed());
            List<RankedSection> best = ranked.subList(0, Math.min(max, ranked.size()));
            if (best.isEmpty()) {
                return SearchHits.none();
            }
            String topKey = best.getFirst().policyId() + "/" + best.getFirst().sectionId();
            double coverage = coverage(terms, termsBySection.getOrDefault(topKey, Set.of()));
            double topCosine = semanticScores.isEmpty() ? Double.NaN : semanticScores.getOrDefault(topKey, 0.0);
            double topSemantic = Double.isNaN(topCosine) ? Double.NaN : scaled(topCosine);
            double secondCosine = Double.NaN;
            if (best.size() > 1 && !semanticScores.isEmpty()) {
                secondCosine = semanticScores.getOrDefault(best.get(1).policyId() + "/" + best.get(1).sectionId(), 0.0);
            }
            // The nearest "not covered" topic, by meaning and by words.
            String topic = null;
            double topicCosine = Double.NaN;
            double topicCoverage = 0;
            if (topicVectors != null) {
                double[] cos = topicVectors.cosines(query != null ? query : embedder.embedQuery(question));
                for (int i = 0; i < cos.length; i++) {
                    if (Double.isNaN(topicCosine) || cos[i] > topicCosine) {
                        topicCosine = cos[i];
                        topic = topicVectors.key(i);
                    }
                }
            }
            for (int i = 0; i < topicTerms.size(); i++) {
                double c = coverage(terms, topicTerms.get(i));
                if (c > topicCoverage) {
                    topicCoverage = c;
                    if (topicVectors == null) {
                        topic = topics.get(i);
                    }
                }
            }
            Signals signals = new Signals(topCosine, secondCosine, best.size() > 1 ? best.get(1).score() : Double.NaN,
                    topKey.equals(lexicalTop), semanticTop == null || topKey.equals(semanticTop),
                    maxLexical, topic, topicCosine, topicCoverage, terms.groups().size(), probability);
            return new SearchHits(List.copyOf(best), coverage, topSemantic, ev.passageRanks(), signals);
        }

        /**
         * Several policies: within a policy all its evidence orders its sections, but between policies only the
         * evidence every policy has decides (its best passage, the policy prior, its words). A hand-tuned policy's
         * keyword phrases and quiz texts give its sections many more vectors to come near a question than an imported
         * one's; left alone they took most questions from an imported policy on the same subject (an information
         * security policy beside the social media one: right section first 0.35, alone 0.71). Each policy's scores
         * are shifted so that its best one equals its best equal-evidence score.
         */
        private static void betweenPoliciesOnEqualEvidence(Map<String, Double> scores, Map<String, double[]> features,
                                                           Ranker r) {
            Map<String, double[]> byPolicy = new HashMap<>(); // policy -> {best full score, best equal-evidence score}
            features.forEach((key, f) -> {
                double[] m = byPolicy.computeIfAbsent(policyOf(key),
                        k -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
                m[0] = Math.max(m[0], scores.get(key));
                m[1] = Math.max(m[1], r.sharedEvidenceScore(f));
            });
            // scores and features have the same keys, so every key's policy is in byPolicy
            scores.replaceAll((key, v) -> {
                double[] m = byPolicy.get(policyOf(key));
                return v - (m[0] - m[1]);
            });
        }

        /** The policy of a section key ("policy/section"). */
        private static String policyOf(String key) {
            return key.substring(0, key.indexOf('/'));
        }

        private double scaled(double cosine) {
            return Math.clamp((cosine - embedder.unrelatedBelow()) / (embedder.relatedAbove() - embedder.unrelatedBelow()), 0, 1);
        }

        private static String best(Map<String, Double> scores) {
            String key = null;
            double top = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, Double> e : scores.entrySet()) {
                if (e.getValue() > top) {
                    top = e.getValue();
                    key = e.getKey();
                }
            }
            return key;
        }

        /** The rarity-weighted share of the question's word groups that the section contains. */
        double coverage(QuestionTerms terms, Set<String> has) {
            double total = 0;
            double covered = 0;
            for (Set<String> group : terms.groups()) {
                // A group weighs as its most common word: if any synonym is common, the idea is a common one.
                double idf = Double.MAX_VALUE;
                boolean hit = false;
                for (String t : group) {
                    idf = Math.min(idf, idf(t));
                    hit |= has.contains(t);
                }
                total += idf;
                if (hit) {
                    covered += idf;
                }
            }
            return total == 0 ? 0 : covered / total;
        }

        /** BM25's idf over sections; a word no section has is as rare as can be. */
        private double idf(String term) {
            int df = docFreq.getOrDefault(term, 0);
            return Math.log(1 + (sectionCount - df + 0.5) / (df + 0.5));
        }
    }
}
