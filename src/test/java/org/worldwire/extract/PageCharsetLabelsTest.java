package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ArticleContent;

/**
 * A page's charset label is read as the WHATWG Encoding Standard says (§4.2 "Names and labels", which HTML's
 * {@code <meta charset>} and the {@code Content-Type} header both defer to), not as the JDK names charsets.
 */
class PageCharsetLabelsTest {

    /** A page declaring {@code label} whose one paragraph is {@code body}, encoded with {@code encoding}. */
    private static byte[] page(String label, String body, Charset encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + label
                + "\"><title>T</title></head><body><div class=\"article-body\"><p>").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.getBytes(encoding));
        out.writeBytes("</p></div></body></html>".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String text(byte[] page) {
        ArticleContent a = ArticleExtractor.extract(page, null, null);
        return String.join("\n", a.paragraphs());
    }

    @Test
    void latinOneLabelsInAnySpellingReadTheWindowsQuotes() {
        // §4.2: every Latin-1 label ("iso-8859-1", "iso_8859-1:1987", "csisolatin1", "ibm819", ...) is windows-1252,
        // so the bytes 0x93 and 0x94 are quotation marks, not C1 controls.
        String body = "The minister said the plan was \u201cdead\u201d \u2013 and that the talks, in the end, had failed for good.";
        for (String label : new String[] {"ISO8859_1", "iso_8859-1:1987", "csisolatin1", "ibm819", "x-iso-8859-1"}) {
            assertThat(text(page(label, body, Charset.forName("windows-1252")))).as(label).isEqualTo(body);
        }
    }

    @Test
    void eucKrIsReadAsWindows949WithItsExtraHangul() {
        // §4.2 and §13 (index EUC-KR): "euc-kr" and "ks_c_5601-1987" decode with the Unified Hangul Code, whose
        // syllables outside KS X 1001 (here U+AC02, U+B620) Korean pages written in "EUC-KR" carry all the time.
        String body = "\uc11c\uc6b8\uc2dc\ub294 \uc624\ub298 \uc0c8 \uad50\ud1b5 \uacc4\ud68d\uc744 \ubc1c\ud45c\ud588\ub2e4 \uac02\ub620, "
                + "\uc2dc\ubbfc\ub4e4\uc740 \ud658\uc601\ud588\ub2e4.";
        for (String label : new String[] {"euc-kr", "ks_c_5601-1987", "korean"}) {
            assertThat(text(page(label, body, Charset.forName("x-windows-949")))).as(label).isEqualTo(body);
        }
    }

    @Test
    void labelsOfEncodingsTheJdkLacksAreDecodedFromTheirTables() {
        // KOI8-U under its "koi8-ru" label (§4.2), and the Mac Cyrillic page of "x-mac-cyrillic": the JDK knows
        // neither label, and a guess could pick the wrong Cyrillic table.
        String ukrainian = "\u0423\u0440\u044f\u0434 \u0443\u0445\u0432\u0430\u043b\u0438\u0432 \u043d\u043e\u0432\u0438\u0439 "
                + "\u0431\u044e\u0434\u0436\u0435\u0442, \u0456 \u0432\u0456\u043d \u043d\u0430\u0431\u0443\u0434\u0435 "
                + "\u0447\u0438\u043d\u043d\u043e\u0441\u0442\u0456 \u0437 \u0441\u0456\u0447\u043d\u044f.";
        assertThat(text(page("koi8-ru", ukrainian, Charset.forName("KOI8-U")))).isEqualTo(ukrainian);
        assertThat(text(page("x-mac-cyrillic", ukrainian, Charset.forName("x-MacCyrillic")))).isEqualTo(ukrainian);
    }

    @Test
    void metaLabelsThatCannotBeTrueAreReadAsHtmlsPrescanSays() {
        // HTML §13.2.3.2: a <meta> declaring UTF-16 was read from ASCII-compatible bytes, so it means UTF-8; a
        // <meta> declaring x-user-defined means windows-1252.
        String accented = "Le ministre a pr\u00e9sent\u00e9 le budget, et l'opposition a d\u00e9nonc\u00e9 un \u00ab\u00a0tour de passe-passe\u00a0\u00bb.";
        assertThat(text(page("utf-16", accented, StandardCharsets.UTF_8))).isEqualTo(accented.replace('\u00a0', ' '));
        String quoted = "The minister said the plan was \u201cdead\u201d, and that the talks, in the end, had failed for good.";
        assertThat(text(page("x-user-defined", quoted, Charset.forName("windows-1252")))).isEqualTo(quoted);
    }
}
