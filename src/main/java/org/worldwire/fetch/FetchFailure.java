package org.worldwire.fetch;

/** Why a fetch failed: a stable key for logs, metric labels and the source-health page. */
public enum FetchFailure {
    BAD_URL("bad_url"),
    DNS("dns"),
    BLOCKED_ADDRESS("blocked_address"),
    CONNECTION("connection"),
    TIMEOUT("timeout"),
    TOO_LARGE("too_large"),
    TOO_MANY_REDIRECTS("too_many_redirects"),
    REDIRECT_LOOP("redirect_loop"),
    RATE_LIMITED("rate_limited"),
    HTTP_ERROR("http_error"),
    DECODING("decoding"),
    ROBOTS_DISALLOWED("robots_disallowed");

    private final String key;

    FetchFailure(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
