package org.worldwire.feed;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** RFC 3986 reference resolution that tolerates what feeds put in links (spaces, stray characters). */
final class Uris {
    private Uris() {}

    /** True when {@code s} starts with a URI scheme ("http:", "urn:", "mailto:"). */
    static boolean hasScheme(String s) {
        int n = Math.min(s.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') return i > 0;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) return false;
        }
        return false;
    }

    /** {@code ref} resolved against {@code base}; {@code ref} unchanged when it is absolute or cannot be resolved. */
    static String resolve(@Nullable String base, String ref) {
        String r = ref.strip();
        if (base == null || hasScheme(r)) return r;
        if (r.isEmpty()) return base;
        try {
            URI b = new URI(escape(base));
            if (b.getRawPath() == null || b.getRawPath().isEmpty()) {
                if (b.isOpaque()) return r;
                b = new URI(b.getScheme(), b.getRawAuthority() == null ? null : b.getAuthority(), "/", b.getQuery(), b.getFragment());
            }
            if (r.startsWith("//")) return b.getScheme() + ":" + r;
            if (r.startsWith("?")) {
                String s = b.toString();
                int q = s.indexOf('?');
                int h = s.indexOf('#');
                int cut = q >= 0 ? q : h >= 0 ? h : s.length();
                return s.substring(0, cut) + r;
            }
            if (r.startsWith("#")) {
                String s = b.toString();
                int h = s.indexOf('#');
                return (h >= 0 ? s.substring(0, h) : s) + r;
            }
            return b.resolve(new URI(escape(r))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return r;
        }
    }

    /** Percent-encodes characters java.net.URI refuses but browsers accept. */
    private static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}' || c < 0x20 || c == 0x7f;
            if (bad && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (bad) sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                else sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
