package org.worldwire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.worldwire.search.SearchQuery.Facet;
import org.worldwire.search.SearchResult.FacetCount;

class FacetColumnsTest {
    private static final List<String> COUNTRIES = List.of("US", "GB", "FR", "DE", "JP", "CN", "BR", "IN");
    private static final List<String> LANGUAGES = List.of("en", "fr", "de", "zh");

    /** Documents with one source, one language (or none) and one to four countries, over three segments, some deleted. */
    private static ByteBuffersDirectory index() throws IOException {
        var dir = new ByteBuffersDirectory();
        SplittableRandom r = new SplittableRandom(7);
        try (var w = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int i = 0; i < 1500; i++) {
                Document doc = new Document();
                doc.add(new LongField(FacetCounter.SOURCE, r.nextInt(40) * 1000L + 1, Field.Store.NO));
                if (i % 10 != 0) doc.add(new KeywordField(FacetCounter.LANGUAGE, LANGUAGES.get(r.nextInt(LANGUAGES.size())), Field.Store.NO));
                Set<String> cs = new LinkedHashSet<>();
                for (int c = 1 + r.nextInt(4); c > 0; c--) cs.add(COUNTRIES.get(r.nextInt(COUNTRIES.size())));
                for (String c : cs) doc.add(new KeywordField(FacetCounter.COUNTRY, c, Field.Store.NO));
                doc.add(new KeywordField("even", i % 2 == 0 ? "y" : "n", Field.Store.NO));
                if (i % 7 == 0) doc.add(new KeywordField("gone", "y", Field.Store.NO));
                w.addDocument(doc);
                if (i == 700 || i == 1200) w.commit();
            }
            w.deleteDocuments(new Term("gone", "y")); // deleted documents count for nothing
            w.commit();
        }
        return dir;
    }

    private static FacetCounter count(IndexSearcher searcher, Query q, FacetColumns columns) throws IOException {
        FacetCounter counter = new FacetCounter(Set.of(Facet.values()), columns);
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var collector = counter.getLeafCollector(leaf);
            BulkScorer bulk = w.bulkScorer(leaf);
            if (bulk != null) bulk.score(collector, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            collector.finish();
        }
        return counter;
    }

    @Test
    void columnsCountExactlyWhatTheDocValuesCountAndAreDroppedWithTheirSegments() throws IOException {
        FacetColumns columns = new FacetColumns(1 << 20, 0);
        FacetColumns none = new FacetColumns(0, 0); // no budget: every segment from doc values
        try (var dir = index()) {
            try (var reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                for (Query q : List.of(new MatchAllDocsQuery(), new TermQuery(new Term("even", "y")),
                        new TermQuery(new Term(FacetCounter.COUNTRY, "JP")))) {
                    FacetCounter fromColumns = count(searcher, q, columns);
                    FacetCounter fromDocValues = count(searcher, q, none);
                    assertThat(fromColumns.matches).isEqualTo(fromDocValues.matches).isEqualTo(searcher.count(q));
                    Map<Facet, List<FacetCount>> result = fromColumns.result();
                    assertThat(result).isEqualTo(fromDocValues.result());
                    assertThat(result.get(Facet.LANGUAGE)).hasSize(LANGUAGES.size());
                }
                assertThat(count(searcher, new MatchAllDocsQuery(), columns).result().get(Facet.COUNTRY))
                        .extracting(FacetCount::count).as("a document counts once for each of its countries")
                        .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isGreaterThan(1500));
                assertThat(columns.used()).isPositive();
                assertThat(none.used()).isZero();
            }
            assertThat(columns.used()).as("closed segments give their memory back").isZero();
        }
    }
}
