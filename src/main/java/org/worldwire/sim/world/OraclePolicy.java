package org.worldwire.sim.world;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.worldwire.schedule.IntervalPlanner;
import org.worldwire.schedule.PollPolicy;

/**
 * The lower bound: the optimal-interval rule (intervals ∝ 1/√rate under the budget, following the daily rhythm) fed
 * with each feed's true rates instead of estimates. No polling scheduler can know more than this.
 */
public final class OraclePolicy implements PollPolicy {
    private final SimWorld world;
    private final Map<Long, double[]> rates = new HashMap<>();
    private final long minMs;
    private final long maxMs;
    private double theta = Double.MAX_VALUE;
    private double[] scratch = new double[64];

    /** @param maxMs the longest interval; the oracle gets a generous one since it never needs to look for change */
    public OraclePolicy(SimWorld world, long minMs, long maxMs) {
        this.world = world;
        this.minMs = minMs;
        this.maxMs = maxMs;
    }

    @Override
    public long firstPoll(long sourceId, long nowMs) {
        rates.put(sourceId, world.trueRates((int) sourceId));
        return nowMs;
    }

    @Override
    public void removed(long sourceId) {
        rates.remove(sourceId);
    }

    @Override
    public void observed(long sourceId, long polledAtMs, List<Instant> newEntryTimes) {}

    @Override
    public long nextPoll(long sourceId, long lastPollMs, long nowMs) {
        return IntervalPlanner.nextPoll(rates.get(sourceId), lastPollMs, theta, minMs, maxMs);
    }

    @Override
    public boolean replan(long nowMs, double requestsPerSecond) {
        int n = rates.size();
        if (scratch.length < n) scratch = new double[Math.max(n, 2 * scratch.length)];
        int hour = SimWorld.hour(nowMs);
        int i = 0;
        for (double[] r : rates.values()) scratch[i++] = r[hour];
        double next = IntervalPlanner.threshold(scratch, n, requestsPerSecond, minMs, maxMs);
        boolean changed = Math.abs(next - theta) > 0.02 * theta;
        theta = next;
        return changed;
    }
}
