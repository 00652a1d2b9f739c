package org.worldwire.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.worldwire.search.SearchQuery.Facet;
import org.worldwire.search.SearchResult.FacetCount;

/**
 * Counts country, language and source values over every match, in an unscored pass of its own (the ranking skips
 * what cannot make the page, so it does not see every match). Large segments are counted from their
 * {@link FacetColumns}, an array read per match; the others from doc values: country and
 * language are sorted-set doc values counted by ordinal in an array per segment (a few hundred values); sources are
 * numbers counted without an ordinal lookup, since there may be tens of thousands of them. No taxonomy index and no
 * per-refresh ordinal map (the facet module's sorted-set state would be rebuilt at every refresh, once a second).
 */
final class FacetCounter implements Collector {
    static final String COUNTRY = "country";
    static final String LANGUAGE = "language";
    static final String SOURCE = "source";
    /** Values of a facet returned at most. */
    static final int TOP = 50;

    private final Set<Facet> facets;
    private final FacetColumns columns;
    private final Map<String, long[]> countries = new HashMap<>();
    private final Map<String, long[]> languages = new HashMap<>();
    private long[] sourcesDense = new long[1024];
    private final Map<Long, long[]> sourcesSparse = new HashMap<>();
    long matches;

    FacetCounter(Set<Facet> facets, FacetColumns columns) {
        this.facets = facets;
        this.columns = columns;
    }

    private void countSource(long source, long n) {
        if (source >= 0 && source < 1 << 22) {
            if (source >= sourcesDense.length) {
                sourcesDense = java.util.Arrays.copyOf(sourcesDense, (int) Math.max(source + 1, sourcesDense.length * 2L));
            }
            sourcesDense[(int) source] += n;
        } else {
            sourcesSparse.computeIfAbsent(source, x -> new long[1])[0] += n;
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        FacetColumns.Segment cols = columns.of(context.reader());
        return cols != null ? new FromColumns(cols) : fromDocValues(context);
    }

    /** Counts by ordinal from a segment's columns, the values looked up once at the end. */
    private final class FromColumns implements LeafCollector {
        private final FacetColumns.Segment c;
        private final int[] source;
        private final int[] language;
        private final int[] country;
        /** Where the search for the next document with more than two countries starts. */
        private int more;

        FromColumns(FacetColumns.Segment c) {
            this.c = c;
            source = facets.contains(Facet.SOURCE) ? new int[c.sources().length + 1] : null;
            language = facets.contains(Facet.LANGUAGE) ? new int[c.languages().length + 1] : null;
            country = facets.contains(Facet.COUNTRY) ? new int[c.countries().length + 1] : null;
        }

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
            matches++;
            if (source != null) source[c.source()[doc]]++;
            if (language != null) language[c.language()[doc] & 0xFF]++;
            if (country != null) {
                country[c.country1()[doc]]++;
                char second = c.country2()[doc];
                if (second != FacetColumns.Segment.MORE) {
                    country[second]++;
                } else {
                    // documents come in ascending order: search only past the last one found
                    int at = java.util.Arrays.binarySearch(c.moreDocs(), more, c.moreDocs().length, doc);
                    if (at < 0) at = java.util.Arrays.binarySearch(c.moreDocs(), doc); // out of order after all
                    more = at + 1;
                    for (int i = c.moreStart()[at], end = c.moreStart()[at + 1]; i < end; i++) country[c.moreOrds()[i]]++;
                }
            }
        }

        @Override
        public void finish() {
            // index 0 counts the documents without a value
            if (source != null) for (int i = 1; i < source.length; i++) if (source[i] > 0) countSource(c.sources()[i - 1], source[i]);
            if (language != null) add(language, c.languages(), languages);
            if (country != null) add(country, c.countries(), countries);
        }

        private static void add(int[] counts, String[] values, Map<String, long[]> into) {
            for (int i = 1; i < counts.length; i++) {
                if (counts[i] > 0) into.computeIfAbsent(values[i - 1], x -> new long[1])[0] += counts[i];
            }
        }
    }

    private LeafCollector fromDocValues(LeafReaderContext context) throws IOException {
        SortedSetDocValues country = facets.contains(Facet.COUNTRY) ? DocValues.getSortedSet(context.reader(), COUNTRY) : null;
        SortedSetDocValues language = facets.contains(Facet.LANGUAGE) ? DocValues.getSortedSet(context.reader(), LANGUAGE) : null;
        SortedNumericDocValues source = facets.contains(Facet.SOURCE) ? DocValues.getSortedNumeric(context.reader(), SOURCE) : null;
        long[] countryOrds = country == null ? null : new long[(int) country.getValueCount()];
        long[] languageOrds = language == null ? null : new long[(int) language.getValueCount()];
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) throws IOException {
                matches++;
                if (country != null && country.advanceExact(doc)) {
                    for (int i = 0, n = country.docValueCount(); i < n; i++) countryOrds[(int) country.nextOrd()]++;
                }
                if (language != null && language.advanceExact(doc)) {
                    for (int i = 0, n = language.docValueCount(); i < n; i++) languageOrds[(int) language.nextOrd()]++;
                }
                if (source != null && source.advanceExact(doc)) countSource(source.nextValue(), 1);
            }

            @Override
            public void finish() throws IOException {
                if (country != null) byValue(country, countryOrds, countries);
                if (language != null) byValue(language, languageOrds, languages);
            }
        };
    }

    private static void byValue(SortedSetDocValues dv, long[] ords, Map<String, long[]> into) throws IOException {
        for (int ord = 0; ord < ords.length; ord++) {
            if (ords[ord] > 0) into.computeIfAbsent(dv.lookupOrd(ord).utf8ToString(), x -> new long[1])[0] += ords[ord];
        }
    }

    /** The counts asked for, most frequent first, then by value; at most {@link #TOP} each. */
    Map<Facet, List<FacetCount>> result() {
        Map<Facet, List<FacetCount>> out = new EnumMap<>(Facet.class);
        for (Facet f : facets) {
            List<FacetCount> all = new ArrayList<>();
            switch (f) {
                case COUNTRY -> countries.forEach((k, v) -> all.add(new FacetCount(k, v[0])));
                case LANGUAGE -> languages.forEach((k, v) -> all.add(new FacetCount(k, v[0])));
                case SOURCE -> {
                    for (int i = 0; i < sourcesDense.length; i++) {
                        if (sourcesDense[i] > 0) all.add(new FacetCount(Integer.toString(i), sourcesDense[i]));
                    }
                    sourcesSparse.forEach((k, v) -> all.add(new FacetCount(Long.toString(k), v[0])));
                }
            }
            all.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            out.put(f, List.copyOf(all.subList(0, Math.min(TOP, all.size()))));
        }
        return out;
    }
}
