package org.worldwire.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's CSS and JavaScript, read once from the classpath and served under names that carry a hash of
 * their content ({@code /static/site.1a2b3c4d.css}), so browsers may keep them for a year.
 */
final class Assets {
    private static final String BASE = "/org/worldwire/web/static/";
    private final Map<String, Rendered> byHashedName = new ConcurrentHashMap<>();
    private final String cssHref;
    private final String jsHref;
    private final String iconHref;
    /** The icon browsers ask for at {@code /favicon.ico} whether a page links it or not. */
    private final Rendered ico;
    private final int pageWeight;

    Assets() {
        cssHref = load("site.css", "text/css; charset=utf-8");
        jsHref = load("site.js", "text/javascript; charset=utf-8");
        pageWeight = byHashedName.values().stream().mapToInt(r -> r.body().length).sum();
        iconHref = load("favicon.svg", "image/svg+xml");
        ico = Rendered.of(read("favicon.ico"), "image/x-icon");
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("missing static asset " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static asset " + name, e);
        }
    }

    private String load(String name, String type) {
        byte[] bytes = read(name);
        // A name that changes when the content does is all a cache-busting name needs: CRC-32C, not SHA-256, whose
        // first use sets up the JDK's security providers (20-35 ms of the main thread before the port opened)
        String hash = Long.toHexString(Rendered.crc32c(bytes) | 1L << 32).substring(1); // eight digits, leading zeros kept
        int dot = name.lastIndexOf('.');
        String hashed = name.substring(0, dot) + "." + hash + name.substring(dot);
        byHashedName.put(hashed, Rendered.of(bytes, type));
        return "/static/" + hashed;
    }

    String cssHref() {
        return cssHref;
    }

    String jsHref() {
        return jsHref;
    }

    String iconHref() {
        return iconHref;
    }

    Rendered ico() {
        return ico;
    }

    Optional<Rendered> find(String hashedName) {
        return Optional.ofNullable(byHashedName.get(hashedName));
    }

    /** Bytes of CSS and JS one page loads, for the page-weight figure (the icon is fetched once per site). */
    int weight() {
        return pageWeight;
    }
}
