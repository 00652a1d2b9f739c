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

    /** The base URI of the document: Content-Location resolved against the document URL, else the document URL. */
    public @Nullable String baseUri() {
        String doc = documentUrl == null || documentUrl.isBlank() ? null : documentUrl.strip();
        if (contentLocation != null && !contentLocation.isBlank()) return Uris.resolve(doc, contentLocation.strip());
        return doc;
    }
}
