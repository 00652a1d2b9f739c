package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Enclosure;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

class AtomTest {
    private final ParsedFeed feed = Fixtures.parse("atom10.xml", "http://ignored.example.com/because/xml-base");

    @Test
    void readsTheFeedResolvingAgainstXmlBase() {
        assertThat(feed.format()).isEqualTo("atom10");
        assertThat(feed.title()).isEqualTo("Atom <Example>");
        assertThat(feed.subtitle()).isEqualTo("A <b>bold</b> subtitle");
        assertThat(feed.link()).isEqualTo("http://example.org/base/home.html");
        assertThat(feed.self()).isEqualTo("http://example.org/base/feed.atom");
        assertThat(feed.hubs()).containsExactly("https://hub.example.net/");
        assertThat(feed.updated()).isEqualTo(Instant.parse("2026-11-28T08:00:00.123Z"));
    }

    @Test
    void mapsEveryEntryField() {
        FeedEntry e = feed.entries().getFirst();
        assertThat(e.title()).isEqualTo("An <em>xhtml</em> title");
        assertThat(e.link()).isEqualTo("http://example.org/base/entries/1");
        assertThat(e.id()).isEqualTo("tag:example.org,2026:1");
        assertThat(e.published()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(e.updated()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(e.author()).isEqualTo("Ann Author");
        assertThat(e.categories()).containsExactly("science", "space");
        assertThat(e.summary()).isEqualTo("1 < 2 is plain text");
        assertThat(e.enclosures()).containsExactly(new Enclosure("http://example.org/base/media/movie.mp4", "video/mp4", "4242"));
    }

    @Test
    void resolvesRelativeLinksInHtmlContentAgainstTheNearestXmlBase() {
        assertThat(feed.entries().getFirst().content()).isEqualTo("<p>See <a href=\"http://other.example.com/dir/page.html\">this</a></p>");
    }

    @Test
    void serialisesXhtmlContentWithoutItsWrappingDiv() {
        FeedEntry e = feed.entries().get(1);
        assertThat(e.title()).isEqualTo("Escaped <b>html</b> title");
        assertThat(e.content()).isEqualTo("<p>Para <a href=\"http://example.org/abs/path\">link</a><br />line</p>");
    }

    @Test
    void ignoresTheSourceElementOfAnEntry() {
        assertThat(feed.entries().get(1).title()).doesNotContain("Source");
    }

    @Test
    void decodesBase64Constructs() {
        FeedEntry e = feed.entries().get(2);
        assertThat(e.title()).isEqualTo("Base64 title");
        assertThat(e.content()).isEqualTo("<b>binary</b>");
    }

    @Test
    void prefersTheAlternateLinkWhateverTheOrder() {
        ParsedFeed f = Fixtures.parseString("""
                <feed xmlns="http://www.w3.org/2005/Atom"><entry>
                <link rel="enclosure" href="http://example.com/e.mp3"/><link rel="alternate" href="http://example.com/a"/>
                </entry><entry><link rel="alternate">http://example.com/text-link</link>
                <link rel="enclosure">http://example.com/enclosure</link></entry></feed>""");
        assertThat(f.entries()).extracting(FeedEntry::link).containsExactly("http://example.com/a", "http://example.com/text-link");
    }

    @Test
    void readsAtom03() {
        ParsedFeed f = Fixtures.parse("atom03.xml", null);
        assertThat(f.format()).isEqualTo("atom03");
        assertThat(f.title()).isEqualTo("Atom 0.3 feed");
        assertThat(f.subtitle()).isEqualTo("The tagline");
        assertThat(f.link()).isEqualTo("http://example.org/");
        assertThat(f.updated()).isEqualTo(Instant.parse("2004-01-01T19:48:21Z"));
        FeedEntry e = f.entries().getFirst();
        assertThat(e.title()).isEqualTo("Escaped <i>0.3</i>");
        assertThat(e.published()).isEqualTo(Instant.parse("2003-12-31T18:14:55Z"));
        assertThat(e.updated()).isEqualTo(Instant.parse("2004-01-01T00:00:00Z"));
        assertThat(e.author()).isEqualTo("Old Author");
        assertThat(e.summary()).isEqualTo("<div>Kept <b>div</b></div>");
        assertThat(e.content()).isEqualTo("<p>base64 content</p>");
    }

    @Test
    void lastValueWinsForRepeatedDates() {
        ParsedFeed f = Fixtures.parseString("""
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><updated>2010-12-01T10:14:55Z</updated>
                <updated>2003-12-31T10:14:55Z</updated></entry></feed>""");
        assertThat(f.entries().getFirst().updated()).isEqualTo(Instant.parse("2003-12-31T10:14:55Z"));
    }

    @Test
    void resolvesAgainstContentLocationBeforeTheDocumentUrl() {
        byte[] xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><link href=\"x\"/></feed>".getBytes();
        assertThat(FeedParser.parse(xml, new FeedContext("http://doc.example.com/a/feed", null, "http://loc.example.com/b/")).link())
                .isEqualTo("http://loc.example.com/b/x");
        assertThat(FeedParser.parse(xml, new FeedContext("http://doc.example.com/a/feed", null, "../c/")).link())
                .isEqualTo("http://doc.example.com/c/x");
        assertThat(FeedParser.parse(xml, FeedContext.of("http://doc.example.com/a/feed")).link())
                .isEqualTo("http://doc.example.com/a/x");
    }

    @Test
    void prefersAnHtmlAlternateOverOtherTypes() {
        ParsedFeed f = Fixtures.parseString("""
                <feed xmlns="http://www.w3.org/2005/Atom"><link rel="alternate" type="application/atom+xml" href="http://e.com/f"/>
                <link rel="alternate" type="text/html" href="http://e.com/page"/>
                <entry><link type="application/pdf" href="http://e.com/x.pdf"/></entry></feed>""");
        assertThat(f.link()).isEqualTo("http://e.com/page");
        assertThat(f.entries().getFirst().link()).isEqualTo("http://e.com/x.pdf");
    }

    @Test
    void readsPreAtomEchoNamespaces() {
        ParsedFeed f = Fixtures.parseString("<feed xmlns=\"http://purl.org/echo/\"><title>Echo</title></feed>");
        assertThat(f.title()).isEqualTo("Echo");
    }

    @Test
    void resolvesRelativeAtomIdsButNotRssGuids() {
        ParsedFeed atom = Fixtures.parseString("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>/rel/1</id></entry></feed>",
                "http://example.com/feed");
        assertThat(atom.entries().getFirst().id()).isEqualTo("http://example.com/rel/1");
        ParsedFeed rss = Fixtures.parseString("<rss><channel><item><guid isPermaLink=\"false\">/rel/1</guid></item></channel></rss>",
                "http://example.com/feed");
        assertThat(rss.entries().getFirst().id()).isEqualTo("/rel/1");
    }

    @Test
    void takesThePublishedDateAsUpdatedWhenThereIsNoOther() {
        ParsedFeed f = Fixtures.parseString("""
                <rss><channel><pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>
                <item><pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>""");
        assertThat(f.updated()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(f.entries().getFirst().updated()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
    }
}
