package org.worldwire.fetch;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The outcome of one fetch; consumers switch over it exhaustively. */
public sealed interface FetchResult {
    /** The URL after redirects. */
    String finalUrl();

    /** A 2xx response whose body was read completely (and decompressed) within the caps. */
    record Fetched(
            String finalUrl,
            int status,
            @Nullable String contentType,
            @Nullable String contentLocation,
            @Nullable String etag,
            @Nullable String lastModified,
            @Nullable String linkHeader,
            byte[] body) implements FetchResult {}

    /** 304: what we have is current. */
    record NotModified(String finalUrl) implements FetchResult {}

    /**
     * @param status the HTTP status when there was a response
     * @param retryAfter the publisher's Retry-After, when it sent one
     */
    record Failed(String finalUrl, FetchFailure reason, String message, @Nullable Integer status,
            @Nullable Duration retryAfter) implements FetchResult {}
}
