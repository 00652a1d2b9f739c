package org.worldwire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.model.Article;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchResult;
import org.worldwire.search.SearchSyntax;
import org.worldwire.search.SearchSyntaxException;

/**
 * Articles in a Lucene index. Searches see new articles within {@link #REFRESH_MS}; commits happen every few
 * seconds and on close, and the highest committed article id is kept in the commit so that a restart can
 * re-index what a crash left uncommitted ({@link #committedMaxId()}). An index written with another field layout
 * ({@link #SCHEMA}) is started afresh empty, and the restart's catch-up indexes every stored article again.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    static final long REFRESH_MS = 1_000;
    private static final long COMMIT_MS = 5_000;
    private static final String MAX_ID = "max_article_id";
    private static final String SCHEMA_KEY = "schema";
    /** The field layout below; a change of it makes {@link #open} start an empty index. */
    static final String SCHEMA = "3";
    private static final String ID = "id";
    private static final String ID_SORT = "id_sort";
    private static final String TIME = "time";
    /**
     * Text kept for passages: matches beyond are found but not shown. A news article's first few thousand characters
     * hold its story, and the stored text is most of the index's size.
     */
    static final int STORED_TEXT = 4_000;
    private static final int PASSAGES = 2;
    /**
     * News order: recency adds {@code WEIGHT * PIVOT / (PIVOT + age)} to the text score. A day-old article keeps half
     * the bonus, a week-old one an eighth, a month-old one a thirtieth: a news reader's "latest first, among good
     * matches". BM25 gives a word matched in title and text about 4 to 12 here (title counts twice), so the bonus
     * of 6 lets today's report beat last month's even when it matches noticeably less well, while a report that
     * does not match one of the words never appears at all (every word must match).
     */
    static final float NEWS_WEIGHT = 6f;

    static final long NEWS_PIVOT_MS = 24 * 3600_000L;
    /** Text indexed with offsets, so the highlighter reads passages from the postings instead of re-analysing. */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    /**
     * A refresh a second under ingest flushes a small segment a second, and merging them took a quarter of the
     * server's CPU in {@code bench pipeline}: twice the segments per tier halves how often a document is rewritten,
     * for a few more segments per search.
     */
    private static TieredMergePolicy mergePolicy() {
        var p = new TieredMergePolicy();
        p.setSegmentsPerTier(20);
        p.setMaxMergeAtOnce(20);
        return p;
    }

    private static FieldType textWithOffsets() {
        var t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private final Directory directory;
    private final Languages languages = new Languages();
    private final Queries queries = new Queries(languages);
    /** An eighth of the heap at most: about 7 bytes an article, so the columns of 1.8 million in a 100 MB heap. */
    private final FacetColumns facetColumns = new FacetColumns(Runtime.getRuntime().maxMemory() / 8, FacetColumns.MIN_DOCS);
    private final InstantSource clock;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService maintenance;
    /** What is derived once per searcher (the highlighter, the languages present), not once per search. */
    private volatile @Nullable PerSearcher perSearcher;
    private volatile long maxIndexedId;
    /**
     * No article above this id is in the index (it is the highest at open, or since indexed): such an article is
     * added, without the delete-by-id an update costs at every flush in every segment.
     */
    private long maxPresentId;

    private LuceneSearchIndex(Path dir, InstantSource clock) throws IOException {
        this.clock = clock;
        directory = FSDirectory.open(dir);
        boolean stale = DirectoryReader.indexExists(directory)
                && !SCHEMA.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY));
        if (stale) log.warn("search index has an older layout, starting it afresh dir={}", dir);
        IndexWriterConfig cfg = new IndexWriterConfig(languages.analyzer(Languages.OTHER))
                .setOpenMode(stale ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(8) // the heap is a budget; near-real-time refreshes flush far sooner anyway
                .setMergePolicy(mergePolicy())
                // Newest first within every segment: the news order stops reading a segment once older articles
                // cannot make the page (see Ranker), and the newest order once the page is full.
                .setIndexSort(NEWEST);
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
        return open(dir, InstantSource.system());
    }

    /** @param clock the "now" that news order measures an article's age from */
    public static LuceneSearchIndex open(Path dir, InstantSource clock) {
        try {
            return new LuceneSearchIndex(dir, clock);
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
            TopDocs top = s.search(new MatchAllDocsQuery(), 1, new Sort(new SortField(ID_SORT, SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) return 0;
            return (Long) ((FieldDoc) top.scoreDocs[0]).fields[0];
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
        Document doc = document(a);
        boolean fresh;
        synchronized (this) {
            fresh = a.id() > maxPresentId;
            if (fresh) maxPresentId = a.id();
        }
        try {
            if (fresh) writer.addDocument(doc);
            else writer.updateDocument(new Term(ID, Long.toString(a.id())), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing article " + a.id() + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            if (a.id() > maxIndexedId) maxIndexedId = a.id();
        }
    }

    /**
     * The id is a term (to replace by) and a number (to read hits by, without loading stored fields); time, source,
     * country and language are points and doc values (filters, order, facets); title and text are analysed in the
     * article's language, and only the text's beginning is stored, for passages.
     */
    private Document document(Article a) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_SORT, a.id()));
        doc.add(new LongField(TIME, a.shownTime().toEpochMilli(), Field.Store.NO));
        doc.add(new LongField(FacetCounter.SOURCE, a.sourceId(), Field.Store.NO));
        if (a.language() != null) doc.add(new KeywordField(FacetCounter.LANGUAGE, a.language(), Field.Store.NO));
        for (String c : new java.util.LinkedHashSet<>(a.countries())) doc.add(new KeywordField(FacetCounter.COUNTRY, c, Field.Store.NO));
        String key = Languages.key(a.language());
        doc.add(new StringField(Queries.ANALYSIS, key, Field.Store.NO));
        Analyzer analyzer = languages.analyzer(key);
        doc.add(new Field(Queries.TITLE, analyzer.tokenStream(Queries.TITLE, a.title()), TextField.TYPE_NOT_STORED));
        String text = a.paragraphs().isEmpty() && a.summary() != null ? a.summary() : a.text();
        doc.add(new Field(Queries.TEXT, analyzer.tokenStream(Queries.TEXT, text), TEXT_WITH_OFFSETS));
        doc.add(new StoredField(Queries.TEXT, text.length() > STORED_TEXT ? text.substring(0, STORED_TEXT) : text));
        return doc;
    }

    @Override
    public SearchResult search(SearchQuery q) {
        SearchSyntax.Node node = SearchSyntax.parse(q.text());
        Cursor after = q.cursor() == null ? null : Cursor.decode(q.cursor(), q);
        long origin = after != null ? after.origin() : clock.millis();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            PerSearcher per = perSearcher(searcher);
            String languageKey = q.filters().language() == null ? null : Languages.key(q.filters().language());
            Query text = queries.build(node, languageKey != null ? List.of(languageKey) : per.keys());
            return run(searcher, per, q, filtered(text, q.filters()), text, after, origin);
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

    private static Query filtered(Query ranked, SearchQuery.Filters f) {
        if (f.country() == null && f.language() == null && f.sourceId() == null && f.from() == null && f.to() == null) {
            return ranked;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(ranked, Occur.MUST);
        if (f.country() != null) b.add(new TermQuery(new Term(FacetCounter.COUNTRY, f.country())), Occur.FILTER);
        if (f.language() != null) b.add(new TermQuery(new Term(FacetCounter.LANGUAGE, f.language())), Occur.FILTER);
        if (f.sourceId() != null) b.add(LongField.newExactQuery(FacetCounter.SOURCE, f.sourceId()), Occur.FILTER);
        if (f.from() != null || f.to() != null) {
            long from = f.from() == null ? Long.MIN_VALUE : f.from().toEpochMilli();
            long to = f.to() == null ? Long.MAX_VALUE : f.to().toEpochMilli() - 1; // "to" is exclusive
            b.add(LongField.newRangeQuery(TIME, from, to), Occur.FILTER);
        }
        return b.build();
    }

    /** Newest first, the id breaking ties so that a cursor names one place in the order. */
    private static final Sort NEWEST = new Sort(LongField.newSortField(TIME, true, SortedNumericSelector.Type.MAX),
            new SortField(ID_SORT, SortField.Type.LONG, true));

    /** {@link SearchResult#total()} is exact up to this many matches at least. */
    private static final int EXACT_TOTAL = 10_000;

    /**
     * Ranks with skipping, with one weight (the terms looked up once). The ranking scores only what may make the page
     * and counts the total on the way ({@link Ranker}; for the newest order, Lucene stops each segment once the page
     * is full, the index being sorted by time, and the total is counted apart). The total stops at
     * {@link #EXACT_TOTAL}, or comes exact from the facet pass when facets are asked.
     *
     * @param matching what matches and scores as text (the text and filters)
     */
    private SearchResult run(IndexSearcher searcher, PerSearcher per, SearchQuery q, Query matching, Query text,
            @Nullable Cursor after, long origin) throws IOException {
        int k = q.limit() + 1;
        Query rewritten = searcher.rewrite(matching);
        boolean facets = !q.facets().isEmpty();
        ScoreDoc[] found;
        long total = 0;
        boolean[] counted = null;
        Weight ranked = null;
        if (q.order() == SearchQuery.Order.NEWEST) {
            FieldDoc fd = after == null ? null : new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {after.time(), after.id()});
            found = searcher.search(rewritten, new TopFieldCollectorManager(NEWEST, k, fd, k)).scoreDocs;
        } else {
            ranked = searcher.createWeight(rewritten, ScoreMode.TOP_SCORES, 1f);
            ScoreDoc sd = after == null ? null : new ScoreDoc(docOf(searcher, after.id()), after.score());
            Ranker.Top top = Ranker.top(searcher, ranked, k, sd, q.order() == SearchQuery.Order.NEWS, TIME, origin, NEWS_WEIGHT,
                    NEWS_PIVOT_MS, facets ? 0 : EXACT_TOTAL);
            found = top.hits();
            total = top.matches();
            counted = top.counted();
        }
        FacetCounter counts = null;
        if (facets) {
            // Every match, unscored, in bulk (Lucene's bulk scorers hand over whole windows of documents at once).
            Weight all = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
            counts = new FacetCounter(q.facets(), facetColumns);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) forEachMatch(all, leaf, counts.getLeafCollector(leaf));
            total = counts.matches;
        } else if (total < EXACT_TOTAL) {
            // The ranking's weight, its terms already looked up: a second weight, and a bulk scorer's windows over a
            // million documents, cost more than walking a few thousand sparse matches (measured on one-word queries).
            Weight w = ranked != null ? ranked : searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                if (total >= EXACT_TOTAL) break;
                if (counted == null || !counted[leaf.ord]) total += count(w, leaf, EXACT_TOTAL - total);
            }
        }
        // One more than the page was asked for: whether it exists says whether there is a next page.
        boolean more = found.length > q.limit();
        ScoreDoc[] page = more ? Arrays.copyOf(found, q.limit()) : found;
        long[] ids = ids(searcher, page);
        String[] snippets = q.highlight() && page.length > 0
                ? per.highlighter().highlight(Queries.TEXT, text,
                        new TopDocs(new TotalHits(page.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), page), PASSAGES)
                : null;
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            String snippet = snippets == null || snippets[i] == null ? "" : snippets[i];
            hits.add(new SearchHit(ids[i], score, snippet));
        }
        String next = null;
        if (more) {
            ScoreDoc last = page[page.length - 1];
            long time = last instanceof FieldDoc fd ? (Long) fd.fields[0] : 0;
            float score = Float.isNaN(last.score) ? 0f : last.score;
            next = new Cursor(q.order(), Cursor.fingerprint(q), origin, score, time, ids[ids.length - 1]).encode();
        }
        boolean exact = counts != null || total < EXACT_TOTAL;
        if (!exact) total = EXACT_TOTAL;
        return new SearchResult(hits, total, exact, counts == null ? Map.of() : counts.result(), next);
    }

    /** Feeds every live match of the weight in the segment to the collector, in bulk. */
    private static void forEachMatch(Weight weight, LeafReaderContext leaf, LeafCollector collector) throws IOException {
        BulkScorer bulk = weight.bulkScorer(leaf);
        if (bulk != null) bulk.score(collector, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
        collector.finish();
    }

    /**
     * Matches of the query in a segment, counted up to {@code cap}: from the index statistics where the segment knows
     * them (a single term without deletions), else by walking the matches unscored until the cap.
     */
    private static long count(Weight w, LeafReaderContext leaf, long cap) throws IOException {
        int known = w.count(leaf);
        if (known >= 0) return known;
        Scorer scorer = w.scorer(leaf);
        if (scorer == null) return 0;
        Bits live = leaf.reader().getLiveDocs();
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        long n = 0;
        for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS && n < cap; d = it.nextDoc()) {
            if (live != null && !live.get(d)) continue;
            if (twoPhase != null && !twoPhase.matches()) continue;
            n++;
        }
        return n;
    }

    /** Article ids of hits from the id doc values, in one forward pass per segment. */
    private static long[] ids(IndexSearcher searcher, ScoreDoc[] page) throws IOException {
        long[] ids = new long[page.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] order = new Integer[page.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(page[x].doc, page[y].doc));
        NumericDocValues dv = null;
        int leaf = -1;
        for (int i : order) {
            int doc = page[i].doc;
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                dv = DocValues.getNumeric(leaves.get(l).reader(), ID_SORT);
            }
            int local = doc - leaves.get(l).docBase;
            ids[i] = dv.advanceExact(local) ? dv.longValue() : 0;
        }
        return ids;
    }

    /**
     * The doc id of an article in this searcher, for a relevance cursor: hits of equal score are ordered by doc id,
     * which holds still while the index does. An article deleted meanwhile places the cursor after its score's ties.
     */
    private static int docOf(IndexSearcher searcher, long articleId) throws IOException {
        BytesRef term = new BytesRef(Long.toString(articleId));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var terms = leaf.reader().terms(ID);
            if (terms == null) continue;
            var te = terms.iterator();
            if (!te.seekExact(term)) continue;
            var postings = te.postings(null, PostingsEnum.NONE);
            var live = leaf.reader().getLiveDocs();
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                if (live == null || live.get(d)) return leaf.docBase + d;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The highlighter and the analysis keys present, made once per searcher (a second's worth of searches). */
    private record PerSearcher(IndexSearcher searcher, UnifiedHighlighter highlighter, List<String> keys) {}

    private PerSearcher perSearcher(IndexSearcher searcher) throws IOException {
        PerSearcher p = perSearcher;
        if (p != null && p.searcher() == searcher) return p;
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, languages.analyzer(Languages.OTHER))
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(STORED_TEXT)
                .withMaxNoHighlightPassages(0)
                .withHandleMultiTermQuery(true)
                .withWeightMatches(false)
                .build();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var terms = leaf.reader().terms(Queries.ANALYSIS);
            if (terms == null) continue;
            var te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) present.add(t.utf8ToString());
        }
        List<String> keys = new ArrayList<>();
        for (String k : languages.keys()) if (present.contains(k)) keys.add(k);
        if (keys.isEmpty()) keys.add(Languages.OTHER);
        p = new PerSearcher(searcher, h, List.copyOf(keys));
        perSearcher = p;
        return p;
    }

    /**
     * Where the previous page ended, handed out opaque: the order and a fingerprint of the query it belongs to (so
     * that it is refused on another), the "now" news order measured ages from (so that scores hold still from page
     * to page), and the last hit's score, time and article id.
     */
    record Cursor(SearchQuery.Order order, int fingerprint, long origin, float score, long time, long id) {
        private static final byte VERSION = 1;

        static int fingerprint(SearchQuery q) {
            return (q.text().strip() + '|' + q.filters()).hashCode();
        }

        String encode() {
            ByteBuffer b = ByteBuffer.allocate(1 + 1 + 4 + 8 + 4 + 8 + 8);
            b.put(VERSION).put((byte) order.ordinal()).putInt(fingerprint).putLong(origin).putFloat(score).putLong(time).putLong(id);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
        }

        static Cursor decode(String s, SearchQuery q) {
            byte[] bytes;
            try {
                bytes = Base64.getUrlDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw bad();
            }
            if (bytes.length != 34 || bytes[0] != VERSION) throw bad();
            ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            int order = b.get();
            Cursor c = new Cursor(order >= 0 && order < SearchQuery.Order.values().length ? SearchQuery.Order.values()[order] : null,
                    b.getInt(), b.getLong(), b.getFloat(), b.getLong(), b.getLong());
            if (c.order() != q.order() || c.fingerprint() != fingerprint(q) || Float.isNaN(c.score())) throw bad();
            return c;
        }

        private static SearchSyntaxException bad() {
            return new SearchSyntaxException("the cursor is not one this search handed out: start again from the first page", -1);
        }
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
                return searcher.count(new TermQuery(new Term(ID, Long.toString(articleId)))) > 0;
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
    @Override
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
            writer.setLiveCommitData(Map.of(MAX_ID, Long.toString(maxIndexedId), SCHEMA_KEY, SCHEMA).entrySet());
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
