package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

class RssTest {
    private final ParsedFeed feed = Fixtures.parse("rss20.xml", "http://www.example.com/feeds/main.xml");

    @Test
    void readsTheChannel() {
        assertThat(feed.wellFormed()).isTrue();
        assertThat(feed.format()).isEqualTo("rss20");
        assertThat(feed.title()).isEqualTo("Example & Daily");
        assertThat(feed.link()).isEqualTo("http://www.example.com/world/");
        assertThat(feed.subtitle()).isEqualTo("All the news that <fits>");
        assertThat(feed.updated()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    }

    @Test
    void takesSelfAndHubsFromAtomLinksInsideRss() {
        assertThat(feed.self()).isEqualTo("http://www.example.com/world/rss.xml");
        assertThat(feed.hubs()).containsExactly("https://hub.example.net/", "https://second-hub.example.net/");
    }

    @Test
    void ignoresTitlesAndLinksOfImageAndTextInput() {
        assertThat(feed.title()).isEqualTo("Example & Daily");
        assertThat(feed.link()).doesNotContain("image").doesNotContain("search");
    }

    @Test
    void mapsEveryItemField() {
        FeedEntry e = feed.entries().getFirst();
        assertThat(e.title()).isEqualTo("First story");
        assertThat(e.link()).isEqualTo("http://www.example.com/feeds/stories/1");
        assertThat(e.id()).isEqualTo("urn:example:1");
        assertThat(e.summary()).isEqualTo("<p>Summary with <a href=\"http://www.example.com/rel/1\">a relative link</a></p>");
        assertThat(e.content()).isEqualTo("<p>Full <b>text</b> <img src=\"http://www.example.com/feeds/img/1.jpg\"></p>");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-11-28T04:30:00Z"));
        assertThat(e.updated()).isEqualTo(Instant.parse("2026-11-28T04:00:00Z"));
        assertThat(e.author()).isEqualTo("Jane Editor");
        assertThat(e.categories()).containsExactly("World", "Politics", "Elections");
        assertThat(e.enclosures()).containsExactly(
                new Enclosure("http://www.example.com/audio/1.mp3", "audio/mpeg", "12345"),
                new Enclosure("http://cdn.example.com/2.jpg", "image/jpeg", "999"));
    }

    @Test
    void usesAPermalinkGuidAsLinkAndDublinCoreAndItunesFallbacks() {
        FeedEntry e = feed.entries().get(1);
        assertThat(e.link()).isEqualTo("http://www.example.com/stories/2");
        assertThat(e.id()).isEqualTo("http://www.example.com/stories/2");
        assertThat(e.author()).isEqualTo("John Reporter");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(e.updated()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(e.summary()).isEqualTo("The iTunes summary");
        assertThat(e.title()).isEqualTo("Second story");
        assertThat(e.categories()).containsExactly("Technology", "Media category");
    }

    @Test
    void neverTakesANonPermalinkGuidAsLink() {
        FeedEntry e = feed.entries().get(2);
        assertThat(e.link()).isNull();
        assertThat(e.id()).isEqualTo("http://www.example.com/not-a-link");
        assertThat(e.title()).isEqualTo("Only a media title");
        assertThat(e.author()).isEqualTo("Plain Name");
    }

    @Test
    void keepsPlainTextPlain() {
        ParsedFeed f = Fixtures.parseString("<rss><channel><title>1 &lt; 2</title><item><title>History of the &lt;blink&gt; tag</title></item></channel></rss>");
        assertThat(f.title()).isEqualTo("1 < 2");
        assertThat(f.entries().getFirst().title()).isEqualTo("History of the <blink> tag");
    }

    @Test
    void readsRss10AndItsRdfAbout() {
        ParsedFeed f = Fixtures.parse("rss10.xml", null);
        assertThat(f.format()).isEqualTo("rss10");
        assertThat(f.title()).isEqualTo("RDF feed");
        assertThat(f.link()).isEqualTo("http://example.com/");
        assertThat(f.subtitle()).isEqualTo("RDF description");
        assertThat(f.updated()).isEqualTo(Instant.parse("2003-12-31T10:14:55Z"));
        FeedEntry e = f.entries().getFirst();
        assertThat(e.id()).isEqualTo("http://example.com/rdf/1");
        assertThat(e.title()).isEqualTo("RDF item");
        assertThat(e.link()).isEqualTo("http://example.com/1");
        assertThat(e.summary()).isEqualTo("RDF item description");
        assertThat(e.author()).isEqualTo("RDF Creator");
        assertThat(e.categories()).containsExactly("RDF subject");
        assertThat(e.updated()).isEqualTo(Instant.parse("2003-12-30T15:00:00Z"));
    }

    @Test
    void readsRss090() {
        ParsedFeed f = Fixtures.parse("rss090.xml", null);
        assertThat(f.title()).isEqualTo("RSS 0.90");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Item 0.90");
        assertThat(f.entries().getFirst().link()).isEqualTo("http://example.com/090/1");
    }

    @Test
    void decodesHtmlEntitiesOfRss091UnderADoctypeItNeverLoads() {
        ParsedFeed f = Fixtures.parse("rss091.xml", null);
        assertThat(f.format()).isEqualTo("rss091");
        assertThat(f.title()).isEqualTo("Café news — 0.91");
        assertThat(f.entries().getFirst().title()).isEqualTo("Crème brûlée");
        assertThat(f.entries().getFirst().summary()).isEqualTo("Price: £5 & more");
    }

    @Test
    void readsNamespacedRssWhateverThePrefix() {
        ParsedFeed f = Fixtures.parseString("""
                <x:rss xmlns:x="http://backend.userland.com/rss2"><x:channel><x:title>T</x:title>
                <x:item><x:title>I</x:title><x:description>correct</x:description>
                <other:description xmlns:other="http://example.com/other">wrong</other:description></x:item>
                </x:channel></x:rss>""");
        assertThat(f.title()).isEqualTo("T");
        assertThat(f.entries().getFirst().summary()).isEqualTo("correct");
    }

    @Test
    void readsXhtmlBodyAsContent() {
        ParsedFeed f = Fixtures.parseString("""
                <rss version="2.0"><channel><item>
                <body xmlns="http://www.w3.org/1999/xhtml"><p>Example <a href="/x">content</a></p></body>
                </item></channel></rss>""", "http://example.com/feed");
        assertThat(f.entries().getFirst().content()).isEqualTo("<p>Example <a href=\"http://example.com/x\">content</a></p>");
    }

    @Test
    void readsAMediaGroupDescription() {
        ParsedFeed f = Fixtures.parseString("""
                <rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item>
                <media:group><media:title>Group title</media:title><media:description>Group description</media:description></media:group>
                </item></channel></rss>""");
        assertThat(f.entries().getFirst().summary()).isEqualTo("Group description");
        assertThat(f.entries().getFirst().title()).isEqualTo("Group title");
    }

    @Test
    void fallsBackToItunesSubtitle() {
        ParsedFeed f = Fixtures.parseString("""
                <rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
                <itunes:subtitle>Pod subtitle</itunes:subtitle></channel></rss>""");
        assertThat(f.subtitle()).isEqualTo("Pod subtitle");
    }
}
