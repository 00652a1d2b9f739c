package org.worldwire.sim.world;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.worldwire.schedule.PollPolicy;

/**
 * Miniflux's "entry frequency" scheduler, for comparison: interval = one week ÷ entries seen in the last week, clamped
 * to [5 min, 24 h], a feed with none at the maximum; all intervals scaled by one common factor so that it spends the
 * same budget as the others.
 */
public final class EntryFrequencyPolicy implements PollPolicy {
    private static final long WEEK_MS = 7L * 24 * 3_600_000L;
    private static final long MIN_MS = 5L * 60_000L;
    private static final long MAX_MS = 24L * 3_600_000L;

    /** Publication times seen in the last week, oldest first, as a growable ring. */
    private static final class Seen {
        long[] times = new long[8];
        int head, size;

        void add(long t) {
            if (size == times.length) {
                long[] bigger = new long[times.length * 2];
                for (int i = 0; i < size; i++) bigger[i] = times[(head + i) % times.length];
                times = bigger;
                head = 0;
            }
            times[(head + size++) % times.length] = t;
        }

        int countSince(long from) {
            while (size > 0 && times[head] < from) {
                head = (head + 1) % times.length;
                size--;
            }
            // Entries arrive roughly in order; one late old entry is counted until it reaches the head.
            return size;
        }
    }

    private final Map<Long, Seen> seen = new HashMap<>();
    private double factor = 1;

    @Override
    public long firstPoll(long sourceId, long nowMs) {
        seen.computeIfAbsent(sourceId, id -> new Seen());
        return nowMs;
    }

    @Override
    public void removed(long sourceId) {
        seen.remove(sourceId);
    }

    @Override
    public void observed(long sourceId, long polledAtMs, List<Instant> newEntryTimes) {
        Seen s = seen.computeIfAbsent(sourceId, id -> new Seen());
        long[] sorted = newEntryTimes.stream().mapToLong(Instant::toEpochMilli).sorted().toArray();
        for (long t : sorted) if (t > polledAtMs - WEEK_MS) s.add(t);
    }

    private long interval(Seen s, long nowMs) {
        int weekly = s.countSince(nowMs - WEEK_MS);
        if (weekly == 0) return MAX_MS;
        return Math.clamp(WEEK_MS / weekly, MIN_MS, MAX_MS);
    }

    @Override
    public long nextPoll(long sourceId, long lastPollMs, long nowMs) {
        Seen s = seen.get(sourceId);
        long base = s == null ? MAX_MS : interval(s, nowMs);
        return lastPollMs + (long) (base * factor);
    }

    @Override
    public boolean replan(long nowMs, double requestsPerSecond) {
        double spend = 0;
        for (Seen s : seen.values()) spend += 1000.0 / interval(s, nowMs);
        double next = spend / requestsPerSecond;
        boolean changed = Math.abs(next - factor) > 0.02 * factor;
        factor = next;
        return changed;
    }
}
