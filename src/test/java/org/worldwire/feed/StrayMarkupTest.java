package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Markup-like text in HTML values that is not markup. An RSS description is escaped HTML (RSS 2.0: "entity-encoded
 * HTML is allowed"); once unescaped it is read as HTML, where a "<" that begins no tag, comment or declaration
 * (WHATWG HTML §13.2.5.6 "tag open state", §13.2.5.42 "markup declaration open state") is text, except that "<!"
 * and "</" before a non-letter open a bogus comment that would eat the text up to the next ">". Such a "<" is
 * escaped, never dropped and never passed on raw.
 */
class StrayMarkupTest {
    private static String summary(String description) {
        return Fixtures.parseString("<rss><channel><item><description>" + description + "</description></item></channel></rss>")
                .entries().getFirst().summary();
    }

    @Test
    void escapesALessThanThatOpensABogusComment() {
        assertThat(summary("it&lt;!'s here &gt; there")).isEqualTo("it&lt;!'s here > there");
        assertThat(summary("a &lt;/ b")).isEqualTo("a &lt;/ b");
    }

    @Test
    void escapesALoneLessThan() {
        assertThat(summary("1 &lt; 2 and 3&lt;4")).isEqualTo("1 &lt; 2 and 3&lt;4");
        assertThat(summary("ends with &lt;")).isEqualTo("ends with &lt;");
    }

    @Test
    void keepsRealMarkup() {
        assertThat(summary("&lt;p&gt;a &lt;b&gt;b&lt;/b&gt;&lt;!-- c --&gt;&lt;/p&gt;")).isEqualTo("<p>a <b>b</b><!-- c --></p>");
        assertThat(summary("&lt;![CDATA[x]]&gt;")).isEqualTo("<![CDATA[x]]>");
    }

    @Test
    void leavesPlainTextTitlesAlone() {
        // A plain-text construct is returned as text, not HTML (the title is not HTML in RSS 2.0).
        assertThat(Fixtures.parseString("<rss><channel><title>1 &lt; 2</title></channel></rss>").title()).isEqualTo("1 < 2");
    }

    @Test
    void theRecoveryParserKeepsRawStrayMarkupAsText() {
        // Not well-formed (XML 1.0 §2.4 wants "<" escaped in text): the forgiving parser must neither swallow the
        // text after "<!'" as a declaration nor lose the elements that follow.
        var entries = Fixtures.parseString("<rss><channel><item><description>foo <!' bar</description><title>a < b</title>"
                + "</item><item><description><![CDATA[kept <!' as is]]></description></item></channel></rss>").entries();
        assertThat(entries.get(0).summary()).isEqualTo("foo &lt;!' bar");
        assertThat(entries.get(0).title()).isEqualTo("a < b");
        assertThat(entries.get(1).summary()).isEqualTo("kept &lt;!' as is");
        assertThat(LenientReader.escapeStrayMarkup("<a><!-- <! --><!DOCTYPE x><?pi?></a>"))
                .isEqualTo("<a><!-- <! --><!DOCTYPE x><?pi?></a>");
    }

    @Test
    void escapeStrayLessThanIsIdentityWithoutStrays() {
        String html = "<a href=\"x\">y</a>";
        assertThat(HtmlText.escapeStrayLessThan(html)).isSameAs(html);
        assertThat(HtmlText.escapeStrayLessThan("<?php x ?><!DOCTYPE html>")).isEqualTo("<?php x ?><!DOCTYPE html>");
    }
}
