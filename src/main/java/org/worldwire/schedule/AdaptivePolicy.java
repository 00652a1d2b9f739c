package org.worldwire.schedule;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worldwire's polling policy: learn each source's rate by hour of day ({@link RateEstimate}), then poll when the
 * expected waiting time of its unseen entries reaches a common threshold chosen so that the whole plan spends the
 * budget ({@link IntervalPlanner}). A new source is polled at once; if its first look shows too little dated history
 * it gets a short burst of quick polls to learn from.
 */
public final class AdaptivePolicy implements PollPolicy {
    /** Below this many (decayed) entries the first look is "too little history". */
    private static final double ENOUGH_EVIDENCE = 3;
    private static final int BURST_POLLS = 3;
    private static final double QUIET_EXPECTED = 4;

    private static final class Learner {
        final RateEstimate estimate;
        final double[] rates = new double[RateEstimate.BINS];
        boolean dirty = true;
        int burstLeft;

        Learner(long halfLifeMs) {
            estimate = new RateEstimate(halfLifeMs);
        }

        double[] rates() {
            if (dirty) {
                estimate.rates(rates);
                dirty = false;
            }
            return rates;
        }
    }

    private final Map<Long, Learner> learners = new HashMap<>();
    private final long minMs;
    private final long maxMs;
    private final long burstMs;
    private final long halfLifeMs;
    private double theta = Double.NaN;
    private double[] scratch = new double[64];

    public AdaptivePolicy(ScheduleConfig config) {
        this.minMs = config.minInterval().toMillis();
        this.maxMs = config.maxInterval().toMillis();
        this.burstMs = Math.clamp(4 * minMs, minMs, maxMs);
        this.halfLifeMs = 14L * 24 * RateEstimate.HOUR_MS;
    }

    @Override
    public long firstPoll(long sourceId, long nowMs) {
        learners.computeIfAbsent(sourceId, id -> new Learner(halfLifeMs));
        return nowMs;
    }

    @Override
    public void removed(long sourceId) {
        learners.remove(sourceId);
    }

    @Override
    public void observed(long sourceId, long polledAtMs, List<Instant> newEntryTimes) {
        Learner l = learners.computeIfAbsent(sourceId, id -> new Learner(halfLifeMs));
        boolean first = !l.estimate.seen();
        l.estimate.observe(polledAtMs, newEntryTimes);
        l.dirty = true;
        if (first && l.estimate.evidence() < ENOUGH_EVIDENCE) l.burstLeft = BURST_POLLS;
    }

    @Override
    public long nextPoll(long sourceId, long lastPollMs, long nowMs) {
        Learner l = learners.get(sourceId);
        if (l == null) return lastPollMs + maxMs;
        double th = Double.isNaN(theta) ? Double.MAX_VALUE : theta;
        long next = IntervalPlanner.nextPoll(l.rates(), lastPollMs, th, minMs, maxMs);
        if (l.burstLeft > 0) {
            l.burstLeft--;
            next = Math.min(next, lastPollMs + burstMs);
        }
        return next;
    }

    /**
     * Silence long enough that four entries were expected: a Poisson source stays that quiet with probability e⁻⁴
     * (under 2 %), so a push subscription that went quiet is caught within a few publishing intervals.
     */
    @Override
    public long quietDeadline(long sourceId, long lastHeardMs, long maxMs) {
        Learner l = learners.get(sourceId);
        if (l == null) return lastHeardMs + maxMs;
        return IntervalPlanner.whenExpected(l.rates(), lastHeardMs, QUIET_EXPECTED, minMs, maxMs);
    }

    @Override
    public boolean replan(long nowMs, double requestsPerSecond) {
        int n = learners.size();
        if (scratch.length < n) scratch = new double[Math.max(n, scratch.length * 2)];
        int hour = RateEstimate.bin(nowMs);
        int i = 0;
        for (Learner l : learners.values()) scratch[i++] = l.rates()[hour];
        double next = IntervalPlanner.threshold(scratch, n, requestsPerSecond, minMs, maxMs);
        double old = theta;
        theta = next;
        return Double.isNaN(old) || Math.abs(next - old) > 0.02 * old;
    }

    /** The current threshold (entry-seconds); NaN before the first plan. */
    public double threshold() {
        return theta;
    }

    /** The estimated rate of a source for each UTC hour, entries per second; empty when unknown. */
    public double[] estimatedRates(long sourceId) {
        Learner l = learners.get(sourceId);
        return l == null ? new double[0] : l.rates().clone();
    }
}
