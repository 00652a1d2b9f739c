package org.worldwire.feed;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP context a feed document arrived in.
 *
 * @param documentUrl where it was fetched from; the base URI when there is no Content-Location
 * @param contentType the Content-Type header (its charset takes part in encoding detection)
 * @param contentLocation the Content-Location header, relative to documentUrl; the base URI when present
 */
public record FeedContext(@Nullable String documentUrl, @Nullable String contentType, @Nullable String contentLocation) {
    public static final FeedContext NONE = new FeedContext(null, null, null);

    public static FeedContext of(@Nullable String documentUrl) {
        return new FeedContext(documentUrl, null, null);
    }
}
