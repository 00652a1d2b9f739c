package org.worldwire.store;

import org.jspecify.annotations.Nullable;

/** ETag and Last-Modified of the last successful fetch of a feed. */
public record FeedValidators(@Nullable String etag, @Nullable String lastModified) {
    public static final FeedValidators NONE = new FeedValidators(null, null);
}
