package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

/**
 * Element names of a known vocabulary written in another case. XML names are case-sensitive (XML 1.0 §2.3), but
 * feeds in the wild write {@code <itunes:Author>}, {@code <PubDate>} or {@code <TITLE>}, and the de-facto parsers
 * (feedparser lower-cases every element name) read them; so does this one.
 */
class ElementNameCaseTest {
    @Test
    void readsKnownElementsWhateverTheirCase() {
        ParsedFeed f = Fixtures.parseString("<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                + "<Channel><TITLE>Show</TITLE><itunes:SUBTITLE>Sub</itunes:SUBTITLE><Item><Title>Ep</Title>"
                + "<PubDate>Mon, 01 Jan 2024 10:00:00 GMT</PubDate><itunes:AUTHOR>Host</itunes:AUTHOR>"
                + "<GUID isPermaLink=\"false\">g1</GUID><itunes:Category Text=\"News\"/></Item></Channel></rss>");
        assertThat(f.title()).isEqualTo("Show");
        assertThat(f.subtitle()).isEqualTo("Sub");
        FeedEntry e = f.entries().getFirst();
        assertThat(e.title()).isEqualTo("Ep");
        assertThat(e.published()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(e.author()).isEqualTo("Host");
        assertThat(e.id()).isEqualTo("g1");
        assertThat(e.link()).isNull();
    }

    @Test
    void readsTheAtomWrapperDivInAnotherCase() {
        FeedEntry e = Fixtures.parseString("<feed xmlns=\"http://www.w3.org/2005/Atom\"><Entry><ID>x</ID>"
                + "<Content type=\"xhtml\"><DIV xmlns=\"http://www.w3.org/1999/xhtml\"><b>b</b></DIV></Content></Entry></feed>")
                .entries().getFirst();
        assertThat(e.id()).isEqualTo("x");
        assertThat(e.content()).isEqualTo("<b>b</b>");
    }

    @Test
    void readsItunesKeywordsAsCategories() {
        FeedEntry e = Fixtures.parseString("<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel><item>"
                + "<itunes:keywords>politics, economy ,</itunes:keywords></item></channel></rss>").entries().getFirst();
        assertThat(e.categories()).containsExactly("politics", "economy");
    }
}
