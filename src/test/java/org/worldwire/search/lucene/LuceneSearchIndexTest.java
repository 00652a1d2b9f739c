package org.worldwire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.SearchIndexContract;
import org.worldwire.search.SearchQuery;

class LuceneSearchIndexTest extends SearchIndexContract {
    @TempDir
    Path dir;

    @TempDir
    Path other;

    @Override
    protected SearchIndex newIndex() {
        return LuceneSearchIndex.open(dir);
    }

    static Article article(long id, String title, String text, String country) {
        return new Article(id, 1, "https://example.org/" + id, "g" + id, title, null, null,
                Instant.parse("2026-11-29T10:00:00Z"), List.of(text), null, null, "en", List.of(country), List.of(country));
    }

    @Test
    void reindexingTheSameIdReplacesAndTheCommitRemembersTheHighestId() {
        try (var index = LuceneSearchIndex.open(other)) {
            index.index(article(7, "Old title", "x", "US"));
            index.index(article(7, "New title", "x", "US"));
            index.commit();
            assertThat(index.size()).isEqualTo(1);
        }
        try (var index = LuceneSearchIndex.open(other)) {
            assertThat(index.committedMaxId()).isEqualTo(7);
            index.refresh();
            assertThat(index.search(SearchQuery.of("new")).hits()).hasSize(1);
            assertThat(index.contains(7)).isTrue();
            assertThat(index.contains(8)).isFalse();
        }
    }

    @Test
    void anArticleAlreadyInTheIndexAfterARestartIsReplacedNotAddedTwice() {
        try (var index = LuceneSearchIndex.open(other)) {
            index.index(article(3, "First report", "x", "US"));
            index.index(article(9, "Second report", "x", "US"));
            index.commit();
        }
        try (var index = LuceneSearchIndex.open(other)) {
            // a repair re-indexes what it is unsure of; new articles come above the highest id present
            index.index(article(9, "Second report, corrected", "x", "US"));
            index.index(article(3, "First report, corrected", "x", "US"));
            index.index(article(10, "Third report", "x", "US"));
            index.refresh();
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.search(SearchQuery.of("corrected")).hits()).extracting(SearchHit::articleId)
                    .containsExactlyInAnyOrder(3L, 9L);
        }
    }

    @Test
    void passagesComeFromTheStoredBeginningOfALongText() {
        try (var index = LuceneSearchIndex.open(other)) {
            String longText = "Opening words about a harbour. " + "Filler sentence here. ".repeat(400) + "A late zeppelin.";
            index.index(article(1, "Long report", longText, "US"));
            index.refresh();
            List<SearchHit> hits = index.search(SearchQuery.of("zeppelin")).hits();
            assertThat(hits).extracting(SearchHit::articleId).containsExactly(1L);
            assertThat(hits.getFirst().snippetHtml()).as("found, but past the stored text: no passage").isEmpty();
            assertThat(index.search(SearchQuery.of("harbour")).hits().getFirst().snippetHtml()).contains("<mark>harbour</mark>");
        }
    }

    @Test
    void totalsAreExactOverSeveralSegmentsForWordsAndPhrases() {
        try (var index = LuceneSearchIndex.open(other)) {
            for (int i = 1; i <= 90; i++) {
                String title = i % 3 == 0 ? "Prime minister speaks" : i % 3 == 1 ? "Minister of the prime" : "Weather report";
                index.index(article(i, title, "Words number " + i + ".", "US"));
                if (i % 30 == 0) index.refresh(); // a segment each
            }
            index.refresh();
            for (SearchQuery.Order order : SearchQuery.Order.values()) {
                SearchQuery phrase = SearchQuery.of("\"prime minister\"").withOrder(order).withLimit(5);
                assertThat(index.search(phrase).total()).as(order + " phrase").isEqualTo(30);
                assertThat(index.search(phrase).totalExact()).isTrue();
                assertThat(index.search(SearchQuery.of("minister").withOrder(order).withLimit(5)).total()).as(order + " word").isEqualTo(60);
                assertThat(index.search(SearchQuery.of("prime -speaks").withOrder(order).withLimit(5)).total()).isEqualTo(30);
            }
        }
    }

    @Test
    void stopWordsAreLeftOutOnlyWhereTheyAreStopWords() {
        try (var index = LuceneSearchIndex.open(other)) {
            index.index(article(1, "The minister was here", "With the people.", "GB"));
            index.index(new Article(2, 1, "https://example.org/2", "g2", "Was the minister here", null, null,
                    Instant.parse("2026-11-29T10:00:00Z"), List.of("x"), null, null, "fr", List.of("FR"), List.of("FR")));
            index.refresh();
            // "was" and "with" are English stop words, not French ones
            assertThat(index.search(SearchQuery.of("with was")).hits()).isEmpty();
            assertThat(index.search(SearchQuery.of("was minister")).hits()).extracting(SearchHit::articleId)
                    .containsExactlyInAnyOrder(1L, 2L);
            assertThat(index.search(SearchQuery.of("was")).hits()).extracting(SearchHit::articleId).containsExactly(2L);
        }
    }
}
