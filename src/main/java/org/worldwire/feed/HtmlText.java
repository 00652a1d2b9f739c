package org.worldwire.feed;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/** Repairs and rewrites applied to text values: HTML entities, mojibake, relative URLs inside HTML. */
final class HtmlText {
    private HtmlText() {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String[] URL_ATTRIBUTES = {"href", "src", "cite", "background", "longdesc", "poster", "action", "usemap", "codebase"};

    /**
     * The names whose code point in HTML 4.01 differs from HTML5's table, and the HTML 4.01 code point.
     *
     * <p>Feeds are HTML 4-era vocabularies: RSS and Atom carry HTML-escaped content written against HTML 4, XHTML 1.0
     * takes its entity sets (HTMLlat1, HTMLsymbol, HTMLspecial) from HTML 4.01, and the reference feed parser
     * decodes named references with that table (Python's {@code html.entities.name2codepoint}). So a name in
     * HTML 4.01 decodes to its HTML 4.01 code point, and any other name to HTML5's. Of the 252 HTML 4.01 names only
     * two changed: HTML 4.01 HTMLsymbol.ent maps {@code lang} and {@code rang} to U+2329/U+232A (angle brackets,
     * deprecated by Unicode as canonically equivalent to U+3008/U+3009), HTML5 to U+27E8/U+27E9 (mathematical
     * angle brackets).
     */
    static final java.util.Map<String, String> HTML4_DIFFERENCES = java.util.Map.of(
            "lang", "\u2329",
            "rang", "\u232A");

    /** The characters an HTML named entity stands for, or null when the name is no HTML entity. */
    static @Nullable String entity(String name) {
        String html4 = HTML4_DIFFERENCES.get(name);
        if (html4 != null) return html4;
        if (!Entities.isNamedEntity(name)) return null;
        String v = Entities.getByName(name);
        return v.isEmpty() ? null : v;
    }

    /**
     * Relative URLs inside an HTML string made absolute against {@code base}; returns the string unchanged when
     * there are none. A single scan over the tags rewrites attribute values in place, so the rest of the markup
     * keeps its exact bytes (no parse and re-serialisation).
     */
    static String resolveUrls(String html, @Nullable String base) {
        if (base == null || html.indexOf('<') < 0) return html;
        StringBuilder out = null;
        int copied = 0;
        int n = html.length();
        int i = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) break;
            char first = html.charAt(lt + 1);
            if (first == '!') {
                int close = html.startsWith("<!--", lt) ? html.indexOf("-->", lt + 4) : html.indexOf('>', lt + 1);
                if (close < 0) break;
                i = close + 1;
                continue;
            }
            if (!Character.isLetter(first)) {
                i = lt + 1;
                continue;
            }
            int p = lt + 1;
            while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '>' && html.charAt(p) != '/') p++;
            // attributes
            while (p < n) {
                while (p < n && (isSpace(html.charAt(p)) || html.charAt(p) == '/')) p++;
                if (p >= n || html.charAt(p) == '>') break;
                int nameStart = p;
                while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '=' && html.charAt(p) != '>' && html.charAt(p) != '/') p++;
                int nameEnd = p;
                while (p < n && isSpace(html.charAt(p))) p++;
                if (p >= n || html.charAt(p) != '=') continue;
                p++;
                while (p < n && isSpace(html.charAt(p))) p++;
                if (p >= n) break;
                int valueStart, valueEnd;
                char q = html.charAt(p);
                if (q == '"' || q == '\'') {
                    valueStart = p + 1;
                    valueEnd = html.indexOf(q, valueStart);
                    if (valueEnd < 0) {
                        p = n;
                        break;
                    }
                    p = valueEnd + 1;
                } else {
                    valueStart = p;
                    while (p < n && !isSpace(html.charAt(p)) && html.charAt(p) != '>') p++;
                    valueEnd = p;
                }
                if (isUrlAttribute(html, nameStart, nameEnd)) {
                    String v = html.substring(valueStart, valueEnd);
                    String abs = Uris.resolve(base, v.indexOf('&') >= 0 ? v.replace("&amp;", "&") : v);
                    if (!abs.equals(v) && !abs.equals(v.strip())) {
                        if (out == null) out = new StringBuilder(n + 64);
                        out.append(html, copied, valueStart);
                        String escaped = abs.replace("&", "&amp;");
                        if (q != '"' && q != '\'') escaped = escaped.replace(" ", "%20").replace(">", "%3E");
                        else escaped = escaped.replace(String.valueOf(q), q == '"' ? "&quot;" : "&#39;");
                        out.append(escaped);
                        copied = valueEnd;
                    }
                }
            }
            i = p;
        }
        if (out == null) return html;
        return out.append(html, copied, n).toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean isUrlAttribute(String s, int start, int end) {
        int len = end - start;
        for (String attr : URL_ATTRIBUTES) {
            if (attr.length() == len && s.regionMatches(true, start, attr, 0, len)) return true;
        }
        return false;
    }

    /**
     * Repairs the two common mojibakes: UTF-8 bytes read as Latin-1 and re-encoded ("â\u0080¦" for "…"), and
     * windows-1252 code points written as C1 control characters (U+0092 for "’"). Text without C1 controls is
     * returned as it is, since only they prove the damage.
     */
    static String repairMojibake(String s) {
        boolean c1 = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                c1 = true;
                break;
            }
        }
        if (!c1) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= 0xC2 && c <= 0xF4) {
                // A UTF-8 lead byte seen as Latin-1, followed by continuation bytes seen the same way.
                int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
                boolean cont = i + need < s.length();
                for (int k = 1; k <= need && cont; k++) {
                    char d = s.charAt(i + k);
                    cont = d >= 0x80 && d <= 0xBF;
                }
                if (cont) {
                    byte[] b = new byte[need + 1];
                    for (int k = 0; k <= need; k++) b[k] = (byte) s.charAt(i + k);
                    String decoded = strictUtf8(b);
                    if (decoded != null) {
                        out.append(decoded);
                        i += need + 1;
                        continue;
                    }
                }
            }
            if (c >= 0x80 && c <= 0x9F) {
                String w = new String(new byte[] {(byte) c}, WINDOWS_1252);
                out.append(w.charAt(0) == '\uFFFD' ? c : w.charAt(0));
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static @Nullable String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Escapes each "<" of an HTML string that begins no markup as the HTML tokenizer reads it (WHATWG HTML
     * §13.2.5.6 "Tag open state"): a start tag ("<" and an ASCII letter), an end tag ("</" and a letter), a
     * comment ("<!--"), a DOCTYPE or CDATA section, or a processing instruction ("<?", kept as the reference parser
     * keeps it). Any other "<!" opens a bogus comment that would swallow the text up to the next ">", and "</" not
     * followed by a letter does the same; a "<" before anything else is text. Returns the string itself when it
     * needs nothing.
     */
    static String escapeStrayLessThan(String html) {
        int lt = html.indexOf('<');
        if (lt < 0) return html;
        StringBuilder out = null;
        int copied = 0;
        int n = html.length();
        for (; lt >= 0; lt = html.indexOf('<', lt + 1)) {
            if (beginsMarkup(html, lt, n)) continue;
            if (out == null) out = new StringBuilder(n + 16);
            out.append(html, copied, lt).append("&lt;");
            copied = lt + 1;
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    private static boolean beginsMarkup(String s, int lt, int n) {
        if (lt + 1 >= n) return false;
        char c = s.charAt(lt + 1);
        if (isAsciiLetter(c) || c == '?') return true;
        if (c == '/') return lt + 2 < n && isAsciiLetter(s.charAt(lt + 2));
        if (c == '!') {
            return s.startsWith("--", lt + 2) || s.regionMatches(true, lt + 2, "doctype", 0, 7)
                    || s.startsWith("[CDATA[", lt + 2);
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Escapes text for inclusion in HTML element content. */
    static void escapeText(StringBuilder sb, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
    }

    static void escapeText(StringBuilder sb, char[] s, int from, int len) {
        for (int i = from, end = from + len; i < end; i++) {
            char c = s[i];
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
    }

    /** Escapes an attribute value for a double-quoted HTML attribute. */
    static void escapeAttribute(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
    }
}
