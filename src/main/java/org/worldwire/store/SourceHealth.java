package org.worldwire.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Source;

/**
 * How a source is doing.
 *
 * @param articlesLastDay articles stored from it in the last 24 hours
 * @param consecutiveErrors failed polls since the last success
 */
public record SourceHealth(
        Source source,
        @Nullable Instant lastPoll,
        @Nullable Instant lastSuccess,
        @Nullable String lastError,
        @Nullable String lastErrorMessage,
        int consecutiveErrors,
        long articlesTotal,
        long articlesLastDay) {

    public boolean healthy() {
        return consecutiveErrors == 0;
    }
}
