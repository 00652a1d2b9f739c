package org.worldwire.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.model.Story;

/**
 * What every adapter's {@link StoryStore} promises: placements, merges, counts, listings and the recovery after a
 * crash, run against each adapter by a subclass that says how to open one.
 */
public abstract class StoriesContractTest {
    protected static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    protected Store store;
    protected StoryStore stories;
    protected Source gb, fr, gb2;
    private int seq;

    /** A new, empty store of the adapter under test. */
    protected abstract Store open(InstantSource clock);

    /** Throws away the database after the store was closed. */
    protected void discard() {}

    @BeforeEach
    void openStore() {
        store = open(InstantSource.fixed(T0));
        stories = store.stories();
        gb = source("gb", "GB");
        gb2 = source("gb2", "GB");
        fr = source("fr", "FR");
    }

    @AfterEach
    void closeStore() {
        try {
            store.close();
        } finally {
            discard();
        }
    }

    protected Source source(String name, String country) {
        return store.sources().add(new Source(0, "http://127.0.0.1:9/" + name, name, null, country, "en", DisplayPolicy.EXCERPT));
    }

    protected Article stored(Source s, String title, int minutes, String lang, List<String> about) {
        seq++;
        Article a = new Article(0, s.id(), "http://127.0.0.1:9/a/" + seq, "g" + seq, title, null, null,
                T0.plusSeconds(60L * minutes), List.of("Body of " + title + "."), "Summary of the report titled " + title + ". More text follows.",
                null, lang, about, about);
        return store.articles().addIfNew(a).orElseThrow();
    }

    @Test
    void anArticlePlacedUnderItsOwnIdFoundsAStory() {
        Article a = stored(gb, "Quake hits coast", 0, "en", List.of("JP"));
        Story s = stories.place(a.id(), a.id(), 0, List.of(), a.id());
        assertThat(s.id()).isEqualTo(a.id());
        assertThat(s.title()).isEqualTo("Quake hits coast");
        assertThat(s.summary()).as("its first sentence").isEqualTo("Summary of the report titled Quake hits coast.");
        assertThat(s.sources()).isEqualTo(1);
        assertThat(s.countries()).containsExactly("JP");
        assertThat(store.articles().find(a.id()).orElseThrow().storyId()).isEqualTo(a.id());
    }

    @Test
    void copiesCountOnceAndReportsFromOtherSourcesAndCountriesCountEach() {
        Article first = stored(gb, "Quake hits coast", 0, "en", List.of("JP"));
        stories.place(first.id(), first.id(), 0, List.of(), first.id());
        Article copy = stored(gb2, "Quake hits coast, agency says", 5, "en", List.of("JP"));
        stories.place(copy.id(), first.id(), first.id(), List.of(), first.id());
        Article report = stored(fr, "Séisme sur la côte", 30, "fr", List.of("JP"));
        Story s = stories.place(report.id(), first.id(), 0, List.of(), first.id());

        // the copy's source reprinted the agency: it adds neither a source nor a country
        assertThat(s.sources()).isEqualTo(2);
        assertThat(s.sourceCountries()).isEqualTo(2);
        assertThat(s.reports()).isEqualTo(2);
        assertThat(s.articles()).isEqualTo(3);
        assertThat(s.languages()).containsExactlyInAnyOrder("en", "fr");
        assertThat(s.firstSeen()).isEqualTo(first.discovered());
        assertThat(s.lastUpdate()).isEqualTo(report.discovered());
        assertThat(stories.articles(first.id(), 10)).extracting(Article::copyOf).containsExactly(0L, first.id(), 0L);
    }

    @Test
    void aMergeMovesEveryArticleAndTheOldIdLeadsToTheSurvivor() {
        Article a = stored(gb, "Strike shuts ports", 0, "en", List.of("DE"));
        stories.place(a.id(), a.id(), 0, List.of(), a.id());
        Article b = stored(fr, "Grève dans les ports", 10, "fr", List.of("DE"));
        stories.place(b.id(), b.id(), 0, List.of(), b.id());
        Article bridge = stored(gb2, "Port strike spreads", 20, "en", List.of("DE"));
        Story s = stories.place(bridge.id(), a.id(), 0, List.of(b.id()), a.id());

        assertThat(s.articles()).isEqualTo(3);
        assertThat(stories.find(b.id())).get().extracting(Story::id).isEqualTo(a.id());
        assertThat(stories.list(StoryQuery.latest(10))).extracting(Story::id).containsExactly(a.id());
        assertThat(stories.storiesOf(List.of(b.id(), a.id()))).containsExactly(a.id());
    }

    @Test
    void listingFiltersByCountryAndLanguageAndPagesByCursor() {
        for (int i = 0; i < 5; i++) {
            Article a = stored(i % 2 == 0 ? gb : fr, "Story " + i, i, i % 2 == 0 ? "en" : "fr", List.of(i % 2 == 0 ? "GB" : "FR"));
            stories.place(a.id(), a.id(), 0, List.of(), a.id());
        }
        List<Story> first = stories.list(StoryQuery.latest(2));
        assertThat(first).extracting(Story::title).containsExactly("Story 4", "Story 3");
        Story last = first.getLast();
        List<Story> next = stories.list(StoryQuery.latest(2).after(new StoryQuery.Cursor(last.lastUpdate(), last.id())));
        assertThat(next).extracting(Story::title).containsExactly("Story 2", "Story 1");
        assertThat(stories.list(StoryQuery.latest(10).about("FR"))).extracting(Story::title).containsExactly("Story 3", "Story 1");
        assertThat(stories.list(StoryQuery.latest(10).inLanguage("en"))).hasSize(3);
        assertThat(stories.list(StoryQuery.latest(10).updatedSince(T0.plusSeconds(180)))).hasSize(2);
    }

    @Test
    void articlesACrashLeftUnplacedAreFoundAndOldOnesArePlacedAlone() {
        Article old = stored(gb, "Old news", 0, "en", List.of("GB"));
        Article recent = stored(gb, "Recent news", 600, "en", List.of("GB"));
        assertThat(stories.unplaced(10)).extracting(Article::id).containsExactly(old.id(), recent.id());

        assertThat(stories.placeAloneBefore(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(stories.unplaced(10)).extracting(Article::id).containsExactly(recent.id());
        assertThat(stories.find(old.id())).get().extracting(Story::title).isEqualTo("Old news");
        assertThat(stories.list(StoryQuery.latest(10).about("GB"))).extracting(Story::id).containsExactly(old.id());
    }

    @Test
    void theReplayStartsAtTheOldestOfTheNewestRecentArticles() {
        Article a = stored(gb, "A", 0, "en", List.of());
        Article b = stored(gb, "B", 100, "en", List.of());
        Article c = stored(gb, "C", 200, "en", List.of());
        assertThat(stories.firstRecentId(T0.plusSeconds(60L * 50), 10)).isEqualTo(b.id());
        assertThat(stories.firstRecentId(T0, 2)).isEqualTo(b.id());
        assertThat(stories.firstRecentId(T0.plusSeconds(60L * 1000), 10)).isEqualTo(c.id() + 1);
        assertThat(a.id()).isLessThan(b.id());
    }
}
