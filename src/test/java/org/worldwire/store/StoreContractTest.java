package org.worldwire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;

/**
 * What every {@link Store} adapter promises about sources, articles, the ingest queue, settings and leases, run
 * against each adapter by a subclass that says how to open one. Stories have {@link StoriesContractTest}.
 */
public abstract class StoreContractTest {
    protected static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    protected Store store;

    /** A new, empty store of the adapter under test. */
    protected abstract Store open(InstantSource clock);

    /** The database the last {@link #open} made, opened again: what a restarted process sees. */
    protected abstract Store reopen(InstantSource clock);

    /** Throws away the database after the store was closed. */
    protected void discard() {}

    @BeforeEach
    void openStore() {
        store = open(InstantSource.fixed(NOW));
    }

    @AfterEach
    void closeStore() {
        try {
            store.close();
        } finally {
            discard();
        }
    }

    protected static Article article(long sourceId, String url, String guid, List<String> countries) {
        return new Article(0, sourceId, url, guid, "Title " + guid, "A. Writer", NOW.minusSeconds(60), NOW,
                List.of("First paragraph.", "Second paragraph."), "summary", null, "en", countries, countries);
    }

    protected static FeedEntry entry(String link) {
        return new FeedEntry(link, link, "t", "s", null, NOW, null, null, List.of("world"), List.of());
    }

    protected static NewEntry newEntry(String url, String guid) {
        return new NewEntry(url, guid, entry(url));
    }

    protected static PollRecord ok() {
        return new PollRecord(NOW, 200, 1, null, null, null);
    }

    // ---------------------------------------------------------------- sources

    @Test
    void addingTheSameFeedUrlTwiceKeepsOneSource() {
        Source a = store.sources().add(new Source(0, "https://example.org/feed", "Example", null, "fr", "fr", DisplayPolicy.EXCERPT));
        Source b = store.sources().add(Source.of("https://example.org/feed"));
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(store.sources().all()).hasSize(1);
        assertThat(store.sources().find(a.id())).get().extracting(Source::country).isEqualTo("FR");
        assertThat(store.sources().findByFeedUrl("https://example.org/feed")).contains(a);
    }

    @Test
    void aRemovedSourceIsGoneButItsArticlesStay() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        store.articles().addIfNew(article(src, "https://example.org/a", "a", List.of()));
        assertThat(store.sources().remove(src)).isTrue();
        assertThat(store.sources().remove(src)).isFalse();
        assertThat(store.sources().find(src)).isEmpty();
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void failedPollsCountUpInHealthAndASuccessResetsThem() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        store.sources().recordPoll(src, new PollRecord(NOW, 500, 0, "http_error", "HTTP 500", null));
        store.sources().recordPoll(src, new PollRecord(NOW, null, 0, "timeout", "no response", null));
        var h = store.sources().health().get(0);
        assertThat(h.consecutiveErrors()).isEqualTo(2);
        assertThat(h.lastError()).isEqualTo("timeout");
        assertThat(h.lastPoll()).isEqualTo(NOW);
        assertThat(h.lastSuccess()).isNull();
        store.sources().recordPoll(src, new PollRecord(NOW, 200, 0, null, null, null));
        assertThat(store.sources().health().get(0).healthy()).isTrue();
    }

    @Test
    void healthCountsTheArticlesOfEachSource() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        long other = store.sources().add(Source.of("https://example.net/feed")).id();
        store.articles().addIfNew(article(src, "https://example.org/a", "a", List.of()));
        store.articles().addIfNew(article(src, "https://example.org/b", "b", List.of()));
        assertThat(store.sources().health()).extracting(SourceHealth::articlesTotal, SourceHealth::articlesLastDay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 2L), org.assertj.core.groups.Tuple.tuple(0L, 0L));
        assertThat(other).isNotEqualTo(src);
    }

    @Test
    void validatorsAreKeptOnSuccessAndUntouchedByFailures() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        assertThat(store.sources().validators(src)).isEqualTo(FeedValidators.NONE);
        store.sources().recordPoll(src, new PollRecord(NOW, 200, 0, null, null, new FeedValidators("\"e1\"", "Sun, 29 Nov 2026 09:00:00 GMT")));
        store.sources().recordPoll(src, new PollRecord(NOW, 503, 0, "http_503", "busy", null));
        store.sources().recordPoll(src, new PollRecord(NOW, 304, 0, null, null, null));
        assertThat(store.sources().validators(src)).isEqualTo(new FeedValidators("\"e1\"", "Sun, 29 Nov 2026 09:00:00 GMT"));
    }

    // ---------------------------------------------------------------- articles

    @Test
    void duplicatesByUrlOrByGuidAreNotStoredTwice() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        assertThat(store.articles().addIfNew(article(src, "https://example.org/a", "g1", List.of()))).isPresent();
        assertThat(store.articles().addIfNew(article(src, "https://example.org/a", "g2", List.of()))).isEmpty();
        assertThat(store.articles().addIfNew(article(src, "https://example.org/b", "g1", List.of()))).isEmpty();
        assertThat(store.articles().count()).isEqualTo(1);
        assertThat(store.articles().isKnown(src, "g1", "https://example.org/other")).isTrue();
        assertThat(store.articles().isKnown(src + 1, "g1", "https://example.org/a")).isTrue();
        assertThat(store.articles().isKnown(src + 1, "g1", "https://example.org/other")).isFalse();
    }

    @Test
    void articlesRoundTripWithParagraphsAndCountries() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        Article stored = store.articles().addIfNew(article(src, "https://example.org/a", "g1", List.of("TR", "AZ"))).orElseThrow();
        Article read = store.articles().find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("AZ"))).containsExactly(stored);
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("FR"))).isEmpty();
        assertThat(store.articles().find(stored.id() + 1000)).isEmpty();
    }

    @Test
    void textAFeedCouldNotMeanIsStoredWithoutItsNulCharacters() {
        // A broken feed can carry U+0000; the article must still be stored and readable.
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        Article a = new Article(0, src, "https://example.org/nul", "nul", "Broken\0 title", null, null, NOW,
                List.of("para\0graph"), "sum\0mary", null, "en", List.of(), List.of());
        Article stored = store.articles().addIfNew(a).orElseThrow();
        Article read = store.articles().find(stored.id()).orElseThrow();
        assertThat(read.title().replace("\0", "")).isEqualTo("Broken title");
        assertThat(read.paragraphs()).containsExactly("para\0graph");
        assertThat(read.summary()).isNotNull();
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
    void listingFiltersBySourceLanguageAndDiscoveryTime() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        long other = store.sources().add(Source.of("https://example.net/feed")).id();
        store.articles().addIfNew(article(src, "https://example.org/a", "a", List.of()));
        store.articles().addIfNew(new Article(0, other, "https://example.net/b", "b", "B", null, null, NOW.plusSeconds(60),
                List.of("p"), null, null, "de", List.of(), List.of()));
        assertThat(store.articles().list(ArticleQuery.latest(10).withSource(src))).extracting(Article::guid).containsExactly("a");
        assertThat(store.articles().list(ArticleQuery.latest(10).withLanguage("de"))).extracting(Article::guid).containsExactly("b");
        assertThat(store.articles().list(ArticleQuery.latest(10).since(NOW.plusSeconds(30)))).extracting(Article::guid).containsExactly("b");
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
        assertThat(store.articles().countriesSince(NOW.minusSeconds(3600))).containsOnly(Map.entry("TR", 1));
    }

    @Test
    void anArticleWithoutCountriesCountsForItsSourcesCountry() {
        long src = store.sources().add(new Source(0, "https://example.de/feed", "DE", null, "DE", "de", DisplayPolicy.EXCERPT)).id();
        store.articles().addIfNew(article(src, "https://example.de/a", "g1", List.of()));
        assertThat(store.articles().list(ArticleQuery.latest(10).withCountry("DE"))).hasSize(1);
    }

    // ---------------------------------------------------------------- ingest queue

    @Test
    void enqueueRecordsEntriesAndValidatorsTogetherAndSkipsKnownOnes() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var poll = new PollRecord(NOW, 200, 2, null, null, new FeedValidators("\"v1\"", "Sun, 29 Nov 2026 09:00:00 GMT"));
        var first = store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a"), newEntry("https://example.org/b", "b")), NOW, poll);
        var again = store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a")), NOW, poll);
        assertThat(first).extracting(PendingEntry::url).containsExactly("https://example.org/a", "https://example.org/b");
        assertThat(first.get(0).id()).isLessThan(first.get(1).id());
        assertThat(again).isEmpty();
        assertThat(store.sources().validators(src).etag()).isEqualTo("\"v1\"");
        assertThat(store.queue().pending(0, 10)).extracting(p -> p.entry().categories()).containsOnly(List.of("world"));
        assertThat(store.queue().pending(first.get(0).id(), 10)).extracting(PendingEntry::guid).containsExactly("b");
    }

    @Test
    void enqueueSkipsAnEntryWhoseGuidIsPendingOrWhoseArticleIsStored() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        store.articles().addIfNew(article(src, "https://example.org/stored", "s", List.of()));
        var recorded = store.queue().enqueue(src, List.of(
                newEntry("https://example.org/a", "a"),
                newEntry("https://example.org/a-moved", "a"),
                newEntry("https://example.org/stored", "s2"),
                newEntry("https://example.org/other", "s")), NOW, ok());
        assertThat(recorded).extracting(PendingEntry::url).containsExactly("https://example.org/a");
        assertThat(store.queue().pendingCount()).isEqualTo(1);
    }

    @Test
    void completingStoresTheArticleAndClearsThePendingEntry() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var pending = store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a")), NOW, ok());
        var stored = store.queue().complete(pending.get(0).id(), article(src, "https://example.org/a", "a", List.of()));
        assertThat(stored).isPresent();
        assertThat(store.queue().pendingCount()).isZero();
        assertThat(store.articles().isKnown(src, "a", "https://example.org/a")).isTrue();
    }

    @Test
    void completingAnEntryWhoseArticleWasStoredMeanwhileClearsItAndStoresNothing() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var pending = store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a")), NOW, ok());
        store.articles().addIfNew(article(src, "https://example.org/a", "other-guid", List.of()));
        assertThat(store.queue().complete(pending.get(0).id(), article(src, "https://example.org/a", "a", List.of()))).isEmpty();
        assertThat(store.queue().pendingCount()).isZero();
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void anEntryCompletedAgainIsToldApartFromAnotherEntrysDuplicate() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var pending = store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a"),
                newEntry("https://example.org/b", "b")), NOW, ok());
        long first = store.queue().complete(pending.get(0).id(), article(src, "https://example.org/a", "a", List.of()))
                .orElseThrow().id();
        store.articles().addIfNew(article(src, "https://example.org/b", "other-guid", List.of()));

        // a work queue delivers the first entry again (its process died before acknowledging it); the second one's
        // page was stored meanwhile from another entry
        var again = store.queue().completeAll(List.of(
                new IngestQueue.Completion(pending.get(0).id(), article(src, "https://example.org/a", "a", List.of())),
                new IngestQueue.Completion(pending.get(1).id(), article(src, "https://example.org/b", "b", List.of()))));

        assertThat(again.get(0)).isInstanceOfSatisfying(IngestQueue.Completed.Redelivered.class,
                r -> assertThat(r.article().id()).isEqualTo(first));
        assertThat(again.get(1)).isInstanceOf(IngestQueue.Completed.Duplicate.class);
        assertThat(store.articles().count()).isEqualTo(2);
        assertThat(store.queue().pendingCount()).isZero();
    }

    @Test
    void aRestartNeitherLosesNorDuplicates() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        var pending = store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a"), newEntry("https://example.org/b", "b")), NOW, ok());
        store.queue().complete(pending.get(0).id(), article(src, "https://example.org/a", "a", List.of()));
        store.close();

        store = reopen(InstantSource.fixed(NOW));
        assertThat(store.queue().pending(0, 10)).extracting(PendingEntry::guid).containsExactly("b");
        assertThat(store.articles().count()).isEqualTo(1);
        // the next poll finds both entries again: neither comes back
        assertThat(store.queue().enqueue(src, List.of(newEntry("https://example.org/a", "a"), newEntry("https://example.org/b", "b")), NOW, ok())).isEmpty();
        assertThat(store.queue().complete(pending.get(1).id(), article(src, "https://example.org/b", "b", List.of()))).isPresent();
        assertThat(store.articles().count()).isEqualTo(2);
        assertThat(store.queue().pendingCount()).isZero();
    }

    @Test
    void dataSurvivesReopening() {
        long src = store.sources().add(Source.of("https://example.org/feed")).id();
        store.articles().addIfNew(article(src, "https://example.org/a", "a", List.of()));
        store.close();
        store = reopen(InstantSource.fixed(NOW));
        assertThat(store.articles().count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- settings

    @Test
    void settingsAreReplacedByPutAndKeptByPutIfAbsent() {
        assertThat(store.settings().get("admin.hash")).isEmpty();
        assertThat(store.settings().putIfAbsent("admin.hash", "h1")).isTrue();
        assertThat(store.settings().putIfAbsent("admin.hash", "h2")).isFalse();
        assertThat(store.settings().get("admin.hash")).contains("h1");
        store.settings().put("admin.hash", "h3");
        assertThat(store.settings().get("admin.hash")).contains("h3");
    }

    // ---------------------------------------------------------------- leases

    @Test
    void aLeaseHasOneHolderWhoRenewsItAndReleasesItToTheNext() {
        LeaseStore leases = store.leases();
        Duration ttl = Duration.ofMinutes(5);
        assertThat(leases.holder("poller")).isEmpty();
        assertThat(leases.tryAcquire("poller", "host-a:1", ttl)).isTrue();
        assertThat(leases.tryAcquire("poller", "host-b:2", ttl)).as("held by another").isFalse();
        assertThat(leases.tryAcquire("poller", "host-a:1", ttl)).as("a renewal").isTrue();
        assertThat(leases.tryAcquire("indexer", "host-b:2", ttl)).as("another role").isTrue();
        assertThat(leases.holder("poller")).contains("host-a:1");

        assertThat(leases.release("poller", "host-b:2")).as("not its lease").isFalse();
        assertThat(leases.release("poller", "host-a:1")).isTrue();
        assertThat(leases.holder("poller")).isEmpty();
        assertThat(leases.tryAcquire("poller", "host-b:2", ttl)).isTrue();
        assertThat(leases.holder("poller")).contains("host-b:2");
    }

    @Test
    void aLeaseNeedsARoleAHolderAndATime() {
        assertThatThrownBy(() -> store.leases().tryAcquire(" ", "a", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.leases().tryAcquire("poller", "", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.leases().tryAcquire("poller", "a", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
