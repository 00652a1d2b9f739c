package org.worldwire.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.worldwire.encoding.EncodingLabels;

/**
 * Decides how a page's bytes become text, in the order browsers use: byte-order mark, the HTTP
 * {@code Content-Type} charset, a {@code <meta>} declaration in the first bytes, then a statistical guess. Labels
 * are read as the WHATWG Encoding Standard reads them ("iso-8859-1" is windows-1252, "euc-kr" windows-949), with
 * the table the feed parser uses ({@link EncodingLabels}).
 */
final class Charsets {
    private static final int PRESCAN = 16 * 1024;
    private static final int SAMPLE = 64 * 1024;
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)");
    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_LANG = Pattern.compile("<html\\b[^>]*\\blang\\s*=\\s*[\"']?([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?");

    /** Single-byte and legacy multi-byte encodings worth guessing between when a page declares nothing usable. */
    private static final String[] GUESSES = {
        "windows-1252", "windows-1251", "KOI8-R", "windows-1253", "windows-1254", "windows-1256", "windows-1255",
        "windows-1250", "ISO-8859-7", "windows-31j", "EUC-JP", "GB18030", "Big5-HKSCS", "x-windows-949", "windows-874"
    };

    private Charsets() {}

    /** Where the chosen charset came from; useful in tests and diagnostics. */
    enum Source { BOM, HTTP, META, GUESS }

    record Decision(Charset charset, Source source, int bomLength) {}

    static String decode(byte[] bytes, @Nullable String contentType, @Nullable String url) {
        Decision d = detect(bytes, contentType, url);
        return new String(bytes, d.bomLength(), bytes.length - d.bomLength(), d.charset());
    }

    static Decision detect(byte[] bytes, @Nullable String contentType, @Nullable String url) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Decision(StandardCharsets.UTF_8, Source.BOM, 3);
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new Decision(StandardCharsets.UTF_16BE, Source.BOM, 2);
        }
        if (n >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new Decision(StandardCharsets.UTF_16LE, Source.BOM, 2);
        }
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                Charset cs = EncodingLabels.lookup(m.group(1));
                if (cs != null) return new Decision(cs, Source.HTTP, 0);
            }
        }
        String head = new String(bytes, 0, Math.min(n, PRESCAN), StandardCharsets.ISO_8859_1);
        Charset declared = fromMeta(head);
        if (declared != null) {
            // A page that says UTF-8 but is not (a common template mistake) is better served by the guess;
            // a page that declares a legacy charset but is clean multi-byte UTF-8 was re-encoded on the way.
            boolean utf8 = isUtf8(bytes);
            if (declared.equals(StandardCharsets.UTF_8) && !utf8 && !mostlyUtf8(bytes)) {
                return new Decision(guess(bytes, head, url), Source.GUESS, 0);
            }
            if (!declared.equals(StandardCharsets.UTF_8) && utf8 && hasMultiByte(bytes)) {
                return new Decision(StandardCharsets.UTF_8, Source.GUESS, 0);
            }
            return new Decision(declared, Source.META, 0);
        }
        if (isUtf8(bytes)) return new Decision(StandardCharsets.UTF_8, Source.GUESS, 0);
        return new Decision(guess(bytes, head, url), Source.GUESS, 0);
    }

    private static @Nullable Charset fromMeta(String head) {
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            String tag = meta.group();
            Matcher m = CHARSET.matcher(tag.toLowerCase(Locale.ROOT));
            if (m.find()) {
                Charset cs = EncodingLabels.lookup(m.group(1));
                if (cs == null) continue;
                // HTML's prescan (§13.2.3.2): a UTF-16 declaration inside bytes read as ASCII is wrong by
                // construction and means UTF-8; "x-user-defined" in a page means windows-1252.
                if (cs.name().startsWith("UTF-16")) return StandardCharsets.UTF_8;
                if (cs.name().equals("x-user-defined")) return Charset.forName("windows-1252");
                return cs;
            }
        }
        return null;
    }

    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra;
            if (c >= 0xC2 && c <= 0xDF) extra = 1;
            else if (c >= 0xE0 && c <= 0xEF) extra = 2;
            else if (c >= 0xF0 && c <= 0xF4) extra = 3;
            else return false;
            for (int k = 1; k <= extra; k++) {
                if (i + k >= n) return true; // a page cut mid-character is still UTF-8
                if ((b[i + k] & 0xC0) != 0x80) return false;
            }
            i += extra + 1;
        }
        return true;
    }

    /** True when nearly every high byte is part of a valid UTF-8 sequence (a few stray bytes from an ad). */
    private static boolean mostlyUtf8(byte[] b) {
        int ok = 0;
        int bad = 0;
        int i = 0;
        int n = Math.min(b.length, 1 << 20);
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) { i++; continue; }
            int extra = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean valid = extra > 0 && i + extra < n;
            for (int k = 1; valid && k <= extra; k++) valid = (b[i + k] & 0xC0) == 0x80;
            if (valid) { ok++; i += extra + 1; } else { bad++; i++; }
        }
        return ok > 0 && bad * 20 < ok;
    }

    private static boolean hasMultiByte(byte[] b) {
        for (byte x : b) if (x < 0) return true;
        return false;
    }

    /**
     * Scores each candidate encoding on a sample of the high-byte text: decoding must not fail, letters should
     * sit next to letters of the same script, letter case should behave like words (lower case after a capital,
     * not the reverse), and the commonest letters of the script's main language should dominate. The page's
     * {@code lang} and the URL's country domain break ties.
     */
    private static Charset guess(byte[] bytes, String head, @Nullable String url) {
        byte[] sample = sampleHighText(bytes);
        String hint = languageHint(head, url);
        Charset best = Charset.forName("windows-1252");
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String name : GUESSES) {
            Charset cs;
            try {
                cs = Charset.forName(name);
            } catch (RuntimeException e) {
                continue;
            }
            double s = score(sample, cs);
            if (hint != null && hintMatches(hint, name)) s += 0.15 + Math.abs(s) * 0.1;
            if (s > bestScore) {
                bestScore = s;
                best = cs;
            }
        }
        return best;
    }

    private static byte[] sampleHighText(byte[] bytes) {
        // Skip the head (scripts, styles) by starting at <body when it is there.
        int start = 0;
        String probe = new String(bytes, 0, Math.min(bytes.length, 1 << 20), StandardCharsets.ISO_8859_1);
        int body = probe.toLowerCase(Locale.ROOT).indexOf("<body");
        if (body > 0) start = body;
        int end = Math.min(bytes.length, start + SAMPLE);
        byte[] out = new byte[end - start];
        System.arraycopy(bytes, start, out, 0, out.length);
        return out;
    }

    private static double score(byte[] sample, Charset cs) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text;
        try {
            text = dec.decode(ByteBuffer.wrap(sample));
        } catch (CharacterCodingException e) {
            // The sample may end mid-character; retry leniently and charge for replacements.
            text = CharBuffer.wrap(new String(sample, cs));
            int bad = 0;
            for (int k = 0; k < text.length(); k++) if (text.charAt(k) == '\ufffd') bad++;
            if (bad > 2) return -1e9 + -bad;
        }
        int high = 0;
        double good = 0;
        char prev = ' ';
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c < 0x80) {
                prev = c;
                continue;
            }
            high++;
            if (Character.isLetter(c)) {
                good += 1;
                if (Character.isLetter(prev) && prev >= 0x80) {
                    Character.UnicodeScript a = group(Character.UnicodeScript.of(c));
                    Character.UnicodeScript b = group(Character.UnicodeScript.of(prev));
                    if (a == b) good += 0.5; else good -= 1;
                    if (Character.isUpperCase(c) && Character.isLowerCase(prev)) good -= 1.5;
                }
                if (COMMON.indexOf(c) >= 0) good += 0.6;
                if (Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA) {
                    good += 0.6; // multi-byte scripts consume two bytes per letter
                }
            } else if (Character.isISOControl(c) || c == '\ufffd' || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.PRIVATE_USE) {
                good -= 3;
            } else if (c == '\u00a0' || c == '\u2019' || c == '\u201c' || c == '\u201d' || c == '\u2013' || c == '\u2014'
                    || c == '\u00ab' || c == '\u00bb' || c == '\u2026' || c == '\u00e9') {
                good += 0.5;
            } else {
                good -= 0.7;
            }
            prev = c;
        }
        return high == 0 ? 0 : good / high;
    }

    /** Japanese mixes kanji and both kana in every sentence: one script for this purpose. */
    private static Character.UnicodeScript group(Character.UnicodeScript s) {
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA ? Character.UnicodeScript.HAN : s;
    }

    /** The commonest letters of the main language behind each script we guess (Russian, Greek, Arabic, Hebrew, Turkish, Latin). */
    private static final String COMMON =
            "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфёъ"
                    + "αοιετνσηρπκυμλωδγχθφβςό ίάέήύώ".replace(" ", "")
                    + "اليمونرهبتعدفكسقحجشطصزخضثذظغةىئءأإآ"
                    + "יוהאלמבתשרנעדכקפחסגצטזףךםןץ"
                    + "ığüşöçİĞŞÖÜÇ"
                    + "éèàùâêîôûëïçáíóúñãõäößœæåøčšžřěýůłąęćńśźżőű"
                    + "のにはをたがでてとしれさいるかもなりっ。、「」ーン"
                    + "的是不了在人有我他这中大来上个国和也子时道说为要出会对"
                    + "이다는의에가을를하고한지기로서사";

    private static @Nullable String languageHint(String head, @Nullable String url) {
        Matcher m = HTML_LANG.matcher(head);
        if (m.find()) return m.group(1).toLowerCase(Locale.ROOT);
        if (url != null) {
            String u = url.toLowerCase(Locale.ROOT);
            int scheme = u.indexOf("://");
            int hostEnd = u.indexOf('/', scheme + 3);
            String host = u.substring(scheme < 0 ? 0 : scheme + 3, hostEnd < 0 ? u.length() : hostEnd);
            int colon = host.indexOf(':');
            if (colon >= 0) host = host.substring(0, colon);
            int dot = host.lastIndexOf('.');
            if (dot >= 0) {
                return switch (host.substring(dot + 1)) {
                    case "ru", "by", "bg", "ua", "rs", "mk", "kz" -> "ru";
                    case "gr", "cy" -> "el";
                    case "tr" -> "tr";
                    case "jp" -> "ja";
                    case "cn" -> "zh";
                    case "tw", "hk" -> "zh-tw";
                    case "kr" -> "ko";
                    case "il" -> "he";
                    case "sa", "eg", "ae", "iq", "sy", "jo", "lb", "ma", "dz", "qa", "kw", "om", "ye", "ly", "tn", "sd", "ir" -> "ar";
                    case "th" -> "th";
                    case "pl", "cz", "sk", "hu", "hr", "si", "ro" -> "pl";
                    default -> null;
                };
            }
        }
        return null;
    }

    private static boolean hintMatches(String lang, String charset) {
        return switch (lang) {
            case "ru", "uk", "bg", "sr", "mk", "be", "kk" -> charset.equals("windows-1251") || charset.equals("KOI8-R");
            case "el" -> charset.equals("windows-1253") || charset.equals("ISO-8859-7");
            case "tr", "az" -> charset.equals("windows-1254");
            case "ar", "fa", "ur" -> charset.equals("windows-1256");
            case "he", "iw", "yi" -> charset.equals("windows-1255");
            case "ja" -> charset.equals("windows-31j") || charset.equals("EUC-JP");
            case "zh" -> charset.equals("GB18030");
            case "zh-tw" -> charset.equals("Big5-HKSCS");
            case "ko" -> charset.equals("x-windows-949");
            case "th" -> charset.equals("windows-874");
            case "pl", "cs", "sk", "hu", "hr", "sl", "ro" -> charset.equals("windows-1250");
            default -> charset.equals("windows-1252");
        };
    }
}
