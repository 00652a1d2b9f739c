package org.worldwire.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Single-byte encodings that feeds declare and the JDK cannot decode (or decodes from an outdated table), decoded
 * from their published code-point tables. Each table lists the characters of bytes 0x80-0xFF in order (all 256
 * bytes when the encoding also redefines the ASCII range); U+FFFD marks a byte the table leaves undefined. These
 * charsets decode only: nothing here writes legacy encodings.
 */
final class LegacyCharsets {
    private LegacyCharsets() {}

    /** ISO/IEC 8859-10:1998 (Latin-6, Nordic): Unicode Consortium MAPPINGS/ISO8859/8859-10.TXT, identical to the WHATWG index-iso-8859-10. */
    static final String ISO_8859_10 =
            "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
            + "\u00A0ĄĒĢĪĨĶ§ĻĐŠŦŽ\u00ADŪŊ°ąēģīĩķ·ļđšŧž―ūŋ"
            + "ĀÁÂÃÄÅÆĮČÉĘËĖÍÎÏÐŅŌÓÔÕÖŨØŲÚÛÜÝÞß"
            + "āáâãäåæįčéęëėíîïðņōóôõöũøųúûüýþĸ";

    /** ISO/IEC 8859-14:1998 (Latin-8, Celtic): Unicode Consortium MAPPINGS/ISO8859/8859-14.TXT, identical to the WHATWG index-iso-8859-14. */
    static final String ISO_8859_14 =
            "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
            + "\u00A0Ḃḃ£ĊċḊ§Ẁ©ẂḋỲ\u00AD®ŸḞḟĠġṀṁ¶ṖẁṗẃṠỳẄẅṡ"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏŴÑÒÓÔÕÖṪØÙÚÛÜÝŶß"
            + "àáâãäåæçèéêëìíîïŵñòóôõöṫøùúûüýŷÿ";

    /** WHATWG Encoding Standard index-koi8-u (2017-05-06): KOI8-U of RFC 2319 with 0xAE and 0xBE holding Belarusian ў and Ў (KOI8-RU) instead of two box-drawing characters. */
    static final String KOI8_U =
            "─│┌┐└┘├┤┬┴┼▀▄█▌▐░▒▓⌠■∙√≈≤≥\u00A0⌡°²·÷"
            + "═║╒ёє╔ії╗╘╙╚╛ґў╞╟╠╡ЁЄ╣ІЇ╦╧╨╩╪ҐЎ©"
            + "юабцдефгхийклмнопярстужвьызшэщчъ"
            + "ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ";

    /** IBM code page 1125 (RUSCII, Ukrainian DOS): IBM CDRA table, as in glibc localedata charmaps/CP1125 and Python encodings.cp1125. */
    static final String IBM1125 =
            "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "абвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "рстуфхцчшщъыьэюяЁёҐґЄєІіЇї·√№¤■\u00A0";

    /** KOI8-T (Tajik): glibc localedata charmaps/KOI8-T, as in Python encodings.koi8_t. */
    static final String KOI8_T =
            "қғ‚Ғ„…†‡\uFFFD‰ҳ‹ҲҷҶ\uFFFDҚ‘’“”•–—\uFFFD™\uFFFD›\uFFFD\uFFFD\uFFFD\uFFFD"
            + "\uFFFDӯӮё¤ӣ¦§\uFFFD\uFFFD\uFFFD«¬\u00AD®\uFFFD°±²Ё\uFFFDӢ¶·\uFFFD№\uFFFD»\uFFFD\uFFFD\uFFFD©"
            + "юабцдефгхийклмнопярстужвьызшэщчъ"
            + "ЮАБЦДЕФГХИЙКЛМНОПЯРСТУЖВЬЫЗШЭЩЧЪ";

    /** PTCP154 (Kazakh, Paratype): the table of its IANA registration (iana.org/assignments/charset-reg/PTCP154), as in glibc charmaps/PT154 and Python encodings.ptcp154. */
    static final String PTCP154 =
            "ҖҒӮғ„…ҶҮҲүҠӢҢҚҺҸҗ‘’“”•–—ҳҷҡӣңқһҹ"
            + "\u00A0ЎўЈӨҘҰ§Ё©Ә«¬ӯ®Ҝ°ұІіҙө¶·ё№ә»јҪҫҝ"
            + "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "абвгдежзийклмнопрстуфхцчшщъыьэюя";

    /** KZ-1048 (Kazakh, STRK1048-2002): the table of its IANA registration (iana.org/assignments/charset-reg/KZ-1048), as in glibc charmaps/RK1048 and Python encodings.kz1048. */
    static final String KZ_1048 =
            "ЂЃ‚ѓ„…†‡€‰Љ‹ЊҚҺЏђ‘’“”•–—\uFFFD™љ›њқһџ"
            + "\u00A0ҰұӘ¤Ө¦§Ё©Ғ«¬\u00AD®Ү°±Ііөµ¶·ё№ғ»әҢңү"
            + "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "абвгдежзийклмнопрстуфхцчшщъыьэюя";

    /** hp-roman8 (IANA MIBenum 2004, RFC 1345): glibc localedata charmaps/HP-ROMAN8, as in Python encodings.hp_roman8. */
    static final String HP_ROMAN8 =
            "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
            + "\u00A0ÀÂÈÊËÎÏ´ˋˆ¨˜ÙÛ₤¯Ýý°ÇçÑñ¡¿¤£¥§ƒ¢"
            + "âêôûáéóúàèòùäëöüÅîØÆåíøæÄìÖÜÉïßÔ"
            + "ÁÃãÐðÍÌÓÒÕõŠšÚŸÿÞþ·µ¶¾—¼½ªº«■»±\uFFFD";

    /** VISCII (Vietnamese, RFC 1456, IANA MIBenum 2082): glibc localedata charmaps/VISCII. */
    static final String VISCII =
            "\u0000\u0001Ẳ\u0003\u0004ẴẪ\u0007\u0008\u0009\n\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013Ỷ\u0015\u0016\u0017\u0018Ỹ\u001A\u001B\u001C\u001DỴ\u001F"
            + " !\"#$%&'()*+,-./0123456789:;<=>?"
            + "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"
            + "`abcdefghijklmnopqrstuvwxyz{|}~\u007F"
            + "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
            + "ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
            + "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư"
            + "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ";

    /** Microsoft code page 720 (DOS Arabic), as in Python encodings.cp720. */
    static final String IBM720 =
            "\u0080\u0081éâ\u0084à\u0086çêëèïî\u008D\u008E\u008F\u0090\u0651\u0652ô¤\u0640ûù\u0621\u0622\u0623\u0624£\u0625\u0626\u0627"
            + "\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "\u0636\u0637\u0638\u0639\u063A\u0641µ\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A≡\u064B\u064C\u064D\u064E\u064F\u0650≈°∙·√ⁿ²■\u00A0";

    /** Mac OS Roman: Apple's mapping table (Unicode Consortium MAPPINGS/VENDORS/APPLE/ROMAN.TXT, with the euro sign at 0xDB), identical to the WHATWG index-macintosh. */
    static final String MACINTOSH =
            "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
            + "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"
            + "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ\u2044€‹›\uFB01\uFB02"
            + "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

    /** Mac OS Cyrillic as updated for Ukrainian and the euro (VENDORS/APPLE/CYRILLIC.TXT), identical to the WHATWG index-x-mac-cyrillic. */
    static final String X_MAC_CYRILLIC =
            "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            + "†°Ґ£§•¶І®©™Ђђ≠Ѓѓ∞±≤≥іµґЈЄєЇїЉљЊњ"
            + "јЅ¬√ƒ≈∆«»…\u00A0ЋћЌќѕ–—“”‘’÷„ЎўЏџ№Ёёя"
            + "абвгдежзийклмнопрстуфхцчшщъыьэю€";

    /** Mac OS Greek (VENDORS/APPLE/GREEK.TXT), as in Python encodings.mac_greek. */
    static final String X_MAC_GREEK =
            "Ä¹²É³ÖÜ΅àâä΄¨çéèêë£™îï•½‰ôö¦€ùûü"
            + "†ΓΔΘΛΞΠß®©ΣΪ§≠°·Α±≤≥¥ΒΕΖΗΙΚΜΦΫΨΩ"
            + "άΝ¬ΟΡ≈Τ«»…\u00A0ΥΧΆΈœ–―“”‘’÷ΉΊΌΎέήίόΏ"
            + "ύαβψδεφγηιξκλμνοπώρστθωςχυζϊϋΐΰ\u00AD";

    /** Mac OS Icelandic (VENDORS/APPLE/ICELAND.TXT), as in Python encodings.mac_iceland. */
    static final String X_MAC_ICELANDIC =
            "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
            + "Ý°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"
            + "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ\u2044€ÐðÞþ"
            + "ý·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

    /** Mac OS Turkish (VENDORS/APPLE/TURKISH.TXT), as in Python encodings.mac_turkish. */
    static final String X_MAC_TURKISH =
            "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
            + "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"
            + "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸĞğİıŞş"
            + "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙ\uF8A0ˆ˜¯˘˙˚¸˝˛ˇ";

    /** Mac OS Croatian (VENDORS/APPLE/CROATIAN.TXT), as in Python encodings.mac_croatian. */
    static final String X_MAC_CROATIAN =
            "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
            + "†°¢£§•¶ß®Š™´¨≠ŽØ∞±≤≥∆µ∂∑∏š∫ªºΩžø"
            + "¿¡¬√ƒ≈Ć«Č…\u00A0ÀÃÕŒœĐ—“”‘’÷◊\uF8FF©\u2044€‹›Æ»"
            + "–·‚„‰ÂćÁčÈÍÎÏÌÓÔđÒÚÛÙıˆ˜¯πË˚¸Êæˇ";

    /** Mac OS Romanian (VENDORS/APPLE/ROMANIAN.TXT), as in Python encodings.mac_romanian. */
    static final String X_MAC_ROMANIAN =
            "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
            + "†°¢£§•¶ß®©™´¨≠ĂȘ∞±≤≥¥µ∂∑∏π∫ªºΩăș"
            + "¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ\u2044€‹›Țț"
            + "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

    /** Mac OS Central European (VENDORS/APPLE/CENTEURO.TXT), as in Python encodings.mac_latin2. */
    static final String X_MAC_CE =
            "ÄĀāÉĄÖÜáąČäčĆćéŹźĎíďĒēĖóėôöõúĚěü"
            + "†°Ę£§•¶ß®©™ę¨≠ģĮįĪ≤≥īĶ∂∑łĻļĽľĹĺŅ"
            + "ņŃ¬√ńŇ∆«»…\u00A0ňŐÕőŌ–—“”‘’÷◊ōŔŕŘ‹›řŖ"
            + "ŗŠ‚„šŚśÁŤťÍŽžŪÓÔūŮÚůŰűŲųÝýķŻŁżĢˇ";

    /** Mac OS Arabic (VENDORS/APPLE/ARABIC.TXT), as in Python encodings.mac_arabic. */
    static final String X_MAC_ARABIC =
            "Ä\u00A0ÇÉÑÖÜáàâä\u06BA«çéèêëí…îïñó»ôö÷úùûü"
            + " !\"#$٪&'()*+\u060C-./\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669:\u061B<=>\u061F"
            + "❊\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A[\\]^_"
            + "\u0640\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u067E\u0679\u0686\u06D5\u06A4\u06AF\u0688\u0691{|}\u0698\u06D2";

    /** Mac OS Farsi (VENDORS/APPLE/FARSI.TXT), as in Python encodings.mac_farsi. */
    static final String X_MAC_FARSI =
            "Ä\u00A0ÇÉÑÖÜáàâä\u06BA«çéèêëí…îïñó»ôö÷úùûü"
            + " !\"#$٪&'()*+\u060C-./۰۱۲۳۴۵۶۷۸۹:\u061B<=>\u061F"
            + "❊\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A[\\]^_"
            + "\u0640\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u067E\u0679\u0686\u06D5\u06A4\u06AF\u0688\u0691{|}\u0698\u06D2";

    /**
     * WHATWG Encoding Standard, "x-user-defined": bytes 0x80-0xFF are U+F780-U+F7FF, so that any byte string
     * survives a round trip through text. Computed, as the standard defines it, rather than tabled.
     */
    static final String X_USER_DEFINED;

    static {
        StringBuilder sb = new StringBuilder(128);
        for (int b = 0x80; b <= 0xFF; b++) sb.append((char) (0xF780 + b - 0x80));
        X_USER_DEFINED = sb.toString();
    }

    private static final Map<String, Charset> BY_NAME = new HashMap<>();

    static {
        register(new SingleByte("ISO-8859-10", ISO_8859_10));
        register(new SingleByte("ISO-8859-14", ISO_8859_14));
        register(new SingleByte("KOI8-U", KOI8_U));
        register(new SingleByte("IBM1125", IBM1125));
        register(new SingleByte("KOI8-T", KOI8_T));
        register(new SingleByte("PTCP154", PTCP154));
        register(new SingleByte("KZ-1048", KZ_1048));
        register(new SingleByte("hp-roman8", HP_ROMAN8));
        register(new SingleByte("VISCII", VISCII));
        register(new SingleByte("IBM720", IBM720));
        register(new SingleByte("macintosh", MACINTOSH));
        register(new SingleByte("x-mac-cyrillic", X_MAC_CYRILLIC));
        register(new SingleByte("x-mac-greek", X_MAC_GREEK));
        register(new SingleByte("x-mac-icelandic", X_MAC_ICELANDIC));
        register(new SingleByte("x-mac-turkish", X_MAC_TURKISH));
        register(new SingleByte("x-mac-croatian", X_MAC_CROATIAN));
        register(new SingleByte("x-mac-romanian", X_MAC_ROMANIAN));
        register(new SingleByte("x-mac-ce", X_MAC_CE));
        register(new SingleByte("x-mac-arabic", X_MAC_ARABIC));
        register(new SingleByte("x-mac-farsi", X_MAC_FARSI));
        register(new SingleByte("x-user-defined", X_USER_DEFINED));
    }

    private static void register(Charset cs) {
        BY_NAME.put(cs.name().toLowerCase(Locale.ROOT), cs);
    }

    /** The charset of this package with this canonical name (any case), or null. */
    static @Nullable Charset named(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** A decode-only charset defined by a table of 128 (high half over ASCII) or 256 characters. */
    static final class SingleByte extends Charset {
        private final char[] table = new char[256];

        SingleByte(String name, String chars) {
            super(name, null);
            if (chars.length() != 128 && chars.length() != 256) {
                throw new IllegalArgumentException(name + ": a table has 128 or 256 characters, not " + chars.length());
            }
            int offset = 256 - chars.length();
            for (int b = 0; b < offset; b++) table[b] = (char) b;
            chars.getChars(0, chars.length(), table, offset);
        }

        @Override
        public boolean contains(Charset cs) {
            return cs == this;
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new Decoder(this, table);
        }

        @Override
        public boolean canEncode() {
            return false;
        }

        @Override
        public CharsetEncoder newEncoder() {
            throw new UnsupportedOperationException(name() + " is decoded only");
        }
    }

    private static final class Decoder extends CharsetDecoder {
        private final char[] table;

        Decoder(Charset cs, char[] table) {
            super(cs, 1f, 1f);
            this.table = table;
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                char c = table[in.get() & 0xFF];
                if (c == '\uFFFD') {
                    in.position(in.position() - 1);
                    return CoderResult.unmappableForLength(1);
                }
                out.put(c);
            }
            return CoderResult.UNDERFLOW;
        }
    }
}
