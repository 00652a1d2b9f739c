package org.worldwire.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.FieldValue;
import org.worldwire.search.SearchQuery;
import org.worldwire.search.SearchQuery.Order;
import org.worldwire.search.SearchSyntaxException;

/** Cursors without a node: what goes out comes back bit for bit, and nothing else is taken for one. */
class CursorTest {
    private final SearchQuery news = SearchQuery.of("flood");

    @Test
    void aScoreComesBackBitForBitSoSearchAfterContinuesExactlyThere() {
        double score = 7.123456789012345;
        var c = new Cursor(Cursor.fingerprint(news), 1_700_000_000_123L, FieldValue.of(score), 42);
        Cursor back = Cursor.decode(c.encode(), news.withCursor("ignored").withLimit(3));
        assertThat(back.after().doubleValue()).isEqualTo(score);
        assertThat(back.afterId()).isEqualTo(42);
        assertThat(back.originMillis()).as("news pages share the first page's now").isEqualTo(1_700_000_000_123L);
        assertThat(c.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherQueryOrOrderOrATamperedOneIsASyntaxError() {
        SearchQuery newest = news.withOrder(Order.NEWEST);
        String forNewest = new Cursor(Cursor.fingerprint(newest), 0, FieldValue.of(1_700_000_000_000L), 5).encode();
        assertThat(Cursor.decode(forNewest, newest).after().longValue()).isEqualTo(1_700_000_000_000L);
        assertThatThrownBy(() -> Cursor.decode(forNewest, news)).isInstanceOf(SearchSyntaxException.class)
                .hasMessageContaining("another search");
        assertThatThrownBy(() -> Cursor.decode(forNewest, SearchQuery.of("storm").withOrder(Order.NEWEST)))
                .isInstanceOf(SearchSyntaxException.class);
        for (String bad : new String[] {"", "not a cursor", "bzF-eA", forNewest.substring(0, forNewest.length() - 3)}) {
            assertThatThrownBy(() -> Cursor.decode(bad, newest)).as(bad).isInstanceOf(SearchSyntaxException.class);
        }
    }

    @Test
    void configRefusesWhatOpenSearchWouldRefuseLater() {
        assertThat(OpenSearchConfig.of("http://127.0.0.1:9200").index()).isEqualTo(OpenSearchConfig.DEFAULT_INDEX);
        assertThatThrownBy(() -> OpenSearchConfig.of("127.0.0.1:9200")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenSearchConfig.of("http://127.0.0.1:9200").withIndex("Articles"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> OpenSearchConfig.of("http://127.0.0.1:9200").withShards(0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixWordsAreEscapedForQueryString() {
        assertThat(QueryTranslation.escape("covid-1")).isEqualTo("covid\\-1");
        assertThat(QueryTranslation.escape("at&t:x")).isEqualTo("at\\&t\\:x");
        assertThat(QueryTranslation.escape("élan")).isEqualTo("élan");
    }
}
