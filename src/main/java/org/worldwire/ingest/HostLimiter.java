package org.worldwire.ingest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** At most N requests in flight per host, so that a burst of entries from one site does not hammer it. */
final class HostLimiter {
    private final int perHost;
    private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    HostLimiter(int perHost) {
        this.perHost = perHost;
    }

    Semaphore forHost(String host) {
        return permits.computeIfAbsent(host, h -> new Semaphore(perHost, true));
    }
}
