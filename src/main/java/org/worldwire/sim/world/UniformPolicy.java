package org.worldwire.sim.world;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.worldwire.schedule.PollPolicy;

/** Round-robin: every source every N/B, whatever it publishes. The baseline most feed readers ship. */
public final class UniformPolicy implements PollPolicy {
    private final Set<Long> ids = new HashSet<>();
    private long intervalMs = 3_600_000L;

    @Override
    public long firstPoll(long sourceId, long nowMs) {
        ids.add(sourceId);
        return nowMs;
    }

    @Override
    public void removed(long sourceId) {
        ids.remove(sourceId);
    }

    @Override
    public void observed(long sourceId, long polledAtMs, List<Instant> newEntryTimes) {}

    @Override
    public long nextPoll(long sourceId, long lastPollMs, long nowMs) {
        return lastPollMs + intervalMs;
    }

    @Override
    public boolean replan(long nowMs, double requestsPerSecond) {
        long next = Math.max(1, (long) (ids.size() / requestsPerSecond * 1000));
        boolean changed = next != intervalMs;
        intervalMs = next;
        return changed;
    }
}
