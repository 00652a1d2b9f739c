package org.worldwire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.search.SearchHit;
import org.worldwire.search.SearchQuery;

class LuceneSearchIndexTest {
    @TempDir
    Path dir;

    static Article article(long id, String title, String text, String country) {
        return new Article(id, 1, "https://example.org/" + id, "g" + id, title, null, null,
                Instant.parse("2026-11-29T10:00:00Z"), List.of(text), null, null, "en", List.of(country), List.of(country));
    }

    @Test
    void findsArticlesByWordsAndHighlightsThemEscaped() {
        try (var index = LuceneSearchIndex.open(dir)) {
            index.index(article(1, "Earthquake hits Izmir", "A strong <earthquake> shook the city of Izmir.", "TR"));
            index.index(article(2, "Elections in Brazil", "Voters went to the polls.", "BR"));
            index.refresh();
            List<SearchHit> hits = index.search(SearchQuery.of("earthquake"));
            assertThat(hits).extracting(SearchHit::articleId).containsExactly(1L);
            assertThat(hits.get(0).snippetHtml()).contains("&lt;<mark>earthquake</mark>&gt;").doesNotContain("<earthquake>");
        }
    }

    @Test
    void newestOrderAndCountryFilter() {
        try (var index = LuceneSearchIndex.open(dir)) {
            index.index(article(1, "Storm warning", "storm", "US"));
            index.index(article(2, "Storm passes", "storm", "US"));
            index.index(article(3, "Storm in Manila", "storm", "PH"));
            index.refresh();
            var newest = new SearchQuery("storm", SearchQuery.Order.NEWEST, null, null, null, 10);
            assertThat(index.search(newest)).extracting(SearchHit::articleId).containsExactly(3L, 2L, 1L);
            var us = new SearchQuery("storm", SearchQuery.Order.NEWEST, "US", null, null, 10);
            assertThat(index.search(us)).extracting(SearchHit::articleId).containsExactly(2L, 1L);
        }
    }

    @Test
    void querySyntaxErrorsAreTreatedAsPlainWords() {
        try (var index = LuceneSearchIndex.open(dir)) {
            index.index(article(1, "AT&T: results \"beat\"", "quarterly results", "US"));
            index.refresh();
            assertThat(index.search(SearchQuery.of("results \"beat"))).hasSize(1);
            assertThat(index.search(SearchQuery.of("title:(("))).isEmpty();
        }
    }

    @Test
    void reindexingTheSameIdReplacesAndTheCommitRemembersTheHighestId() {
        try (var index = LuceneSearchIndex.open(dir)) {
            index.index(article(7, "Old title", "x", "US"));
            index.index(article(7, "New title", "x", "US"));
            index.commit();
            assertThat(index.size()).isEqualTo(1);
        }
        try (var index = LuceneSearchIndex.open(dir)) {
            assertThat(index.committedMaxId()).isEqualTo(7);
            index.refresh();
            assertThat(index.search(SearchQuery.of("new"))).hasSize(1);
        }
    }

    @Test
    void anArticleAlreadyInTheIndexAfterARestartIsReplacedNotAddedTwice() {
        try (var index = LuceneSearchIndex.open(dir)) {
            index.index(article(3, "First report", "x", "US"));
            index.index(article(9, "Second report", "x", "US"));
            index.commit();
        }
        try (var index = LuceneSearchIndex.open(dir)) {
            // a repair re-indexes what it is unsure of; new articles come above the highest id present
            index.index(article(9, "Second report, corrected", "x", "US"));
            index.index(article(3, "First report, corrected", "x", "US"));
            index.index(article(10, "Third report", "x", "US"));
            index.refresh();
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.search(SearchQuery.of("corrected"))).extracting(SearchHit::articleId)
                    .containsExactlyInAnyOrder(3L, 9L);
        }
    }
}
