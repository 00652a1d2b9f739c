package org.worldwire.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Source;

/**
 * How a source is doing.
 *
 * @param articlesLastDay articles stored from it in the last 24 hours
 * @param consecutiveErrors failed polls since the last success
 * @param hostOutage set while the source's host does not answer (and the source is not polled meanwhile)
 */
public record SourceHealth(
        Source source,
        @Nullable Instant lastPoll,
        @Nullable Instant lastSuccess,
        @Nullable String lastError,
        @Nullable String lastErrorMessage,
        int consecutiveErrors,
        long articlesTotal,
        long articlesLastDay,
        @Nullable HostOutage hostOutage) {

    public boolean healthy() {
        return consecutiveErrors == 0 && hostOutage == null;
    }

    /** "new", "ok", "failing" (the host answers, the feed does not) or "unreachable" (the host does not answer). */
    public String status() {
        if (hostOutage != null) return "unreachable";
        if (lastPoll == null) return "new";
        return consecutiveErrors == 0 ? "ok" : "failing";
    }
}
