package org.worldwire.encoding;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every encoding label a feed or a page is likely to carry, mapped to the decoder that reads it: all labels of the WHATWG
 * Encoding Standard (encodings.json), the names and aliases of the IANA Character Sets registry for the encodings
 * that can be decoded here, and the codec names and aliases of Python's {@code encodings} package, which the
 * reference feed parser (feedparser) decodes with.
 *
 * <p>Where the sources disagree the WHATWG standard wins, because it records what the web's content really is:
 * "iso-8859-1" and "us-ascii" are read as windows-1252, "iso-8859-9" as windows-1254, "tis-620" as windows-874,
 * "gb2312" and "gbk" as gb18030, "euc-kr" as windows-949, "shift_jis" as windows-31j, "big5" as Big5-HKSCS, and
 * "koi8-u" with the KOI8-RU letters of the standard's index. Labels the standard maps to its "replacement" decoder
 * (iso-2022-kr, iso-2022-cn) exist to stop script smuggling in browsers; they are decoded for real here, as the
 * reference parser does. UTF-7 and HZ are not decoded (no JDK decoder; the WHATWG standard drops them too), nor
 * are the 7-bit national ISO 646 variants of the IANA registry, which no feed uses.
 *
 * <p>Labels match loosely, as Unicode Technical Standard #22 (section 1.4, "Charset Alias Matching") recommends:
 * case, every character that is not a letter or digit, and leading zeros of a number are ignored, so "ISO_8859-1",
 * "iso88591" and "ISO-8859-1" are one label and "IBM00858" is "ibm858".
 */
public final class EncodingLabels {
    private EncodingLabels() {}

    /** Decoder name (a JDK charset, or one of {@link LegacyCharsets}) followed by the labels that name it. */
    private static final String TABLE = """
            Big5-HKSCS: big5 big5-hkscs cn-big5 csbig5 x-x-big5 csBig5HKSCS big5_tw x_mac_trad_chinese hkscs
            CESU-8: CESU-8 csCESU8
            EUC-JP: cseucpkdfmtjapanese euc-jp x-euc-jp Extended_UNIX_Code_Packed_Format_for_Japanese CP51932
                csCP51932 u_jis euc_jis_2004 jisx0213 euc_jisx0213
            GB18030: chinese csgb2312 csiso58gb231280 gb2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030 CP936 MS936
                windows-936 csGBK csGB18030 euc_cn eucgb2312_cn gb2312_1980 x_mac_simp_chinese 936 gb18030_2000
            hp-roman8: hp-roman8 roman8 r8 csHPRoman8 cp1051 ibm1051
            IBM-Thai: IBM-Thai csIBMThai
            IBM00858: IBM00858 CCSID00858 CP00858 PC-Multilingual-850+euro csIBM00858 858
            IBM01140: IBM01140 CCSID01140 CP01140 ebcdic-us-37+euro csIBM01140 1140
            IBM01141: IBM01141 CCSID01141 CP01141 ebcdic-de-273+euro csIBM01141
            IBM01142: IBM01142 CCSID01142 CP01142 ebcdic-dk-277+euro ebcdic-no-277+euro csIBM01142
            IBM01143: IBM01143 CCSID01143 CP01143 ebcdic-fi-278+euro ebcdic-se-278+euro csIBM01143
            IBM01144: IBM01144 CCSID01144 CP01144 ebcdic-it-280+euro csIBM01144
            IBM01145: IBM01145 CCSID01145 CP01145 ebcdic-es-284+euro csIBM01145
            IBM01146: IBM01146 CCSID01146 CP01146 ebcdic-gb-285+euro csIBM01146
            IBM01147: IBM01147 CCSID01147 CP01147 ebcdic-fr-297+euro csIBM01147
            IBM01148: IBM01148 CCSID01148 CP01148 ebcdic-international-500+euro csIBM01148
            IBM01149: IBM01149 CCSID01149 CP01149 ebcdic-is-871+euro csIBM01149
            IBM037: IBM037 cp037 ebcdic-cp-us ebcdic-cp-ca ebcdic-cp-wt ebcdic-cp-nl csIBM037 037 ibm039
            IBM1026: IBM1026 CP1026 csIBM1026 1026
            IBM1047: IBM1047 csIBM1047
            IBM1125: cp1125 1125 cp866u ibm1125 ruscii
            IBM273: IBM273 CP273 csIBM273 273
            IBM277: IBM277 EBCDIC-CP-DK EBCDIC-CP-NO csIBM277
            IBM278: IBM278 CP278 ebcdic-cp-fi ebcdic-cp-se csIBM278
            IBM280: IBM280 CP280 ebcdic-cp-it csIBM280
            IBM284: IBM284 CP284 ebcdic-cp-es csIBM284
            IBM285: IBM285 CP285 ebcdic-cp-gb csIBM285
            IBM290: IBM290 cp290 EBCDIC-JP-kana csIBM290
            IBM297: IBM297 cp297 ebcdic-cp-fr csIBM297
            IBM420: IBM420 cp420 ebcdic-cp-ar1 csIBM420
            IBM424: IBM424 cp424 ebcdic-cp-he csIBM424 424
            IBM437: IBM437 cp437 437 csPC8CodePage437
            IBM500: IBM500 CP500 ebcdic-cp-be ebcdic-cp-ch csIBM500 500
            IBM720: cp720
            IBM775: IBM775 cp775 csPC775Baltic 775
            IBM850: IBM850 cp850 850 csPC850Multilingual
            IBM852: IBM852 cp852 852 csPCp852
            IBM855: IBM855 cp855 855 csIBM855
            IBM857: IBM857 cp857 857 csIBM857
            IBM860: IBM860 cp860 860 csIBM860
            IBM861: IBM861 cp861 861 cp-is csIBM861
            IBM862: IBM862 cp862 862 csPC862LatinHebrew
            IBM863: IBM863 cp863 863 csIBM863
            IBM864: IBM864 cp864 csIBM864 864
            IBM865: IBM865 cp865 865 csIBM865
            IBM866: 866 cp866 csibm866 ibm866
            IBM868: IBM868 CP868 cp-ar csIBM868
            IBM869: IBM869 cp869 869 cp-gr csIBM869
            IBM870: IBM870 CP870 ebcdic-cp-roece ebcdic-cp-yu csIBM870
            IBM871: IBM871 CP871 ebcdic-cp-is csIBM871
            IBM918: IBM918 CP918 ebcdic-cp-ar2 csIBM918
            ISO-2022-CN: iso-2022-cn iso-2022-cn-ext
            ISO-2022-JP: csiso2022jp iso-2022-jp
            ISO-2022-JP-2: ISO-2022-JP-2 csISO2022JP2 iso2022_jp_1 iso2022_jp_2004 iso2022_jp_3 iso2022_jp_ext
            ISO-2022-KR: csiso2022kr iso-2022-kr
            ISO-8859-10: csisolatin6 iso-8859-10 iso-ir-157 l6 latin6 ISO_8859-10:1992
            ISO-8859-13: iso-8859-13 csISO885913 l7 latin7
            ISO-8859-14: iso-8859-14 iso-ir-199 ISO_8859-14:1998 latin8 iso-celtic l8 csISO885914
            ISO-8859-15: csisolatin9 iso-8859-15 l9 Latin-9 csISO885915
            ISO-8859-16: iso-8859-16 iso-ir-226 ISO_8859-16:2001 latin10 l10 csISO885916
            ISO-8859-2: csisolatin2 iso-8859-2 iso-ir-101 iso_8859-2:1987 l2 latin2
            ISO-8859-3: csisolatin3 iso-8859-3 iso-ir-109 iso_8859-3:1988 l3 latin3
            ISO-8859-4: csisolatin4 iso-8859-4 iso-ir-110 iso_8859-4:1988 l4 latin4
            ISO-8859-5: csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso_8859-5:1988
            ISO-8859-6: arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e
                iso-8859-6-i iso-ir-127 iso_8859-6:1987
            ISO-8859-7: csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso_8859-7:1987
                sun_eu_greek
            ISO-8859-8: csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso_8859-8:1988
                visual csiso88598i iso-8859-8-i logical
            JIS_X0201: JIS_X0201 X0201 csHalfWidthKatakana
            KOI8-R: cskoi8r koi koi8 koi8-r
            KOI8-T: koi8_t
            KOI8-U: koi8-ru koi8-u csKOI8U
            KZ-1048: KZ-1048 STRK1048-2002 RK1048 csKZ1048
            macintosh: csmacintosh mac macintosh x-mac-roman mac_roman
            PTCP154: PTCP154 csPTCP154 PT154 CP154 Cyrillic-Asian
            UTF-16: csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 csUTF16 u16
            UTF-16BE: unicodefffe utf-16be csUTF16BE unicodebigunmarked
            UTF-16LE: utf-16le csUTF16LE unicodelittleunmarked
            UTF-32: ISO-10646-UCS-4 csUCS4 UTF-32 csUTF32 u32
            UTF-32BE: UTF-32BE csUTF32BE
            UTF-32LE: UTF-32LE csUTF32LE
            UTF-8: unicode-1-1-utf-8 unicode20utf8 utf-8 x-unicode20utf8 csUTF8 cp65001 u8 utf utf8_ucs2 utf8_ucs4
                utf_8_sig
            VISCII: VISCII csVISCII
            windows-1250: cp1250 windows-1250 x-cp1250 ISO-8859-2-Windows-Latin-2 csWindows31Latin2 cswindows1250
                1250
            windows-1251: cp1251 windows-1251 x-cp1251 cswindows1251 1251
            windows-1252: ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso_8859-1:1987
                l1 latin1 us-ascii windows-1252 x-cp1252 iso-ir-6 ANSI_X3.4-1986 ISO_646.irv:1991 ISO646-US us
                IBM367 cp367 csASCII ISO-8859-1-Windows-3.0-Latin-1 csWindows30Latin1 ISO-8859-1-Windows-3.1-Latin-1
                csWindows31Latin1 cswindows1252 646 8859 iso8859 latin 1252
            windows-1253: cp1253 windows-1253 x-cp1253 cswindows1253 1253
            windows-1254: cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254
                ISO-8859-9-Windows-Latin-5 csWindows31Latin5 cswindows1254 1254
            windows-1255: cp1255 windows-1255 x-cp1255 cswindows1255 1255
            windows-1256: cp1256 windows-1256 x-cp1256 cswindows1256 1256
            windows-1257: cp1257 windows-1257 x-cp1257 cswindows1257 1257
            windows-1258: cp1258 windows-1258 x-cp1258 cswindows1258 1258
            windows-31j: csshiftjis ms932 ms_kanji shift-jis sjis windows-31j x-sjis csWindows31J x_mac_japanese
                cp932 932
            x-IBM1006: cp1006
            x-IBM737: cp737
            x-IBM856: cp856
            x-IBM875: cp875
            x-Johab: johab cp1361 ms1361
            x-mac-arabic: mac_arabic
            x-mac-ce: mac_latin2 mac_centeuro maccentraleurope
            x-mac-croatian: mac_croatian
            x-mac-cyrillic: x-mac-cyrillic x-mac-ukrainian mac_cyrillic
            x-mac-farsi: mac_farsi
            x-mac-greek: mac_greek
            x-mac-icelandic: mac_iceland
            x-mac-romanian: mac_romanian
            x-mac-turkish: mac_turkish
            x-SJIS_0213: shift_jis_2004 s_jis_2004 shift_jisx0213 s_jisx0213
            x-user-defined: x-user-defined
            x-windows-50220: CP50220 csCP50220
            x-windows-874: dos-874 iso-8859-11 tis-620 windows-874 cswindows874 csTIS620 cp874 iso_ir_166 tis_620_0
                tis_620_2529_0 tis_620_2529_1 iso_8859_11_2001 thai
            x-windows-949: cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601
                windows-949 ks_x_1001 x_mac_korean cp949 949 ms949 uhc
            x-windows-950: cp950 950 ms950
            """;

    private static final Map<String, String> TARGET = new HashMap<>();

    static {
        String target = null;
        for (String line : TABLE.split("\n")) {
            int colon = line.indexOf(':');
            String labels = line;
            if (colon > 0 && !line.startsWith(" ")) {
                target = line.substring(0, colon);
                labels = line.substring(colon + 1);
            }
            for (String label : labels.strip().split(" +")) {
                if (!label.isEmpty() && target != null) TARGET.putIfAbsent(normalize(label), target);
            }
        }
    }

    /** The decoder an encoding label names, or null when it names none known here. */
    public static @Nullable Charset lookup(String label) {
        String target = TARGET.get(normalize(label));
        if (target == null) return null;
        Charset own = LegacyCharsets.named(target);
        if (own != null) return own;
        try {
            return Charset.forName(target);
        } catch (IllegalArgumentException e) {
            return null; // a JDK without this charset (the table names only ones the standard JDK has)
        }
    }

    /** How many labels the table holds (for tests). */
    static int size() {
        return TARGET.size();
    }

    /** The distinct decoder names of the table (for tests). */
    static java.util.Set<String> targets() {
        return new java.util.TreeSet<>(TARGET.values());
    }

    /** UTS #22 loose matching: lower case, letters and digits only, and no 0 that does not follow a digit. */
    static String normalize(String label) {
        String s = label.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && (c < 'a' || c > 'z')) continue;
            if (c == '0' && (out.isEmpty() || !isDigit(out.charAt(out.length() - 1)))) continue;
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
