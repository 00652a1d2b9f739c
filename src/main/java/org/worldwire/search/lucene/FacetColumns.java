package org.worldwire.search.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.jspecify.annotations.Nullable;

/**
 * The facet values of a large segment's documents, read once from its doc values into small arrays (a source
 * ordinal, a language ordinal and up to two country ordinals per document, about 7 bytes), so that a facet count
 * costs an array read per match instead of three doc-values lookups (which took two thirds of a facet count over a
 * few hundred thousand matches). A segment never changes, so its columns serve every searcher until the segment is
 * merged away; they are dropped when the segment closes. The memory is bounded: a segment that would take the
 * columns past the budget is counted from its doc values, as small segments (a second's worth of new articles) always
 * are.
 */
final class FacetColumns {
    /** Segments below this many documents are counted from doc values: cheap enough, and they are merged soon. */
    static final int MIN_DOCS = 20_000;
    private final int minDocs;
    /** Marks a segment whose values do not fit the arrays (too many distinct values). */
    private static final Segment UNFIT = new Segment(new char[0], new long[0], new byte[0], new String[0], new char[0],
            new char[0], new int[0], new int[1], new char[0], new String[0], 0);

    /**
     * One segment's columns. Ordinals are stored plus one, 0 meaning no value.
     *
     * @param country2 the second country, or {@link #MORE} when the document has more than two (then in {@code more})
     * @param moreDocs the documents that have more than two countries, ascending
     * @param moreStart where each of those documents' countries after the first begin in {@code moreOrds} (one more
     *     entry than documents, the end)
     */
    record Segment(char[] source, long[] sources, byte[] language, String[] languages, char[] country1, char[] country2,
            int[] moreDocs, int[] moreStart, char[] moreOrds, String[] countries, long bytes) {
        static final char MORE = 0xFFFF;
    }

    private final long budget;
    private final AtomicLong used = new AtomicLong();
    private final Map<Object, Segment> bySegment = new ConcurrentHashMap<>();

    /**
     * @param budget bytes the columns may take in all
     * @param minDocs the smallest segment given columns
     */
    FacetColumns(long budget, int minDocs) {
        this.budget = budget;
        this.minDocs = minDocs;
    }

    /** The segment's columns, made on first use; null when it is counted from its doc values. */
    @Nullable Segment of(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null || reader.maxDoc() < minDocs) return null;
        Object key = helper.getKey();
        Segment s = bySegment.get(key);
        if (s == null) {
            if (used.get() + 7L * reader.maxDoc() > budget) return null;
            s = build(reader);
            if (s != UNFIT && used.addAndGet(s.bytes()) > budget) {
                used.addAndGet(-s.bytes());
                return null;
            }
            Segment had = bySegment.putIfAbsent(key, s);
            if (had != null) {
                if (s != UNFIT) used.addAndGet(-s.bytes()); // another search made them meanwhile
                s = had;
            } else {
                helper.addClosedListener(k -> {
                    Segment gone = bySegment.remove(k);
                    if (gone != null && gone != UNFIT) used.addAndGet(-gone.bytes());
                });
            }
        }
        return s == UNFIT ? null : s;
    }

    /** Bytes held now, for tests. */
    long used() {
        return used.get();
    }

    private static Segment build(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        SortedSetDocValues language = DocValues.getSortedSet(reader, FacetCounter.LANGUAGE);
        SortedSetDocValues country = DocValues.getSortedSet(reader, FacetCounter.COUNTRY);
        if (language.getValueCount() > 254 || country.getValueCount() > 0xFFFE - 1) return UNFIT;
        // sources: the distinct values first, then each document's place among them
        long[] raw = new long[maxDoc];
        boolean[] has = new boolean[maxDoc];
        SortedNumericDocValues source = DocValues.getSortedNumeric(reader, FacetCounter.SOURCE);
        for (int d = source.nextDoc(); d != SortedNumericDocValues.NO_MORE_DOCS; d = source.nextDoc()) {
            if (source.docValueCount() != 1) return UNFIT; // one source per article
            raw[d] = source.nextValue();
            has[d] = true;
        }
        long[] distinct = raw.clone();
        Arrays.sort(distinct);
        int n = 0;
        for (int i = 0; i < distinct.length; i++) if (i == 0 || distinct[i] != distinct[i - 1]) distinct[n++] = distinct[i];
        if (n > 0xFFFE) return UNFIT;
        long[] sources = Arrays.copyOf(distinct, n);
        char[] sourceOrd = new char[maxDoc];
        for (int d = 0; d < maxDoc; d++) if (has[d]) sourceOrd[d] = (char) (Arrays.binarySearch(sources, raw[d]) + 1);
        raw = null;
        has = null;
        byte[] languageOrd = new byte[maxDoc];
        for (int d = language.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = language.nextDoc()) {
            languageOrd[d] = (byte) (language.nextOrd() + 1); // one language per article; a second one is left out
        }
        char[] country1 = new char[maxDoc];
        char[] country2 = new char[maxDoc];
        var moreDocs = new org.apache.lucene.util.IntsRefBuilder();
        var moreStart = new org.apache.lucene.util.IntsRefBuilder();
        var moreOrds = new StringBuilder();
        for (int d = country.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = country.nextDoc()) {
            int count = country.docValueCount();
            country1[d] = (char) (country.nextOrd() + 1);
            if (count == 2) {
                country2[d] = (char) (country.nextOrd() + 1);
            } else if (count > 2) {
                country2[d] = Segment.MORE;
                moreDocs.append(d);
                moreStart.append(moreOrds.length());
                for (int i = 1; i < count; i++) moreOrds.append((char) (country.nextOrd() + 1));
            }
        }
        moreStart.append(moreOrds.length());
        int[] docs = Arrays.copyOf(moreDocs.ints(), moreDocs.length());
        int[] starts = Arrays.copyOf(moreStart.ints(), moreStart.length());
        char[] ords = moreOrds.toString().toCharArray();
        return new Segment(sourceOrd, sources, languageOrd, values(language), country1, country2, docs, starts, ords,
                values(country), 7L * maxDoc + 8L * n + 8L * docs.length + 2L * ords.length);
    }

    private static String[] values(SortedSetDocValues dv) throws IOException {
        String[] out = new String[(int) dv.getValueCount()];
        for (int i = 0; i < out.length; i++) out[i] = dv.lookupOrd(i).utf8ToString();
        return out;
    }
}
