package org.worldwire.dedup;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the many spellings of one article's address into one string, so that the same article reached through a
 * feed, a share link and a newsletter is recognised as the same.
 *
 * <p>Only rewrites that cannot change which resource a well-behaved server returns are applied (RFC 3986 section 6
 * plus the removal of analytics parameters, which servers ignore by design):
 * <ul>
 *   <li>scheme and host lower-cased; internationalised host names converted to ASCII (punycode, IDNA 2003 rules of
 *       {@link IDN}); a trailing dot of a fully qualified host removed;</li>
 *   <li>user name and password dropped: they never identify an article and must not be stored or shown;</li>
 *   <li>the default port (80 for http, 443 for https) dropped;</li>
 *   <li>the fragment dropped, except a "hashbang" ({@code #!...}) fragment, which by that convention addresses
 *       content;</li>
 *   <li>dot segments removed (RFC 3986 5.2.4), backslashes read as slashes as browsers do, an empty path written
 *       as {@code /};</li>
 *   <li>percent-escapes written in upper case, escapes of unreserved characters decoded, characters that are not
 *       allowed (spaces, non-ASCII, quotes...) escaped as UTF-8;</li>
 *   <li>tracking parameters removed (see {@link #isTrackingParameter}), empty parameters and an empty query
 *       removed.</li>
 * </ul>
 *
 * <p>The order of the remaining query parameters is kept. Sorting them would merge a few more spellings, but a
 * server may read parameters by position (a leading bare key as a page id, "the first {@code id} wins"), so a
 * sorted URL could name a different page; feed generators emit their links in a stable order anyway, so keeping the
 * order costs almost no duplicates. Case in the path and query is kept for the same reason. A trailing slash,
 * {@code www.} and {@code index.html} are kept: servers may treat them differently.
 *
 * <p>Only http and https addresses are usable; anything else ({@code javascript:}, {@code mailto:}, {@code data:},
 * {@code file:}, {@code ftp:}) is refused with an {@link IllegalArgumentException} saying why.
 */
public final class UrlCanonicalizer {
    /** Longer inputs are refused: no article address is this long, and work stays bounded. */
    public static final int MAX_LENGTH = 8192;

    /**
     * Parameter names (compared in lower case) that only carry analytics: Google, Microsoft, Meta, Yandex, Twitter,
     * TikTok, LinkedIn and Pinterest click ids; Mailchimp, HubSpot, Marketo, Omeda, Vero, Drip and Klaviyo mail
     * tracking; Webtrends, Adobe, AT Internet, comScore, Matomo/Piwik campaign tags; Echobox social posting.
     * All are vendor conventions used across many sites, none names a site.
     */
    private static final Set<String> TRACKING_NAMES = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid", "twclid",
            "ttclid", "li_fat_id", "epik", "igshid", "igsh", "_ga", "_gl", "_openstat",
            "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "mkt_tok",
            "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "__s", "_kx", "rb_clickid", "wickedid",
            "ml_subscriber", "ml_subscriber_hash",
            "ref_src", "ref_url", "__twitter_impression",
            "fb_action_ids", "fb_action_types", "fb_source", "fb_ref",
            "action_object_map", "action_type_map", "action_ref_map",
            "ga_source", "ga_medium", "ga_term", "ga_content", "ga_campaign", "ga_place",
            "hmb_campaign", "hmb_medium", "hmb_source",
            "cmpid", "ocid", "s_cid", "s_kwcid", "wt.mc_id", "wt.mc_ev", "xtor", "at_medium", "at_campaign",
            "pk_campaign", "pk_kwd", "pk_keyword", "pk_source", "pk_medium", "pk_content", "pk_cid",
            "mtm_campaign", "mtm_keyword", "mtm_kwd", "mtm_source", "mtm_medium", "mtm_content", "mtm_cid",
            "mtm_group", "mtm_placement", "piwik_campaign", "piwik_kwd", "piwik_keyword",
            "echobox", "__tn__");

    /** Name prefixes (lower case) of whole families of tracking parameters: Google Analytics and comScore. */
    private static final String[] TRACKING_PREFIXES = {"utm_", "ns_"};

    private UrlCanonicalizer() {}

    /**
     * The canonical absolute form of {@code url}, resolved against {@code base} when it is relative.
     *
     * @param url an absolute or relative URL as found in a feed or page; surrounding whitespace is ignored
     * @param base the absolute http(s) URL that relative links are resolved against, or null
     * @return the canonical absolute http or https URL
     * @throws IllegalArgumentException when the URL (or the base it needs) is not a usable http(s) address
     */
    public static String canonicalize(String url, @Nullable String base) {
        Parts p = parse(clean(url, "url"));
        if (p.scheme == null) {
            if (base == null || base.isBlank()) {
                throw new IllegalArgumentException("relative URL without a base: " + abbreviate(url));
            }
            Parts b = parse(clean(base, "base"));
            requireHttp(b, base);
            p = resolve(b, p);
        }
        requireHttp(p, url);
        return build(p);
    }

    /** Same as {@link #canonicalize(String, String)} with no base: the URL must be absolute. */
    public static String canonicalize(String url) {
        return canonicalize(url, null);
    }

    /** Whether a query parameter name is an analytics tag that {@link #canonicalize} removes. */
    public static boolean isTrackingParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (TRACKING_NAMES.contains(n)) return true;
        for (String prefix : TRACKING_PREFIXES) {
            if (n.startsWith(prefix)) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The five components of RFC 3986 appendix B; null means absent, which differs from empty. */
    private static final class Parts {
        @Nullable String scheme;
        @Nullable String authority;
        String path = "";
        @Nullable String query;
        @Nullable String fragment;
    }

    /** Strips what browsers strip: leading and trailing controls and spaces, and tabs and newlines anywhere. */
    private static String clean(String raw, String what) {
        if (raw == null) throw new IllegalArgumentException(what + " is null");
        if (raw.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " longer than " + MAX_LENGTH + " characters");
        }
        int start = 0, end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') start++;
        while (end > start && raw.charAt(end - 1) <= ' ') end--;
        StringBuilder sb = null;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (sb == null) sb = new StringBuilder(end - start).append(raw, start, i);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        String s = sb != null ? sb.toString() : raw.substring(start, end);
        if (s.isEmpty()) throw new IllegalArgumentException(what + " is empty");
        return s;
    }

    private static Parts parse(String s) {
        Parts p = new Parts();
        int i = 0, n = s.length();
        int colon = schemeEnd(s);
        if (colon > 0) {
            p.scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            i = colon + 1;
        }
        // http(s) are "special" schemes: browsers read "\" as "/" before the query, so do we.
        int hash = s.indexOf('#', i);
        int endOfRef = hash < 0 ? n : hash;
        int q = s.indexOf('?', i);
        if (q > endOfRef) q = -1;
        int endOfPath = q < 0 ? endOfRef : q;
        String hier = s.substring(i, endOfPath).replace('\\', '/');
        if (hier.startsWith("//")) {
            int slash = hier.indexOf('/', 2);
            p.authority = slash < 0 ? hier.substring(2) : hier.substring(2, slash);
            p.path = slash < 0 ? "" : hier.substring(slash);
        } else {
            p.path = hier;
        }
        if (q >= 0) p.query = s.substring(q + 1, endOfRef);
        if (hash >= 0) p.fragment = s.substring(hash + 1);
        return p;
    }

    /** Index of the colon ending a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) return -1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return i;
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return -1;
        }
        return -1;
    }

    private static void requireHttp(Parts p, String original) {
        if (!"http".equals(p.scheme) && !"https".equals(p.scheme)) {
            throw new IllegalArgumentException("not an http(s) URL (scheme '" + p.scheme + "'): " + abbreviate(original));
        }
        if (p.authority == null) {
            throw new IllegalArgumentException("URL has no host: " + abbreviate(original));
        }
    }

    /** RFC 3986 5.2.2, with the base already absolute. */
    private static Parts resolve(Parts base, Parts ref) {
        Parts t = new Parts();
        t.scheme = base.scheme;
        t.fragment = ref.fragment;
        if (ref.authority != null) {
            t.authority = ref.authority;
            t.path = ref.path;
            t.query = ref.query;
        } else {
            t.authority = base.authority;
            if (ref.path.isEmpty()) {
                t.path = base.path;
                t.query = ref.query != null ? ref.query : base.query;
            } else {
                if (ref.path.startsWith("/")) {
                    t.path = ref.path;
                } else {
                    String bp = base.path.isEmpty() ? "/" : base.path;
                    t.path = bp.substring(0, bp.lastIndexOf('/') + 1) + ref.path;
                }
                t.query = ref.query;
            }
        }
        return t;
    }

    private static String build(Parts p) {
        String scheme = p.scheme;
        StringBuilder out = new StringBuilder(64 + p.path.length());
        out.append(scheme).append("://");
        appendAuthority(out, p.authority, scheme);
        String path = normalizeEscapes(p.path, Component.PATH);
        out.append(path.isEmpty() ? "/" : removeDotSegments(path));
        if (p.query != null) appendQuery(out, p.query);
        if (p.fragment != null && p.fragment.startsWith("!")) {
            out.append('#').append(normalizeEscapes(p.fragment, Component.FRAGMENT));
        }
        return out.toString();
    }

    private static void appendAuthority(StringBuilder out, @Nullable String authority, @Nullable String scheme) {
        String a = authority == null ? "" : authority;
        int at = a.lastIndexOf('@');
        if (at >= 0) a = a.substring(at + 1);
        String host;
        String port = null;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed IPv6 literal in host: " + abbreviate(a));
            host = a.substring(0, close + 1).toLowerCase(Locale.ROOT);
            for (int i = 1; i < close; i++) {
                char c = host.charAt(i);
                if (!(isHexDigit(c) || c == ':' || c == '.')) {
                    throw new IllegalArgumentException("invalid IPv6 literal: " + abbreviate(host));
                }
            }
            String rest = a.substring(close + 1);
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') throw new IllegalArgumentException("junk after IPv6 literal: " + abbreviate(a));
                port = rest.substring(1);
            }
        } else {
            int colon = a.lastIndexOf(':');
            if (colon >= 0) {
                port = a.substring(colon + 1);
                a = a.substring(0, colon);
            }
            host = canonicalHost(a);
        }
        out.append(host);
        if (port != null && !port.isEmpty()) {
            int value = parsePort(port);
            boolean isDefault = ("http".equals(scheme) && value == 80) || ("https".equals(scheme) && value == 443);
            if (!isDefault) out.append(':').append(value);
        }
    }

    private static String canonicalHost(String raw) {
        String host = raw.indexOf('%') >= 0 ? percentDecode(raw) : raw;
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.isEmpty()) throw new IllegalArgumentException("URL has an empty host");
        boolean ascii = true;
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) >= 0x80) { ascii = false; break; }
        }
        if (!ascii) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("host is not a valid internationalised name: " + abbreviate(raw), e);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            // Underscores are not legal in host names but do occur in real DNS names, so they pass.
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
                throw new IllegalArgumentException("invalid character '" + c + "' in host: " + abbreviate(raw));
            }
        }
        if (host.startsWith(".") || host.contains("..")) {
            throw new IllegalArgumentException("empty label in host: " + abbreviate(raw));
        }
        return host;
    }

    private static int parsePort(String port) {
        if (port.length() > 5) throw new IllegalArgumentException("port out of range: " + abbreviate(port));
        int value = 0;
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("port is not a number: " + abbreviate(port));
            value = value * 10 + (c - '0');
        }
        if (value > 65535) throw new IllegalArgumentException("port out of range: " + port);
        return value;
    }

    private static void appendQuery(StringBuilder out, String query) {
        int mark = out.length();
        boolean first = true;
        int i = 0, n = query.length();
        while (i <= n) {
            int amp = query.indexOf('&', i);
            if (amp < 0) amp = n;
            if (amp > i) {
                String param = query.substring(i, amp);
                int eq = param.indexOf('=');
                String name = eq < 0 ? param : param.substring(0, eq);
                if (!name.isEmpty() || eq > 0) {
                    if (!isTrackingParameter(name.indexOf('%') >= 0 ? percentDecode(name) : name)) {
                        out.append(first ? '?' : '&').append(normalizeEscapes(param, Component.QUERY));
                        first = false;
                    }
                }
            }
            i = amp + 1;
        }
        if (first) out.setLength(mark);
    }

    private enum Component { PATH, QUERY, FRAGMENT }

    /**
     * Upper-cases escapes, decodes escapes of unreserved characters, escapes what may not appear raw. A '%' that
     * does not start an escape is itself escaped, as browsers would send it.
     */
    private static String normalizeEscapes(String s, Component component) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 < n && isHexDigit(s.charAt(i + 1)) && isHexDigit(s.charAt(i + 2))) {
                    int v = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
                    if (sb == null) sb = new StringBuilder(n + 16).append(s, 0, i);
                    if (isUnreserved((char) v)) {
                        sb.append((char) v);
                    } else {
                        sb.append('%').append(HEX[v >> 4]).append(HEX[v & 15]);
                    }
                    i += 2;
                } else {
                    if (sb == null) sb = new StringBuilder(n + 16).append(s, 0, i);
                    sb.append("%25");
                }
            } else if (c < 0x80 && isAllowedRaw(c, component)) {
                if (sb != null) sb.append(c);
            } else {
                if (sb == null) sb = new StringBuilder(n + 16).append(s, 0, i);
                int cp = Character.codePointAt(s, i);
                if (Character.isSupplementaryCodePoint(cp)) i++;
                if (Character.isSurrogate((char) cp)) cp = 0xFFFD; // a lone surrogate cannot be encoded
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) sb.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean isUnreserved(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Unreserved, sub-delims, ':' and '@' (RFC 3986 pchar), plus '/' and, outside the path, '?'. */
    private static boolean isAllowedRaw(char c, Component component) {
        if (isUnreserved(c)) return true;
        return switch (c) {
            case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/' -> true;
            case '?' -> component != Component.PATH;
            default -> false;
        };
    }

    /** RFC 3986 5.2.4; the input is an absolute or empty path after escape normalisation. */
    static String removeDotSegments(String path) {
        // Only a segment that is exactly "." or ".." needs work, and every such segment follows a slash.
        if (path.indexOf("/.") < 0) return path.startsWith("/") ? path : "/" + path;
        String[] in = path.split("/", -1);
        String[] out = new String[in.length];
        int size = 0;
        for (int i = 0; i < in.length; i++) {
            String seg = in[i];
            boolean last = i == in.length - 1;
            if (i == 0 && seg.isEmpty()) continue; // the leading slash
            if (seg.equals(".")) {
                if (last) out[size++] = "";
            } else if (seg.equals("..")) {
                if (size > 0) size--;
                if (last) out[size++] = "";
            } else {
                out[size++] = seg;
            }
        }
        StringBuilder sb = new StringBuilder(path.length() + 1);
        for (int i = 0; i < size; i++) sb.append('/').append(out[i]);
        if (sb.isEmpty()) sb.append('/');
        return sb.toString();
    }

    private static String percentDecode(String s) {
        byte[] buf = new byte[s.length() * 3];
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHexDigit(s.charAt(i + 1)) && isHexDigit(s.charAt(i + 2))) {
                buf[len++] = (byte) (Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, buf, len, b.length);
                len += b.length;
            }
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
