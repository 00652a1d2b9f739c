package org.worldwire.web;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks on URLs that came from sources or from readers before they go into a page. */
final class Urls {
    private Urls() {}

    /** The URL when it is absolute http(s), else null: no javascript:, data: or relative surprises. */
    static @Nullable String httpOrNull(@Nullable String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme();
            if (scheme == null || u.getHost() == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** A path on this site to send the reader back to, or "/" when {@code path} could lead elsewhere. */
    static String localPath(@Nullable String path) {
        if (path == null || path.isEmpty() || path.length() > 2000) return "/";
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) return "/";
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c == 0x7f) return "/";
        }
        return path;
    }

    /** The origin of an absolute URL ("https://ads.example:8443"), or null. */
    static @Nullable String origin(@Nullable String url) {
        String u = httpOrNull(url);
        if (u == null) return null;
        URI uri = URI.create(u);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}
