package org.worldwire.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on every fetch.
 *
 * @param connectTimeout time to open a connection
 * @param totalTimeout time for the whole exchange, redirects and body included
 * @param maxBytes cap on the body after decompression; a larger body fails as TOO_LARGE
 * @param maxRedirects redirects followed before giving up
 * @param allowLoopback whether 127.0.0.0/8 and ::1 may be fetched (tests and the simulator); off in production
 * @param allowPrivate whether private, link-local and other internal ranges may be fetched; off in production
 */
public record FetchConfig(
        Duration connectTimeout,
        Duration totalTimeout,
        long maxBytes,
        int maxRedirects,
        String userAgent,
        boolean allowLoopback,
        boolean allowPrivate) {

    public static final String DEFAULT_USER_AGENT =
            "Worldwire/0.1 (news aggregator; +https://github.com/worldwire/worldwire)";

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxBytes < 1024) throw new IllegalArgumentException("maxBytes must be at least 1 KiB");
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must not be negative");
    }

    public static FetchConfig defaults() {
        return new FetchConfig(Duration.ofSeconds(5), Duration.ofSeconds(20), 10L << 20, 5, DEFAULT_USER_AGENT, false, false);
    }

    public FetchConfig allowingLoopback() {
        return new FetchConfig(connectTimeout, totalTimeout, maxBytes, maxRedirects, userAgent, true, allowPrivate);
    }

    /**
     * Loopback and private ranges allowed, for feeds on the operator's own machine or network (Miniflux's
     * FETCHER_ALLOW_PRIVATE_NETWORKS). Link-local (cloud metadata), multicast and unspecified addresses stay refused.
     */
    public FetchConfig allowingPrivateNetworks() {
        return new FetchConfig(connectTimeout, totalTimeout, maxBytes, maxRedirects, userAgent, true, true);
    }

    public FetchConfig withTotalTimeout(Duration t) {
        return new FetchConfig(connectTimeout, t, maxBytes, maxRedirects, userAgent, allowLoopback, allowPrivate);
    }

    public FetchConfig withMaxBytes(long bytes) {
        return new FetchConfig(connectTimeout, totalTimeout, bytes, maxRedirects, userAgent, allowLoopback, allowPrivate);
    }
}
