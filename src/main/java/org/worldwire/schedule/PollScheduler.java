package org.worldwire.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Decides which sources are due. Pure: callers pass the time. Not thread-safe: one poller owns it.
 *
 * <p>Interim policy: a fixed interval per source with exponential back-off on failures; the adaptive
 * rate-learning planner replaces it behind the same methods.
 */
public final class PollScheduler {
    private record Slot(long sourceId, Instant due) {}

    private final ScheduleConfig config;
    private final PriorityQueue<Slot> queue = new PriorityQueue<>((a, b) -> a.due.compareTo(b.due));
    private final Map<Long, String> hostOf = new HashMap<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final Set<String> hostsInFlight = new HashSet<>();
    private final Map<String, Instant> hostFree = new HashMap<>();

    public PollScheduler(ScheduleConfig config) {
        this.config = config;
    }

    public void add(long sourceId, String host, Instant now) {
        if (hostOf.putIfAbsent(sourceId, host) == null) queue.add(new Slot(sourceId, now));
    }

    public void remove(long sourceId) {
        hostOf.remove(sourceId);
        queue.removeIf(s -> s.sourceId == sourceId);
    }

    public int size() {
        return hostOf.size();
    }

    /** Up to {@code max} sources to poll now; each is in flight until {@link #completed}. */
    public List<Long> due(Instant now, int max) {
        List<Long> out = new ArrayList<>();
        List<Slot> deferred = new ArrayList<>();
        while (out.size() < max && !queue.isEmpty() && !queue.peek().due.isAfter(now)) {
            Slot s = queue.poll();
            String host = hostOf.get(s.sourceId);
            if (host == null) continue;
            Instant free = hostFree.getOrDefault(host, Instant.MIN);
            if (hostsInFlight.contains(host) || free.isAfter(now)) {
                deferred.add(new Slot(s.sourceId, free.isAfter(now) ? free : now.plusMillis(50)));
                continue;
            }
            hostsInFlight.add(host);
            out.add(s.sourceId);
        }
        queue.addAll(deferred);
        return out;
    }

    public void completed(long sourceId, PollOutcome outcome, Instant now) {
        String host = hostOf.get(sourceId);
        if (host == null) return;
        hostsInFlight.remove(host);
        hostFree.put(host, now.plus(config.hostSpacing()));
        Duration next = switch (outcome) {
            case PollOutcome.Fetched f -> {
                failures.remove(sourceId);
                yield config.minInterval();
            }
            case PollOutcome.NotModified n -> {
                failures.remove(sourceId);
                yield config.minInterval();
            }
            case PollOutcome.Failed f -> {
                int n = failures.merge(sourceId, 1, Integer::sum);
                Duration backoff = config.minInterval().multipliedBy(1L << Math.min(n, 10));
                if (f.retryAfter() != null && f.retryAfter().compareTo(backoff) > 0) backoff = f.retryAfter();
                yield backoff.compareTo(config.maxInterval()) > 0 ? config.maxInterval() : backoff;
            }
        };
        queue.add(new Slot(sourceId, now.plus(next)));
    }

    /** When the earliest source falls due, if any. */
    public Optional<Instant> nextDue() {
        return Optional.ofNullable(queue.peek()).map(Slot::due);
    }
}
