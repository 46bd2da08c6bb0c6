package io.policybot.answering;

import io.policybot.content.ContentLibrary;
import io.policybot.content.Passage;
import io.policybot.content.Policy;
import io.policybot.content.PolicyDocument;
import io.policybot.content.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The yardstick: plain BM25 over each section's raw text with Lucene's standard analyzer (no stemming, no
 * synonyms, no field weights, never declines when anything matches). {@code policybot eval} shows it beside the engine.
 */
public final class BaselineRetriever {
    private final Map<String, IndexSearcher> byLanguage = new HashMap<>();
    private final StandardAnalyzer analyzer = new StandardAnalyzer();

    public BaselineRetriever(ContentLibrary library) {
        Map<String, ByteBuffersDirectory> dirs = new HashMap<>();
        try {
            Map<String, IndexWriter> writers = new HashMap<>();
            for (Policy policy : library.all()) {
                for (PolicyDocument doc : policy.documents().values()) {
                    IndexWriter w = writers.computeIfAbsent(doc.language(), lang -> {
                        ByteBuffersDirectory dir = new ByteBuffersDirectory();
                        dirs.put(lang, dir);
                        try {
                            return new IndexWriter(dir, new IndexWriterConfig(analyzer));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    for (Section s : doc.sections()) {
                        StringBuilder text = new StringBuilder(s.title()).append('\n').append(s.shortAnswer());
                        for (Passage p : s.passages()) {
                            text.append('\n').append(p.plain());
                        }
                        Document d = new Document();
                        d.add(new StringField("key", policy.id() + "/" + s.id(), Field.Store.YES));
                        d.add(new TextField("text", text.toString(), Field.Store.NO));
                        w.addDocument(d);
                    }
                }
            }
            for (Map.Entry<String, IndexWriter> e : writers.entrySet()) {
                e.getValue().close();
                byLanguage.put(e.getKey(), new IndexSearcher(DirectoryReader.open(dirs.get(e.getKey()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Section keys "policy/section", best first. */
    public List<String> rank(String language, String question, int max) {
        IndexSearcher searcher = byLanguage.get(language);
        Query q = searcher == null ? null : new QueryBuilder(analyzer).createBooleanQuery("text", QuestionAnswerer.normalise(question));
        List<String> keys = new ArrayList<>();
        if (q == null) {
            return keys;
        }
        try {
            for (ScoreDoc sd : searcher.search(q, max).scoreDocs) {
                keys.add(searcher.storedFields().document(sd.doc).get("key"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}
