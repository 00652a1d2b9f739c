package org.worldwire.fetch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A GET, conditional when validators are given. */
public record FetchRequest(String url, @Nullable String etag, @Nullable String lastModified, String accept) {
    public static final String ACCEPT_FEED =
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    public static final String ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accept, "accept");
    }

    public static FetchRequest feed(String url, @Nullable String etag, @Nullable String lastModified) {
        return new FetchRequest(url, etag, lastModified, ACCEPT_FEED);
    }

    public static FetchRequest page(String url) {
        return new FetchRequest(url, null, null, ACCEPT_HTML);
    }
}
