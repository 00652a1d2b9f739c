package org.worldwire.schedule;

/**
 * The optimal-polling arithmetic. For a source publishing as a Poisson process at rate λ and polled every T, an entry
 * waits T/2 on average, so the source contributes λ·T/2 of delay per unit time. Minimising Σ λᵢ·Tᵢ/2 subject to the
 * budget Σ 1/Tᵢ = B gives (Lagrange) λᵢ/2 = μ/Tᵢ², i.e. Tᵢ = c/√λᵢ with c = Σ√λⱼ / B: poll intervals proportional to
 * 1/√rate, and a mean delay per entry of (Σ√λ)² / (2·B·Σλ).
 *
 * <p>With a rate that changes over the day the same rule reads: poll when the expected total waiting time of the
 * entries published since the last poll, E(t) = ∫ λ(u)(t − u) du, reaches θ = c²/2 (for constant λ this is
 * λT²/2 = c²/2, the rule above). Sources publishing now are polled sooner, quiet hours cost nothing.
 */
public final class IntervalPlanner {
    private IntervalPlanner() {}

    /**
     * When the expected total waiting time of entries published since {@code lastMs} reaches {@code theta}.
     *
     * @param ratePerSecond the source's rate for each UTC hour of the day (entries per second), length 24
     * @param theta the threshold, entry-seconds (see {@link #threshold})
     * @return a time in [lastMs + minMs, lastMs + maxMs]
     */
    public static long nextPoll(double[] ratePerSecond, long lastMs, double theta, long minMs, long maxMs) {
        double e = 0; // expected total waiting time so far, entry-seconds
        double pending = 0; // expected entries published since lastMs
        long t = lastMs;
        long limit = lastMs + maxMs;
        while (t < limit) {
            long binEnd = Math.min(limit, Math.floorDiv(t, RateEstimate.HOUR_MS) * RateEstimate.HOUR_MS + RateEstimate.HOUR_MS);
            double r = ratePerSecond[RateEstimate.bin(t)];
            double x = (binEnd - t) / 1000.0;
            double eEnd = e + pending * x + r * x * x / 2;
            if (eEnd >= theta) {
                double need = theta - e;
                double dx;
                if (r > 1e-15) dx = (-pending + Math.sqrt(pending * pending + 2 * r * need)) / r;
                else dx = pending > 0 ? need / pending : x;
                long at = t + (long) Math.ceil(dx * 1000);
                return Math.max(lastMs + minMs, Math.min(limit, at));
            }
            e = eEnd;
            pending += r * x;
            t = binEnd;
        }
        return limit;
    }

    /**
     * When the expected number of entries published since {@code fromMs} reaches {@code expected}: for a pushing
     * source, silence that long is unlikely (probability e^-expected for a Poisson source) unless push broke.
     *
     * @return a time in [fromMs + minMs, fromMs + maxMs]
     */
    public static long whenExpected(double[] ratePerSecond, long fromMs, double expected, long minMs, long maxMs) {
        double pending = 0;
        long t = fromMs;
        long limit = fromMs + maxMs;
        while (t < limit) {
            long binEnd = Math.min(limit, Math.floorDiv(t, RateEstimate.HOUR_MS) * RateEstimate.HOUR_MS + RateEstimate.HOUR_MS);
            double r = ratePerSecond[RateEstimate.bin(t)];
            double x = (binEnd - t) / 1000.0;
            if (pending + r * x >= expected) {
                long at = t + (long) Math.ceil((expected - pending) / r * 1000);
                return Math.max(fromMs + minMs, Math.min(limit, at));
            }
            pending += r * x;
            t = binEnd;
        }
        return limit;
    }

    /**
     * The threshold θ that makes the plan spend {@code requestsPerSecond} when sources have the given current rates:
     * solves Σ 1/clamp(c/√λᵢ, min, max) = B for c by bisection (the clamps break the closed form), θ = c²/2.
     *
     * @param rates current rate of each source, entries per second; only the first {@code n} are read
     */
    public static double threshold(double[] rates, int n, double requestsPerSecond, long minMs, long maxMs) {
        if (n == 0 || requestsPerSecond <= 0) return Double.MAX_VALUE;
        double[] roots = new double[n];
        for (int i = 0; i < n; i++) roots[i] = Math.sqrt(Math.max(0, rates[i]));
        double minS = Math.max(minMs, 1) / 1000.0, maxS = maxMs / 1000.0;
        double lo = Math.log(1e-9), hi = Math.log(1e9);
        if (spend(roots, Math.exp(hi), minS, maxS) > requestsPerSecond) return Math.exp(2 * hi) / 2;
        if (spend(roots, Math.exp(lo), minS, maxS) <= requestsPerSecond) return Math.exp(2 * lo) / 2;
        for (int it = 0; it < 44; it++) { // 44 halvings of the 1e-9..1e9 bracket: ~1e-12 relative error
            double mid = (lo + hi) / 2;
            if (spend(roots, Math.exp(mid), minS, maxS) > requestsPerSecond) lo = mid;
            else hi = mid;
        }
        double c = Math.exp(hi);
        return c * c / 2;
    }

    private static double spend(double[] roots, double c, double minS, double maxS) {
        double s = 0;
        for (double root : roots) {
            double interval = root > 0 ? c / root : maxS;
            s += 1 / Math.clamp(interval, minS, maxS);
        }
        return s;
    }

    /** The mean delay per entry of the unclamped optimum, (Σ√λ)² / (2·B·Σλ), seconds: the analytic lower bound. */
    public static double optimalMeanDelay(double[] rates, int n, double requestsPerSecond) {
        double sumRoot = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            sumRoot += Math.sqrt(rates[i]);
            sum += rates[i];
        }
        return sum == 0 ? 0 : sumRoot * sumRoot / (2 * requestsPerSecond * sum);
    }
}
