package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;

/** Documents that are not well-formed still give what they hold. */
class RecoveryTest {

    @Test
    void recoversEntriesOfATruncatedDocument() {
        ParsedFeed f = Fixtures.parseString("""
                <rss version="2.0"><channel><title>Cut</title>
                <item><title>One</title><link>http://example.com/1</link></item>
                <item><title>Two</title><link>http://example.com/2</li""");
        assertThat(f.wellFormed()).isFalse();
        assertThat(f.title()).isEqualTo("Cut");
        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("One", "Two");
        assertThat(f.entries().getFirst().link()).isEqualTo("http://example.com/1");
    }

    @Test
    void decodesHtmlEntitiesInAttributesOfABrokenDocument() {
        ParsedFeed f = Fixtures.parseString("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Caf&eacute;</title>
                <entry><title>T</title><category term="na&iuml;ve"/></entry></feed>""");
        assertThat(f.title()).isEqualTo("Café");
        assertThat(f.entries().getFirst().categories()).containsExactly("naïve");
    }

    @Test
    void toleratesBareAmpersands() {
        ParsedFeed f = Fixtures.parseString("""
                <rss><channel><title>Fish & Chips</title><item><title>A & B</title><link>http://x.example/?a=1&b=2</link></item>
                </channel></rss>""");
        assertThat(f.title()).isEqualTo("Fish & Chips");
        assertThat(f.entries()).hasSize(1);
        assertThat(f.entries().getFirst().title()).isEqualTo("A & B");
        assertThat(f.entries().getFirst().link()).isEqualTo("http://x.example/?a=1&b=2");
    }

    @Test
    void guessesUndeclaredWellKnownPrefixes() {
        ParsedFeed f = Fixtures.parseString("""
                <rss><channel><item><title>x</title><dc:creator>Undeclared Author</dc:creator>
                <content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded></item></channel></rss>""");
        assertThat(f.entries().getFirst().author()).isEqualTo("Undeclared Author");
        assertThat(f.entries().getFirst().content()).isEqualTo("<p>body</p>");
    }

    @Test
    void reportsWhatWasWrong() {
        ParsedFeed f = Fixtures.parseString("<rss><channel><title>x</title></channel>");
        assertThat(f.problems()).singleElement().asString().startsWith("not well-formed XML");
    }

    @Test
    void givesAnEmptyResultForSomethingThatIsNoFeed() {
        ParsedFeed f = Fixtures.parseString("<html><body><p>Hello</p></body></html>");
        assertThat(f.format()).isEqualTo("unknown");
        assertThat(f.entries()).isEmpty();
    }
}
