package org.worldwire.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.FeedValidators;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PollRecord;

class SqliteStoreTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;

    SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("ww.db"), InstantSource.fixed(NOW));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Article article(long sourceId, String url, String guid, List<String> countries) {
        return new Article(0, sourceId, url, guid, "Title " + guid, "A. Writer", NOW.minusSeconds(60), NOW,
                List.of("First paragraph.", "Second paragraph."), "summary", null, "en", countries, countries);
    }

    static FeedEntry entry(String link) {
        return new FeedEntry(link, link, "t", "s", null, NOW, null, null, List.of("world"), List.of());
    }

    @Test
    void addingTheSameFeedUrlTwiceKeepsOneSource() {
        Source a = store.sources().add(new Source(0, "https://example.org/feed", "Example", null, "fr", "fr", DisplayPolicy.EXCERPT));
        Source b = store.sources().add(Source.of("https://example.org/feed"));
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(store.sources().all()).hasSize(1);
        assertThat(store.sources().find(a.id())).get().extracting(Source::country).isEqualTo("FR");
    }

    @Test
    void duplicatesByUrlOrByGuidAreNotStoredTwice() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        assertThat(store.articles().addIfNew(article(src, "https://example.org/a", "g1", List.of()))).isPresent();
        assertThat(store.articles().addIfNew(article(src, "https://example.org/a", "g2", List.of()))).isEmpty();
        assertThat(store.articles().addIfNew(article(src, "https://example.org/b", "g1", List.of()))).isEmpty();
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void articlesRoundTripWithParagraphsAndCountries() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        Article stored = store.articles().addIfNew(article(src, "https://example.org/a", "g1", List.of("TR", "AZ"))).orElseThrow();
        Article read = store.articles().find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("AZ"))).containsExactly(stored);
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("FR"))).isEmpty();
    }

    @Test
    void listingIsNewestFirstWithACursor() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        for (int i = 0; i < 5; i++) store.articles().addIfNew(article(src, "https://example.org/" + i, "g" + i, List.of()));
        List<Article> page1 = store.articles().list(ArticleQuery.latest(2));
        List<Article> page2 = store.articles().list(ArticleQuery.latest(2).before(page1.get(1).id()));
        assertThat(page1).extracting(Article::guid).containsExactly("g4", "g3");
        assertThat(page2).extracting(Article::guid).containsExactly("g2", "g1");
        assertThat(store.articles().after(page2.get(0).id(), 10)).extracting(Article::guid).containsExactly("g3", "g4");
    }

    @Test
    void sectionsTakeTheCountriesAnArticleIsAboutAndTheApiFilterEveryCountryItMentions() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        Article a = new Article(0, src, "https://example.org/summit", "s", "Summit in Ankara", null, NOW, NOW, List.of("p"),
                null, null, "en", List.of("TR", "AZ", "US"), List.of("TR"));
        Article stored = store.articles().addIfNew(a).orElseThrow();
        assertThat(store.articles().list(ArticleQuery.latest(10).about("TR"))).containsExactly(stored);
        assertThat(store.articles().list(ArticleQuery.latest(10).about("US"))).isEmpty();
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("US"))).containsExactly(stored);
        assertThat(store.articles().countriesSince(NOW.minusSeconds(3600))).containsOnly(java.util.Map.entry("TR", 1));
    }

    @Test
    void articlesStoredBeforeSectionsKnewPrimaryCountriesGetThemOnUpgrade() throws Exception {
        store.close();
        Path db = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + db;
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite").target("3")
                .load().migrate();
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO sources (id, feed_url, title, added_at) VALUES (1, 'https://example.org/feed', 'E', 0)");
            st.executeUpdate("""
                    INSERT INTO articles (id, source_id, url, guid, title, discovered, stored, paragraphs, countries,
                        primary_countries) VALUES (7, 1, 'https://example.org/a', 'a', 'T', 0, 0, '[]', 'TR,AZ,US', 'TR,AZ')""");
            st.executeUpdate("INSERT INTO article_countries (article_id, country) VALUES (7, 'TR'), (7, 'AZ'), (7, 'US')");
        }
        store = SqliteStore.open(db, InstantSource.fixed(NOW));
        assertThat(store.articles().list(ArticleQuery.latest(10).about("AZ"))).extracting(Article::id).containsExactly(7L);
        assertThat(store.articles().list(ArticleQuery.latest(10).about("TR"))).extracting(Article::id).containsExactly(7L);
        assertThat(store.articles().list(ArticleQuery.latest(10).about("US"))).isEmpty();
    }

    @Test
    void anArticleWithoutCountriesCountsForItsSourcesCountry() {
        long src = store.sources().add(new Source(0, "https://example.de/feed", "DE", null, "DE", "de", DisplayPolicy.EXCERPT)).id();
        store.articles().addIfNew(article(src, "https://example.de/a", "g1", List.of()));
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("DE"))).hasSize(1);
    }

    @Test
    void enqueueRecordsEntriesAndValidatorsTogetherAndSkipsKnownOnes() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var poll = new PollRecord(NOW, 200, 2, null, null, new FeedValidators("\"v1\"", "Sun, 29 Nov 2026 09:00:00 GMT"));
        var first = store.queue().enqueue(src, List.of(
                new NewEntry("https://example.org/a", "a", entry("https://example.org/a")),
                new NewEntry("https://example.org/b", "b", entry("https://example.org/b"))), NOW, poll);
        var again = store.queue().enqueue(src, List.of(
                new NewEntry("https://example.org/a", "a", entry("https://example.org/a"))), NOW, poll);
        assertThat(first).hasSize(2);
        assertThat(again).isEmpty();
        assertThat(store.sources().validators(src).etag()).isEqualTo("\"v1\"");
        assertThat(store.queue().pending(0, 10)).extracting(p -> p.entry().categories()).containsOnly(List.of("world"));
    }

    @Test
    void completingStoresTheArticleAndClearsThePendingEntry() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var pending = store.queue().enqueue(src, List.of(new NewEntry("https://example.org/a", "a", entry("https://example.org/a"))),
                NOW, new PollRecord(NOW, 200, 1, null, null, null));
        var stored = store.queue().complete(pending.get(0).id(), article(src, "https://example.org/a", "a", List.of()));
        assertThat(stored).isPresent();
        assertThat(store.queue().pendingCount()).isZero();
        assertThat(store.articles().isKnown(src, "a", "https://example.org/a")).isTrue();
    }

    @Test
    void failedPollsCountUpInHealthAndASuccessResetsThem() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        store.sources().recordPoll(src, new PollRecord(NOW, 500, 0, "http_error", "HTTP 500", null));
        store.sources().recordPoll(src, new PollRecord(NOW, null, 0, "timeout", "no response", null));
        var h = store.sources().health().get(0);
        assertThat(h.consecutiveErrors()).isEqualTo(2);
        assertThat(h.lastError()).isEqualTo("timeout");
        store.sources().recordPoll(src, new PollRecord(NOW, 200, 0, null, null, null));
        assertThat(store.sources().health().get(0).healthy()).isTrue();
    }

    @Test
    void dataSurvivesReopening() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        store.articles().addIfNew(article(src, "https://example.org/a", "a", List.of()));
        store.close();
        store = SqliteStore.open(dir.resolve("ww.db"), InstantSource.fixed(NOW));
        assertThat(store.articles().count()).isEqualTo(1);
    }
}
