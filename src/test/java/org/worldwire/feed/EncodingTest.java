package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ParsedFeed;

class EncodingTest {
    private static final String DOC = "<rss><channel><title>%s</title></channel></rss>";

    private static byte[] encoded(String declaration, String title, Charset cs) {
        return (declaration + DOC.formatted(title)).getBytes(cs);
    }

    @Test
    void followsTheXmlDeclaration() {
        byte[] body = encoded("<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "Новости", Charset.forName("KOI8-R"));
        assertThat(FeedParser.parse(body, FeedContext.NONE).title()).isEqualTo("Новости");
    }

    @Test
    void letsTheHttpCharsetOverrideTheDeclaration() {
        byte[] body = encoded("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "£“test”", Charset.forName("windows-1252"));
        ParsedFeed f = FeedParser.parse(body, new FeedContext("http://x/", "text/xml; charset=windows-1252", null));
        assertThat(f.title()).isEqualTo("£“test”");
    }

    @Test
    void trustsAByteOrderMarkFirst() {
        byte[] utf16 = encoded("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "Ünïcödé", StandardCharsets.UTF_16);
        assertThat(FeedParser.parse(utf16, FeedContext.NONE).title()).isEqualTo("Ünïcödé");
        byte[] text = encoded("", "Ünïcödé", StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        assertThat(FeedParser.parse(bom, new FeedContext(null, "application/xml; charset=iso-8859-2", null)).title()).isEqualTo("Ünïcödé");
    }

    @Test
    void sniffsUtf16WithoutAByteOrderMark() {
        byte[] body = encoded("<?xml version=\"1.0\" encoding=\"utf-16\"?>", "wide", StandardCharsets.UTF_16LE);
        assertThat(FeedParser.parse(body, FeedContext.NONE).title()).isEqualTo("wide");
    }

    @Test
    void readsEbcdicFromItsDeclaration() {
        byte[] body = encoded("<?xml version=\"1.0\" encoding=\"cp500\"?>", "Ebcdic [ok]", Charset.forName("IBM500"));
        assertThat(FeedParser.parse(body, FeedContext.NONE).title()).isEqualTo("Ebcdic [ok]");
    }

    @Test
    void understandsPythonStyleCodecNames() {
        assertThat(Encodings.charset("cp_is")).isEqualTo(Charset.forName("IBM861"));
        assertThat(Encodings.charset("csibm855")).isEqualTo(Charset.forName("IBM855"));
        assertThat(Encodings.charset("cspc775baltic")).isEqualTo(Charset.forName("IBM775"));
        // Apple's current Mac OS Cyrillic (the WHATWG x-mac-cyrillic), not the JDK's older x-MacCyrillic.
        assertThat(Encodings.charset("mac-cyrillic").name()).isEqualTo("x-mac-cyrillic");
        assertThat(Encodings.charset("windows_1251")).isEqualTo(Charset.forName("windows-1251"));
        assertThat(Encodings.charset("866")).isEqualTo(Charset.forName("IBM866"));
        assertThat(Encodings.charset("no-such-thing")).isNull();
    }

    @Test
    void readsLatin1AsWindows1252() {
        byte[] body = encoded("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "don’t", Charset.forName("windows-1252"));
        assertThat(FeedParser.parse(body, FeedContext.NONE).title()).isEqualTo("don’t");
    }

    @Test
    void fallsBackToWindows1252WhenUtf8IsALie() {
        byte[] body = encoded("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "café", Charset.forName("windows-1252"));
        ParsedFeed f = FeedParser.parse(body, FeedContext.NONE);
        assertThat(f.title()).isEqualTo("café");
        assertThat(f.problems()).anySatisfy(p -> assertThat(p).contains("not UTF-8"));
    }

    @Test
    void repairsDoubleEncodedUtf8AndWindows1252CodePoints() {
        assertThat(Fixtures.parseString(DOC.formatted("&#226;&#128;&#166;")).title()).isEqualTo("…");
        assertThat(Fixtures.parseString(DOC.formatted("don&#146;t")).title()).isEqualTo("don’t");
        assertThat(Fixtures.parseString(DOC.formatted("Ã© stays")).title()).isEqualTo("Ã© stays");
    }
}
