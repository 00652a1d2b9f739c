package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void resolvesOnlyRelativeUrlsAndKeepsTheRestOfTheMarkupAsItWas() {
        String html = "<p class=x><a href=\"/a\">a</a> <img src='b.png' alt=\"&lt;\"/> <a href=\"http://abs/\">c</a><br/></p>";
        assertThat(HtmlText.resolveUrls(html, "http://example.com/dir/feed"))
                .isEqualTo("<p class=x><a href=\"http://example.com/a\">a</a> <img src='http://example.com/dir/b.png' alt=\"&lt;\"/> "
                        + "<a href=\"http://abs/\">c</a><br/></p>");
    }

    @Test
    void resolvesUnquotedValuesAndLeavesCommentsAlone() {
        assertThat(HtmlText.resolveUrls("<!-- <a href=\"/no\"> --><a href=/yes>y</a>", "http://h/"))
                .isEqualTo("<!-- <a href=\"/no\"> --><a href=http://h/yes>y</a>");
    }

    @Test
    void leavesHtmlWithoutABaseUntouched() {
        assertThat(HtmlText.resolveUrls("<a href=\"/x\">x</a>", null)).isEqualTo("<a href=\"/x\">x</a>");
    }

    @Test
    void resolvesAgainstBasesWithoutAPath() {
        assertThat(Uris.resolve("http://example.com", "a/b")).isEqualTo("http://example.com/a/b");
        assertThat(Uris.resolve("http://example.com/x/y", "../z?q=1")).isEqualTo("http://example.com/z?q=1");
        assertThat(Uris.resolve("http://example.com/x", "//cdn.example.net/i")).isEqualTo("http://cdn.example.net/i");
        assertThat(Uris.resolve("http://example.com/x", "has space")).isEqualTo("http://example.com/has%20space");
        assertThat(Uris.resolve("http://example.com/x", "mailto:a@b")).isEqualTo("mailto:a@b");
    }

    @Test
    void decodesHtmlNamedEntities() {
        assertThat(HtmlText.entity("eacute")).isEqualTo("é");
        assertThat(HtmlText.entity("hellip")).isEqualTo("…");
        assertThat(HtmlText.entity("notanentity")).isNull();
    }
}
