package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.worldwire.model.FeedEntry;

/**
 * Items carrying a description and another summary-like or content element, in either order. RSS 2.0 defines
 * {@code description} as "the item synopsis"; the content module (purl.org/rss/1.0/modules/content/) defines
 * {@code content:encoded} as the item's full content; Atom (RFC 4287 §4.1.3, §4.2.13) separates {@code content}
 * from {@code summary}. Which of two summary-like elements is the summary is left open by the specifications; the
 * precedence here is the reference parser's (feedparser): the first one is the summary, a later one is the content
 * unless the item already has a content element, and a content element with no summary before it also stands in
 * for the summary.
 */
class SummaryContentPrecedenceTest {
    private static final String RSS = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
            + " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>t</title><item>%s</item></channel></rss>";

    private static FeedEntry item(String body) {
        return Fixtures.parseString(RSS.formatted(body)).entries().getFirst();
    }

    @Test
    void descriptionIsTheSummaryAndContentEncodedTheContentInEitherOrder() {
        // RSS 2.0 "description: The item synopsis"; content module "content:encoded: the full content".
        FeedEntry before = item("<description>synopsis</description><content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded>");
        FeedEntry after = item("<content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded><description>synopsis</description>");
        for (FeedEntry e : new FeedEntry[] {before, after}) {
            assertThat(e.summary()).isEqualTo("synopsis");
            assertThat(e.content()).isEqualTo("<p>full</p>");
        }
    }

    @Test
    void fullitemIsContentLikeContentEncoded() {
        FeedEntry e = item("<fullitem>whole story</fullitem><description>synopsis</description>");
        assertThat(e.summary()).isEqualTo("synopsis");
        assertThat(e.content()).isEqualTo("whole story");
    }

    @Test
    void ofTwoSummaryLikeElementsTheFirstIsTheSummaryAndTheSecondTheContent() {
        FeedEntry descFirst = item("<description>from description</description><summary>from summary</summary>");
        assertThat(descFirst.summary()).isEqualTo("from description");
        assertThat(descFirst.content()).isEqualTo("from summary");
        FeedEntry summaryFirst = item("<summary>from summary</summary><description>from description</description>");
        assertThat(summaryFirst.summary()).isEqualTo("from summary");
        assertThat(summaryFirst.content()).isEqualTo("from description");
    }

    @Test
    void itunesSummaryAndDcDescriptionAreSummaryLike() {
        FeedEntry itunes = item("<description>d</description><itunes:summary>i</itunes:summary>");
        assertThat(itunes.summary()).isEqualTo("d");
        assertThat(itunes.content()).isEqualTo("i");
        FeedEntry dc = item("<dc:description>dc</dc:description><description>d</description>");
        assertThat(dc.summary()).isEqualTo("dc");
        assertThat(dc.content()).isEqualTo("d");
    }

    @Test
    void aSummaryLikeElementAfterTheContentIsTheSummaryAgain() {
        FeedEntry e = item("<content:encoded>c</content:encoded><description>d</description><summary>s</summary>");
        assertThat(e.content()).isEqualTo("c");
        assertThat(e.summary()).isEqualTo("s");
    }

    @Test
    void xhtmlBodyIsContentAndStandsInForAMissingSummary() {
        FeedEntry after = item("<description>d</description><xhtml:body><p>b</p></xhtml:body>");
        assertThat(after.summary()).isEqualTo("d");
        assertThat(after.content()).isEqualTo("<p>b</p>");
        FeedEntry only = item("<xhtml:body><p>b</p></xhtml:body>");
        assertThat(only.summary()).isEqualTo("<p>b</p>");
    }

    @Test
    void eachItemStartsWithoutContent() {
        var entries = Fixtures.parseString(RSS.formatted("<content:encoded>c1</content:encoded><description>d1</description>"
                + "</item><item><description>d2</description><summary>s2</summary>")).entries();
        assertThat(entries.get(1).summary()).isEqualTo("d2");
        assertThat(entries.get(1).content()).isEqualTo("s2");
    }

    @Test
    void atomContentStandsInForAMissingSummaryButNotForAnotherMediaType() {
        // RFC 4287 §4.1.3.3: content of another media type is base64 (or referenced by src), not text.
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</id>%s</entry></feed>";
        assertThat(Fixtures.parseString(atom.formatted("<content type=\"html\">&lt;b&gt;c&lt;/b&gt;</content>"))
                .entries().getFirst().summary()).isEqualTo("<b>c</b>");
        assertThat(Fixtures.parseString(atom.formatted("<content type=\"image/png\">aGVsbG8=</content>"))
                .entries().getFirst().summary()).isNull();
    }
}
