package org.worldwire.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.worldwire.encoding.EncodingLabels;

/**
 * Character-encoding detection for XML feeds, RFC 3023 style: a byte-order mark, then the HTTP charset, then the
 * XML declaration, then sniffing of UTF-16/32 and EBCDIC, then UTF-8 with a windows-1252 fallback for bytes that
 * are not UTF-8.
 */
final class Encodings {
    private Encodings() {}

    /** The text of a document and what was wrong with its encoding, if anything. */
    record Decoded(String text, String charset, @Nullable String problem) {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A code-page number with at most a vendor prefix: "cp1141", "IBM-1141", "windows_1361", "ms-874". */
    private static final java.util.regex.Pattern CODE_PAGE =
            java.util.regex.Pattern.compile("(?:cp|ibm|csibm|x-ibm|ms|windows|x-windows)?[-_ ]?0*([0-9]{3,5})");

    /**
     * A Charset for an encoding label as found in feeds and HTTP headers, or null when it names nothing we can
     * decode. The label table ({@link EncodingLabels}) comes first; then the JDK's own names; then a bare code-page
     * number, tried as the IBM, Windows and other vendor charsets the JDK registers under it.
     */
    static @Nullable Charset charset(@Nullable String rawName) {
        if (rawName == null) return null;
        String name = rawName.strip();
        if (name.startsWith("\"") || name.startsWith("'")) name = name.substring(1);
        if (name.endsWith("\"") || name.endsWith("'")) name = name.substring(0, name.length() - 1);
        name = name.strip();
        // IANA names are at most 40 characters (RFC 2978), but one registered alias is 45 long.
        if (name.isEmpty() || name.length() > 64) return null;
        Charset cs = EncodingLabels.lookup(name);
        if (cs != null) return cs;
        cs = forName(name);
        if (cs != null) return cs;
        java.util.regex.Matcher m = CODE_PAGE.matcher(name.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            String n = m.group(1);
            for (String candidate : new String[] {"IBM" + n, "IBM0" + n, "x-IBM" + n, "windows-" + n, "x-windows-" + n}) {
                cs = forName(candidate);
                if (cs != null) return cs;
            }
        }
        return null;
    }

    private static @Nullable Charset forName(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The charset parameter of a Content-Type header, or null. */
    static @Nullable String httpCharset(@Nullable String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                return p.substring(eq + 1).strip();
            }
        }
        return null;
    }

    static Decoded decode(byte[] body, @Nullable String contentType) {
        int len = body.length;
        // Byte-order marks are the most reliable signal there is.
        if (len >= 4 && (body[0] & 0xff) == 0 && (body[1] & 0xff) == 0 && (body[2] & 0xff) == 0xFE && (body[3] & 0xff) == 0xFF) {
            return decodeWith(body, 4, forNameOr("UTF-32BE"), null);
        }
        if (len >= 4 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE && body[2] == 0 && body[3] == 0) {
            return decodeWith(body, 4, forNameOr("UTF-32LE"), null);
        }
        if (len >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return utf8(body, 3);
        }
        if (len >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            return decodeWith(body, 2, StandardCharsets.UTF_16BE, null);
        }
        if (len >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            return decodeWith(body, 2, StandardCharsets.UTF_16LE, null);
        }
        String problem = null;
        String http = httpCharset(contentType);
        if (http != null) {
            Charset cs = charset(http);
            if (cs != null) return checked(body, cs);
            problem = "unknown charset in Content-Type: " + clip(http);
        }
        // No BOM: sniff the first characters of "<?xml" in wide and EBCDIC encodings.
        if (len >= 4) {
            int b0 = body[0] & 0xff, b1 = body[1] & 0xff, b2 = body[2] & 0xff, b3 = body[3] & 0xff;
            if (b0 == 0 && b1 == 0 && b2 == 0 && b3 == 0x3C) return decodeWith(body, 0, forNameOr("UTF-32BE"), problem);
            if (b0 == 0x3C && b1 == 0 && b2 == 0 && b3 == 0) return decodeWith(body, 0, forNameOr("UTF-32LE"), problem);
            if (b0 == 0 && b1 == 0x3C && b2 == 0 && b3 == 0x3F) return decodeWith(body, 0, StandardCharsets.UTF_16BE, problem);
            if (b0 == 0x3C && b1 == 0 && b2 == 0x3F && b3 == 0) return decodeWith(body, 0, StandardCharsets.UTF_16LE, problem);
            if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
                // EBCDIC: read the declaration with the invariant code page to learn which one.
                Charset ebcdic = forNameOr("IBM037");
                String head = new String(body, 0, Math.min(len, 200), ebcdic);
                Charset declared = charset(declaredEncoding(head));
                return decodeWith(body, 0, declared != null ? declared : ebcdic, problem);
            }
        }
        String head = new String(body, 0, Math.min(len, 512), StandardCharsets.ISO_8859_1);
        String declaredName = declaredEncoding(head);
        if (declaredName != null) {
            Charset declared = charset(declaredName);
            if (declared == null) {
                problem = "unknown encoding in XML declaration: " + clip(declaredName);
            } else if (declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32")) {
                // A declaration readable as ASCII cannot be in a wide encoding; the document lies.
                problem = "XML declaration names " + declared.name() + " but the document is not in it";
            } else {
                return checked(body, declared);
            }
        }
        Decoded d = utf8(body, 0);
        return problem == null ? d : new Decoded(d.text(), d.charset(), problem);
    }

    private static Charset forNameOr(String name) {
        Charset cs = forName(name);
        return cs != null ? cs : StandardCharsets.UTF_8;
    }

    /** Decodes with the charset the document or the server claimed, falling back when the bytes disagree. */
    private static Decoded checked(byte[] body, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) return utf8(body, 0);
        if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) {
            // A wide charset claimed for single-byte ASCII-looking bytes is wrong more often than not.
            if (body.length >= 2 && body[0] == '<' && body[1] != 0) return utf8(body, 0);
        }
        String text = new String(body, cs);
        if (text.indexOf('\uFFFD') >= 0 && !cs.name().equals("windows-1252")) {
            Decoded u = utf8(body, 0);
            if (u.problem() == null) return new Decoded(u.text(), u.charset(), "bytes are not " + cs.name() + "; read as UTF-8");
        }
        return new Decoded(text, cs.name(), null);
    }

    private static Decoded utf8(byte[] body, int offset) {
        String text = new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !containsEncodedReplacementChar(body)) {
            return new Decoded(new String(body, offset, body.length - offset, WINDOWS_1252), "windows-1252",
                    "bytes are not UTF-8; read as windows-1252");
        }
        return new Decoded(text, "UTF-8", null);
    }

    private static boolean containsEncodedReplacementChar(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if ((b[i] & 0xff) == 0xEF && (b[i + 1] & 0xff) == 0xBF && (b[i + 2] & 0xff) == 0xBD) return true;
        }
        return false;
    }

    private static Decoded decodeWith(byte[] body, int offset, Charset cs, @Nullable String problem) {
        return new Decoded(new String(body, offset, body.length - offset, cs), cs.name(), problem);
    }

    /** The encoding pseudo-attribute of an XML declaration at the start of {@code head}, or null. */
    static @Nullable String declaredEncoding(String head) {
        int start = head.indexOf("<?xml");
        if (start < 0 || start > 4) return null;
        int end = head.indexOf("?>", start);
        if (end < 0) return null;
        String decl = head.substring(start, end);
        int at = decl.indexOf("encoding");
        if (at < 0) return null;
        int i = at + 8;
        while (i < decl.length() && (decl.charAt(i) == ' ' || decl.charAt(i) == '=' || decl.charAt(i) == '\t')) i++;
        if (i >= decl.length()) return null;
        char q = decl.charAt(i);
        if (q != '"' && q != '\'') return null;
        int close = decl.indexOf(q, i + 1);
        return close < 0 ? null : decl.substring(i + 1, close);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
