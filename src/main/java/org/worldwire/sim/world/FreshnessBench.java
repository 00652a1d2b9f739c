package org.worldwire.sim.world;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.worldwire.schedule.IntervalPlanner;
import org.worldwire.schedule.PollScheduler;
import org.worldwire.schedule.ScheduleConfig;

/**
 * The polling half of {@code worldwire bench freshness}: one world, one budget, four policies behind the same
 * {@link PollScheduler} machinery (so politeness and the budget cap apply to all alike).
 */
public final class FreshnessBench {
    /** Results by policy name, in the order ours, uniform, entryfreq, oracle; plus the analytic bound. */
    public record Result(Map<String, DelayStats> byPolicy, double analyticBoundMs, long entries, int budgetPerMinute) {}

    private FreshnessBench() {}

    /** The scheduler settings the bench uses: the budget given, 1 min minimum interval, 24 h maximum, 1 s host spacing. */
    public static ScheduleConfig config(int requestsPerMinute) {
        return new ScheduleConfig(requestsPerMinute, Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(1));
    }

    public static Result run(SimWorld world, int requestsPerMinute) {
        ScheduleConfig config = config(requestsPerMinute);
        Map<String, DelayStats> out = new LinkedHashMap<>();
        var spacing = config.hostSpacing();
        out.put("ours", FreshnessSim.run(world, new PollScheduler(config), spacing));
        out.put("uniform", FreshnessSim.run(world, new PollScheduler(config, new UniformPolicy()), spacing));
        out.put("entryfreq", FreshnessSim.run(world, new PollScheduler(config, new EntryFrequencyPolicy()), spacing));
        out.put("oracle", FreshnessSim.run(world, new PollScheduler(config,
                new OraclePolicy(world, config.minInterval().toMillis(), config.maxInterval().toMillis())), spacing));
        return new Result(out, analyticBoundMs(world, requestsPerMinute / 60.0), world.entriesInPeriod(), requestsPerMinute);
    }

    /** The unclamped optimum (Σ√λ)²/(2BΣλ) hour by hour, weighted by how many entries each hour brings. */
    static double analyticBoundMs(SimWorld world, double requestsPerSecond) {
        int n = world.size();
        double[] rates = new double[n];
        double weighted = 0, weight = 0;
        long start = world.spec().start().toEpochMilli();
        long hours = world.spec().length().toHours();
        for (long h = 0; h < hours; h++) {
            long t = start + h * SimWorld.HOUR_MS;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                rates[i] = world.trueRate(i, t);
                sum += rates[i];
            }
            weighted += sum * IntervalPlanner.optimalMeanDelay(rates, n, requestsPerSecond);
            weight += sum;
        }
        return weight == 0 ? 0 : weighted / weight * 1000;
    }
}
