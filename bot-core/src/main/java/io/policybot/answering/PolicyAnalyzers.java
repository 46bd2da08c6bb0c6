package io.policybot.answering;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains, per language: one for indexing the policy and one for questions, which adds the synonym map
 * (employer/company, X/Twitter, boss/manager...). English stems with Porter; Chinese segments with smartcn.
 * Languages without a chain of their own get the standard analyzer.
 */
public final class PolicyAnalyzers {
    /** Words that carry the question's form, not its topic ("can I", "should we"). */
    private static final List<String> QUESTION_WORDS = List.of("i", "me", "my", "mine", "we", "our", "us", "you", "your",
            "can", "could", "may", "might", "should", "would", "shall", "must", "do", "does", "did", "am", "have", "has",
            "had", "what", "when", "where", "which", "who", "whom", "whose", "why", "how", "ok", "okay", "allowed",
            "please", "someone", "somebody", "anyone", "anything", "something", "about", "any", "some", "so", "it's",
            "i'm", "what's", "there's", "get", "got", "let", "go", "going", "want", "need", "also", "just", "really",
            "from", "up", "out", "all", "been", "being", "here", "would", "im", "whats", "he", "she", "his", "her",
            "him", "them", "its", "were", "very", "too", "only", "own", "same", "than", "yes");

    private final Analyzer englishIndex;
    private final Analyzer englishQuery;
    /** Index and query analyzers for Chinese, made on first use: smartcn's dictionaries take ~0.3 s to load. */
    private volatile Analyzer[] chinese;
    private final Analyzer standard = new StandardAnalyzer();

    public PolicyAnalyzers() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(QUESTION_WORDS);
        CharArraySet englishStop = CharArraySet.unmodifiableSet(stop);
        SynonymMap englishSynonyms = synonyms("synonyms-en.txt", new LowercaseOnly());
        this.englishIndex = new English(englishStop, null);
        this.englishQuery = new English(englishStop, englishSynonyms);
    }

    private Analyzer[] chinese() {
        Analyzer[] c = chinese;
        if (c == null) {
            synchronized (this) {
                c = chinese;
                if (c == null) {
                    SynonymMap chineseSynonyms = synonyms("synonyms-zh.txt", new ChineseTokens());
                    CharArraySet chineseStop = SmartChineseAnalyzer.getDefaultStopSet();
                    c = new Analyzer[] {new Chinese(chineseStop, null), new Chinese(chineseStop, chineseSynonyms)};
                    chinese = c;
                }
            }
        }
        return c;
    }

    public Analyzer index(String language) {
        return switch (language) {
            case "en" -> englishIndex;
            case "zh" -> chinese()[0];
            default -> standard;
        };
    }

    public Analyzer query(String language) {
        return switch (language) {
            case "en" -> englishQuery;
            case "zh" -> chinese()[1];
            default -> standard;
        };
    }

    private static SynonymMap synonyms(String resource, Analyzer tokens) {
        try (Reader in = new InputStreamReader(PolicyAnalyzers.class.getResourceAsStream("/answering/" + resource),
                StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, tokens);
            parser.parse(in);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("bad synonym file " + resource + ": " + e.getMessage(), e);
        }
    }

    /** English: standard tokens, possessives off, lowercase, folded accents, [synonyms], stop words, Porter stems. */
    private static final class English extends Analyzer {
        private final CharArraySet stop;
        private final SynonymMap synonyms;

        English(CharArraySet stop, SynonymMap synonyms) {
            this.stop = stop;
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            if (synonyms != null) {
                ts = new SynonymGraphFilter(ts, synonyms, true);
            }
            ts = new StopFilter(ts, stop);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    }

    /** Chinese: smartcn word segmentation, [synonyms], stop words, lowercase and stems for embedded English. */
    private static final class Chinese extends Analyzer {
        private final CharArraySet stop;
        private final SynonymMap synonyms;

        Chinese(CharArraySet stop, SynonymMap synonyms) {
            this.stop = stop;
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new HMMChineseTokenizer();
            TokenStream ts = new LowerCaseFilter(source);
            if (synonyms != null) {
                ts = new SynonymGraphFilter(ts, synonyms, true);
            }
            ts = new StopFilter(ts, stop);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    }

    /** Reads synonym lines into the words the query chain sees before its synonym filter. */
    private static final class LowercaseOnly extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source))));
        }
    }

    private static final class ChineseTokens extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new HMMChineseTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    }
}
