package org.worldwire.web.admin;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in a sliding window of fixed slots (one per window): simple, bounded,
 * good enough to stop password guessing and write floods.
 */
final class RateLimiter {
    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int count) {}

    RateLimiter(int limit, Duration window, InstantSource clock) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1");
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts one event for the key.
     *
     * @return 0 when allowed, else the seconds to wait before the next event will be
     */
    long acquire(String key) {
        long now = clock.millis();
        if (windows.size() > MAX_KEYS) windows.values().removeIf(w -> now - w.start() >= windowMillis);
        Window w = windows.compute(key, (k, old) -> old == null || now - old.start() >= windowMillis
                ? new Window(now, 1)
                : new Window(old.start(), old.count() + 1));
        if (w.count() <= limit) return 0;
        return Math.max(1, (w.start() + windowMillis - now + 999) / 1000);
    }
}
