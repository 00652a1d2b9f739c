package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.worldwire.model.FeedEntry;

/** Atom XHTML constructs (RFC 4287 §3.1.1.3 and §4.1.3.3) whose text holds escaped markup. */
class XhtmlContentTest {
    private static final String ATOM = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>x</id>%s</entry></feed>";

    private static FeedEntry entry(String body) {
        return Fixtures.parseString(ATOM.formatted(body)).entries().getFirst();
    }

    @Test
    void dropsTheWrapperDivAndKeepsEscapedMarkupAsText() {
        // §3.1.1.3: "The XHTML div element itself MUST NOT be considered part of the content"; the escaped
        // "&lt;b&gt;" is character data, the text "<b>", so the HTML value writes it escaped.
        FeedEntry e = entry("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "&lt;b&gt;not bold&lt;/b&gt; <i>italic</i></div></content>");
        assertThat(e.content()).isEqualTo("&lt;b&gt;not bold&lt;/b&gt; <i>italic</i>");
    }

    @Test
    void dropsAPrefixedWrapperDivToo() {
        FeedEntry e = entry("<summary type=\"xhtml\"><x:div xmlns:x=\"http://www.w3.org/1999/xhtml\">&lt;p&gt;a &amp;amp; b</x:div></summary>");
        assertThat(e.summary()).isEqualTo("&lt;p&gt;a &amp;amp; b");
    }

    @Test
    void escapedMarkupWithoutAnyElementIsStillText() {
        // An xhtml construct is markup by its elements only; character data never becomes tags.
        FeedEntry e = entry("<content type=\"xhtml\">&lt;div&gt;&lt;b&gt;x&lt;/b&gt;&lt;/div&gt;</content>");
        assertThat(e.content()).isEqualTo("&lt;div&gt;&lt;b&gt;x&lt;/b&gt;&lt;/div&gt;");
    }

    @Test
    void htmlTypedContentIsStillUnescapedOnce() {
        // §3.1.1.2: type="html" content is escaped HTML, unescaped once.
        assertThat(entry("<content type=\"html\">&lt;b&gt;bold&lt;/b&gt;</content>").content()).isEqualTo("<b>bold</b>");
    }
}
