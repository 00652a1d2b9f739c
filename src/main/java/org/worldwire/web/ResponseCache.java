package org.worldwire.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered pages and API answers kept for a short while, so a busy home page is rendered about once a
 * second instead of once a request. Lists depend on what was stored: an entry is fresh while no article
 * arrived since it was made (up to {@code maxAgeNanos}), and for at most {@code minAgeNanos} after one did.
 * When an entry goes stale, one request renders it again while the others still get the previous one, so a
 * crowd never renders the same page at once. Bounded: past {@link #MAX_ENTRIES} it starts over.
 */
final class ResponseCache {
    static final int MAX_ENTRIES = 4096;

    private record Entry(Rendered rendered, long version, long madeAt, AtomicBoolean refreshing) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** Called for every stored article: lists made before it are stale. */
    void articleStored() {
        version.incrementAndGet();
    }

    Rendered get(String key, long minAgeNanos, long maxAgeNanos, Supplier<Rendered> render) {
        long now = System.nanoTime();
        long v = version.get();
        Entry e = entries.get(key);
        if (e != null) {
            long age = now - e.madeAt;
            if (age < minAgeNanos || (e.version == v && age < maxAgeNanos)) return e.rendered;
            // stale: this request refreshes it unless another already does; then the previous one serves
            if (!e.refreshing.compareAndSet(false, true)) return e.rendered;
            try {
                return put(key, v, now, render.get());
            } finally {
                e.refreshing.set(false);
            }
        }
        return put(key, v, now, render.get());
    }

    private Rendered put(String key, long v, long now, Rendered r) {
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        entries.put(key, new Entry(r, v, now, new AtomicBoolean()));
        return r;
    }

    void clear() {
        entries.clear();
    }
}
