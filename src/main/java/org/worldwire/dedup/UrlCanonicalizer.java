package org.worldwire.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Interim canonical form of article URLs; replaced by the full canonicaliser. */
public final class UrlCanonicalizer {
    private UrlCanonicalizer() {}

    public static String canonicalize(String url, @Nullable String base) {
        try {
            URI u = base == null ? new URI(url.strip()) : new URI(base).resolve(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) throw new IllegalArgumentException("not http(s): " + url);
            String q = u.getRawQuery();
            if (q != null) {
                StringBuilder kept = new StringBuilder();
                for (String p : q.split("&")) {
                    String k = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (k.startsWith("utm_") || k.equals("fbclid") || k.equals("gclid")) continue;
                    if (!kept.isEmpty()) kept.append('&');
                    kept.append(p);
                }
                q = kept.isEmpty() ? null : kept.toString();
            }
            return new URI(scheme, u.getRawAuthority().toLowerCase(Locale.ROOT), u.getRawPath(), null, null).toString()
                    + (q == null ? "" : "?" + q);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a usable URL: " + url, e);
        }
    }
}
