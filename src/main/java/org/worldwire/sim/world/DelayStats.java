package org.worldwire.sim.world;

import java.util.Arrays;

/**
 * Detection delays of the entries published in the measured period, and what it cost.
 *
 * @param meanMs mean delay between publication and the end of the poll that first listed the entry
 * @param p50Ms median delay
 * @param p95Ms 95th percentile delay
 * @param detected entries detected
 * @param missed entries never seen: pushed out of the feed window before a poll, or not polled before the run ended
 * @param requests polls started during the measured period
 * @param meanWithMissedMs mean delay counting each entry lost to the feed window as if detected by the poll that
 *     skipped it (a lower bound for those entries): the mean above flatters a scheduler that loses entries
 * @param failures polls answered 503 by an overloaded host
 * @param impolite requests sent to a host that was busy, answered less than the host spacing ago, or had asked us to
 *     wait (Retry-After); must be zero
 */
public record DelayStats(double meanMs, long p50Ms, long p95Ms, long detected, long missed, long requests,
        double meanWithMissedMs, long failures, long impolite) {
    static DelayStats of(long[] delays, int n, long missed, long requests, double lostDelaySumMs, long lost,
            long failures, long impolite) {
        if (n == 0) return new DelayStats(0, 0, 0, 0, missed, requests, 0, failures, impolite);
        long[] d = Arrays.copyOf(delays, n);
        Arrays.sort(d);
        double sum = 0;
        for (long v : d) sum += v;
        return new DelayStats(sum / n, d[(int) Math.min(n - 1, Math.floor(0.5 * n))],
                d[(int) Math.min(n - 1, Math.floor(0.95 * n))], n, missed, requests, (sum + lostDelaySumMs) / (n + lost), failures, impolite);
    }
}
