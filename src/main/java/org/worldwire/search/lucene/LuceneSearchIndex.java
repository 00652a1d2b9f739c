package org.worldwire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.model.Article;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchQuery;

/**
 * Articles in a Lucene index. Searches see new articles within {@link #REFRESH_MS}; commits happen every few
 * seconds and on close, and the highest committed article id is kept in the commit so that a restart can
 * re-index what a crash left uncommitted ({@link #committedMaxId()}).
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    static final long REFRESH_MS = 1_000;
    private static final long COMMIT_MS = 5_000;
    private static final String MAX_ID = "max_article_id";
    private static final int SNIPPETS = 50;
    /** Text indexed with offsets, so the highlighter reads passages from the postings instead of re-analysing. */
    private static final org.apache.lucene.document.FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    /**
     * A refresh a second under ingest flushes a small segment a second, and merging them took a quarter of the
     * server's CPU in {@code bench pipeline}: twice the segments per tier halves how often a document is rewritten,
     * for a few more segments per search.
     */
    private static org.apache.lucene.index.TieredMergePolicy mergePolicy() {
        var p = new org.apache.lucene.index.TieredMergePolicy();
        p.setSegmentsPerTier(20);
        p.setMaxMergeAtOnce(20);
        return p;
    }

    private static org.apache.lucene.document.FieldType textWithOffsets() {
        var t = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService maintenance;
    private volatile long maxIndexedId;
    /**
     * No article above this id is in the index (it is the highest at open, or since indexed): such an article is
     * added, without the delete-by-id an update costs at every flush in every segment.
     */
    private long maxPresentId;

    private LuceneSearchIndex(Path dir) throws IOException {
        directory = FSDirectory.open(dir);
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(8) // the heap is a budget; near-real-time refreshes flush far sooner anyway
                .setMergePolicy(mergePolicy());
        writer = new IndexWriter(directory, cfg);
        maxIndexedId = readCommittedMaxId(writer);
        searchers = new SearcherManager(writer, null);
        maxPresentId = maxIdIn(searchers);
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lucene-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::backgroundRefresh, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::commit, COMMIT_MS, COMMIT_MS, TimeUnit.MILLISECONDS);
    }

    public static LuceneSearchIndex open(Path dir) {
        try {
            return new LuceneSearchIndex(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The highest article id in the last commit: articles above it may need indexing after a crash. */
    public long committedMaxId() {
        try {
            return readCommittedMaxId(writer);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The highest article id in the index, committed or not. */
    private static long maxIdIn(SearcherManager searchers) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new MatchAllDocsQuery(), 1,
                    new Sort(new SortField("id_sort", SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) return 0;
            return Long.parseLong(s.storedFields().document(top.scoreDocs[0].doc).get("id"));
        } finally {
            searchers.release(s);
        }
    }

    private static long readCommittedMaxId(IndexWriter w) throws IOException {
        Iterable<Map.Entry<String, String>> data = w.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(MAX_ID)) return Long.parseLong(e.getValue());
            }
        }
        return 0;
    }

    @Override
    public void index(Article a) {
        Document doc = new Document();
        String id = Long.toString(a.id());
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new LongPoint("id_point", a.id()));
        doc.add(new NumericDocValuesField("id_sort", a.id()));
        doc.add(new StringField("source", Long.toString(a.sourceId()), Field.Store.NO));
        if (a.language() != null) doc.add(new StringField("language", a.language(), Field.Store.NO));
        for (String c : a.countries()) doc.add(new StringField("country", c, Field.Store.NO));
        doc.add(new TextField("title", a.title(), Field.Store.YES));
        String text = a.paragraphs().isEmpty() && a.summary() != null ? a.summary() : a.text();
        doc.add(new Field("text", text, TEXT_WITH_OFFSETS));
        boolean fresh;
        synchronized (this) {
            fresh = a.id() > maxPresentId;
            if (fresh) maxPresentId = a.id();
        }
        try {
            if (fresh) writer.addDocument(doc);
            else writer.updateDocument(new Term("id", id), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing article " + a.id() + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            if (a.id() > maxIndexedId) maxIndexedId = a.id();
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery q) {
        Query query = buildQuery(q);
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TopDocs top = q.order() == SearchQuery.Order.NEWEST
                    ? searcher.search(query, q.limit(), new Sort(new SortField("id_sort", SortField.Type.LONG, true)))
                    : searcher.search(query, q.limit());
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(20_000)
                    .build();
            // Snippets are for people reading a page of results: only the first ones are highlighted, so a
            // program asking for a thousand ids does not pay for a thousand passages.
            ScoreDoc[] shown = java.util.Arrays.copyOf(top.scoreDocs, Math.min(top.scoreDocs.length, SNIPPETS));
            String[] snippets = shown.length == 0 ? new String[0]
                    : highlighter.highlight("text", query, new TopDocs(top.totalHits, shown), 2);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            var stored = searcher.storedFields();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                long id = Long.parseLong(stored.document(sd.doc).get("id"));
                String snippet = i < snippets.length && snippets[i] != null ? snippets[i] : "";
                hits.add(new SearchHit(id, Float.isNaN(sd.score) ? 0f : sd.score, snippet));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("releasing a searcher failed error={}", e.toString());
            }
        }
    }

    private Query buildQuery(SearchQuery q) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"title", "text"}, analyzer,
                Map.of("title", 2f, "text", 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query text;
        try {
            text = parser.parse(q.text().isBlank() ? "*:*" : q.text());
        } catch (ParseException | IllegalArgumentException e) {
            // Readers type plain words, not query syntax: a stray quote or colon must not fail the search.
            try {
                text = parser.parse(QueryParser.escape(q.text()));
            } catch (ParseException again) {
                text = new BooleanQuery.Builder().build();
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        filter(b, "country", q.country());
        filter(b, "language", q.language());
        filter(b, "source", q.sourceId() == null ? null : Long.toString(q.sourceId()));
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, @Nullable String value) {
        if (value != null) b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }

    @Override
    public long size() {
        return writer.getDocStats().numDocs;
    }

    /** Whether the article is in the index as of the last refresh. */
    public boolean contains(long articleId) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new TermQuery(new Term("id", Long.toString(articleId)))) > 0;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("looking up article " + articleId + " in the index: " + e.getMessage(), e);
        }
    }

    private void backgroundRefresh() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.error("search index refresh failed error={}", e.toString());
        }
    }

    /** Makes everything indexed so far visible to searches now (waiting for a refresh under way). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            log.error("search index refresh failed error={}", e.toString());
        }
    }

    /** Makes everything indexed so far durable. */
    public synchronized void commit() {
        try {
            if (!writer.isOpen()) return;
            writer.setLiveCommitData(Map.of(MAX_ID, Long.toString(maxIndexedId)).entrySet());
            writer.commit();
        } catch (IOException | RuntimeException e) {
            log.error("search index commit failed error={}", e.toString());
        }
    }

    @Override
    public void close() {
        // shutdown(), not shutdownNow(): an interrupt during a scheduled commit or refresh closes the index's file
        // channels, and the writer then fails for good ("this writer hit an unrecoverable error"). Let the task under
        // way end, then commit once.
        maintenance.shutdown();
        try {
            if (!maintenance.awaitTermination(5, TimeUnit.SECONDS)) log.error("search index maintenance still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commit();
        try {
            searchers.close();
            // Everything is committed: rollback() closes the writer without waiting for background merges to finish
            // (close() would, for seconds on a busy machine) and without a second commit. An unfinished merge is
            // simply redone later; anything a failed commit left out is re-indexed at the next start.
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the search index: " + e.getMessage(), e);
        }
    }
}
