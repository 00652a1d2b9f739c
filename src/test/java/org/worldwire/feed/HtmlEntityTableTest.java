package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Named character references in feeds follow HTML 4.01's table (the vocabulary feeds were written against and
 * XHTML 1.0 inherits), falling back to HTML5's for names HTML 4.01 lacks. The two tables differ on two names only.
 */
class HtmlEntityTableTest {
    private static final String DOC = "<rss><channel><title>%s</title></channel></rss>";

    @Test
    void langAndRangAreTheHtml4AngleBrackets() {
        // HTML 4.01 HTMLsymbol.ent: <!ENTITY lang CDATA "&#9001;"> and <!ENTITY rang CDATA "&#9002;">.
        assertThat(HtmlText.entity("lang")).isEqualTo("\u2329");
        assertThat(HtmlText.entity("rang")).isEqualTo("\u232A");
        assertThat(Fixtures.parseString(DOC.formatted("a &lang;b&rang;")).title()).isEqualTo("a \u2329b\u232A");
    }

    @Test
    void theRecoveryParserUsesTheSameTable() {
        // The same references in a document that is not well-formed (no end tag), read by the forgiving parser.
        String broken = "<rss><channel><title>&lang;x&rang; &eacute;</title></channel></rss";
        assertThat(Fixtures.parseString(broken).title()).isEqualTo("\u2329x\u232A é");
    }

    @Test
    void otherNamesKeepTheirSharedOrHtml5CodePoints() {
        assertThat(HtmlText.entity("hellip")).isEqualTo("…");       // HTML 4.01 and HTML5 agree
        assertThat(HtmlText.entity("thetasym")).isEqualTo("ϑ");
        assertThat(HtmlText.entity("NotEqualTilde")).isEqualTo("≂̸"); // HTML5 only
        assertThat(HtmlText.entity("nosuchname")).isNull();
    }

    @Test
    void aDeclaredEntityOfTheSameNameWins() {
        // XML 1.0 §4.1: a declared general entity is what its reference means.
        String doc = "<!DOCTYPE rss [<!ENTITY lang \"English\">]><rss><channel><title>&lang;</title></channel></rss";
        assertThat(Fixtures.parseString(doc).title()).isEqualTo("English");
    }
}
