package org.worldwire.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One poll of a source, as health remembers it.
 *
 * @param error null on success; otherwise a stable key ("timeout", "http_500", "malformed_feed") and a message
 * @param validators the new validators on success (null keeps the old ones)
 */
public record PollRecord(
        Instant at,
        @Nullable Integer httpStatus,
        int newArticles,
        @Nullable String error,
        @Nullable String errorMessage,
        @Nullable FeedValidators validators) {}
