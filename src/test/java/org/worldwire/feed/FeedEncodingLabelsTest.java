package org.worldwire.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Encoding labels and the single-byte decoders the JDK lacks, pinned to the WHATWG Encoding Standard (its labels
 * table, encodings.json, and its index files), the IANA Character Sets registry and the published code-page tables.
 */
class FeedEncodingLabelsTest {

    /** Decodes one byte with the decoder a label names. */
    private static String decode(String label, int b) {
        Charset cs = Encodings.charset(label);
        assertThat(cs).as(label).isNotNull();
        return new String(new byte[] {(byte) b}, cs);
    }

    /** A feed whose title is the byte 0x80-0xFF given, declared in the named encoding. */
    private static String titleOf(String label, int b) {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"" + label + "\"?><rss><channel><title>").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</title></channel></rss>".getBytes(StandardCharsets.US_ASCII);
        byte[] doc = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, doc, 0, head.length);
        doc[head.length] = (byte) b;
        System.arraycopy(tail, 0, doc, head.length + 1, tail.length);
        return FeedParser.parse(doc, FeedContext.NONE).title();
    }

    @Test
    void readsTheLabelsOfTheWhatwgTable() {
        // Encoding Standard §4.2 "Names and labels": one label of each legacy single-byte encoding and its name.
        assertThat(decode("csibm866", 0x80)).isEqualTo("А");            // IBM866
        assertThat(decode("iso-ir-157", 0xA1)).isEqualTo("Ą");          // ISO-8859-10
        assertThat(decode("iso885914", 0xA1)).isEqualTo("Ḃ");           // ISO-8859-14
        assertThat(decode("iso-8859-16", 0xA1)).isEqualTo("Ą");         // ISO-8859-16
        assertThat(decode("koi", 0xC1)).isEqualTo("а");                 // KOI8-R
        assertThat(decode("koi8-ru", 0xAE)).isEqualTo("ў");             // KOI8-U
        assertThat(decode("x-mac-roman", 0xDB)).isEqualTo("€");         // macintosh
        assertThat(decode("x-mac-ukrainian", 0xFF)).isEqualTo("€");     // x-mac-cyrillic
        assertThat(decode("dos-874", 0xA1)).isEqualTo("ก");             // windows-874
        assertThat(decode("x-cp1251", 0xC0)).isEqualTo("А");            // windows-1251
        assertThat(decode("logical", 0xE0)).isEqualTo("א");             // ISO-8859-8-I
        assertThat(decode("sun_eu_greek", 0xC1)).isEqualTo("Α");        // ISO-8859-7
        // Labels the standard gives to windows-1252 and windows-1254 although they say Latin-1 and Latin-5.
        assertThat(decode("us-ascii", 0x93)).isEqualTo("“");
        assertThat(decode("iso_8859-1:1987", 0x80)).isEqualTo("€");
        assertThat(decode("latin5", 0x80)).isEqualTo("€");
    }

    @Test
    void matchesLabelsLooselyAsUts22Says() {
        // UTS #22 §1.4: ignore case, non-alphanumerics and zeros not preceded by a digit.
        assertThat(Encodings.charset("KOI8_R")).isEqualTo(Charset.forName("KOI8-R"));
        assertThat(Encodings.charset("Windows 1251")).isEqualTo(Charset.forName("windows-1251"));
        assertThat(Encodings.charset("CP00858")).isEqualTo(Charset.forName("IBM00858"));
    }

    @Test
    void readsTheNamesAndAliasesOfTheIanaRegistry() {
        assertThat(Encodings.charset("csPC862LatinHebrew")).isEqualTo(Charset.forName("IBM862"));
        assertThat(Encodings.charset("ebcdic-cp-wt")).isEqualTo(Charset.forName("IBM037"));
        assertThat(Encodings.charset("ebcdic-international-500+euro")).isEqualTo(Charset.forName("IBM01148"));
        assertThat(Encodings.charset("Extended_UNIX_Code_Packed_Format_for_Japanese")).isEqualTo(Charset.forName("EUC-JP"));
        assertThat(decode("csHPRoman8", 0xA1)).isEqualTo("À");
        assertThat(decode("csVISCII", 0x02)).isEqualTo("Ẳ");            // VISCII redefines C0 controls (RFC 1456)
        assertThat(decode("iso-celtic", 0xD0)).isEqualTo("Ŵ");
    }

    @Test
    void decodesCyrillicAndCentralAsianCodePagesTheJdkLacks() {
        // IBM CP1125 (RUSCII, Ukrainian DOS): 0xF2 is Ґ, 0xF8 Ї; 866 has other letters there.
        assertThat(decode("cp1125", 0xF2)).isEqualTo("Ґ");
        assertThat(decode("ibm1125", 0xF8)).isEqualTo("Ї");
        assertThat(decode("cp866u", 0x80)).isEqualTo("А");
        assertThat(decode("ruscii", 0xF2)).isEqualTo("Ґ");
        // KOI8-U of the WHATWG index: RFC 2319's letters plus Ў/ў of KOI8-RU at 0xBE/0xAE.
        assertThat(decode("koi8-u", 0xA4)).isEqualTo("є");
        assertThat(decode("koi8-u", 0xBD)).isEqualTo("Ґ");
        assertThat(decode("koi8-u", 0xBE)).isEqualTo("Ў");
        // KOI8-T (Tajik): 0x80 is қ, 0x8A ҳ.
        assertThat(decode("koi8-t", 0x80)).isEqualTo("қ");
        assertThat(decode("KOI8_T", 0x8A)).isEqualTo("ҳ");
        // PTCP154 (IANA registration): 0x80 Җ, 0xAA Ә; its aliases PT154, CP154, Cyrillic-Asian.
        assertThat(decode("ptcp154", 0x80)).isEqualTo("Җ");
        assertThat(decode("Cyrillic-Asian", 0xAA)).isEqualTo("Ә");
        assertThat(decode("cp154", 0xC0)).isEqualTo("А");
        // KZ-1048 (IANA registration): 0xA1 Ұ, 0xAF Ү; aliases STRK1048-2002 and RK1048.
        assertThat(decode("kz-1048", 0xA1)).isEqualTo("Ұ");
        assertThat(decode("STRK1048-2002", 0xAF)).isEqualTo("Ү");
        assertThat(decode("rk1048", 0x8D)).isEqualTo("Қ");
        // Mac OS Cyrillic as Apple updated it (and the WHATWG index has it): 0xA2 Ґ, 0xB6 ґ, 0xFF €.
        assertThat(decode("mac-cyrillic", 0xA2)).isEqualTo("Ґ");
        assertThat(decode("maccyrillic", 0xB6)).isEqualTo("ґ");
        assertThat(decode("x-mac-cyrillic", 0xFF)).isEqualTo("€");
    }

    @Test
    void decodesXUserDefinedAsTheStandardComputesIt() {
        // Encoding Standard §14.5 x-user-defined decoder: byte b >= 0x80 is U+F780 + b - 0x80.
        assertThat(decode("x-user-defined", 0x80)).isEqualTo("\uF780");
        assertThat(decode("x-user-defined", 0xFF)).isEqualTo("\uF7FF");
        assertThat(decode("x-user-defined", 0x41)).isEqualTo("A");
    }

    @Test
    void leavesAnUndefinedByteAsAReplacementCharacter() {
        // KOI8-T leaves 0x88 undefined.
        assertThat(decode("koi8-t", 0x88)).isEqualTo("\uFFFD");
        assertThat(Encodings.charset("koi8-t").canEncode()).isFalse();
    }

    @Test
    void feedsDeclaringThemAreDecoded() {
        assertThat(titleOf("cp1125", 0x80)).isEqualTo("А");
        assertThat(titleOf("koi8-u", 0xA7)).isEqualTo("ї");
        assertThat(titleOf("kz1048", 0xA1)).isEqualTo("Ұ");
        assertThat(titleOf("macintosh", 0xDB)).isEqualTo("€");
        assertThat(titleOf("ISO-8859-10", 0xBD)).isEqualTo("―");
    }

    @Test
    void aBareCodePageNumberFindsTheJdkCharset() {
        assertThat(Encodings.charset("cp1141")).isEqualTo(Charset.forName("IBM01141"));
        assertThat(Encodings.charset("ibm-737")).isEqualTo(Charset.forName("x-IBM737"));
        assertThat(Encodings.charset("utf-7")).isNull();
        assertThat(Encodings.charset("x".repeat(80))).isNull();
    }
}
