package org.worldwire.sim.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.worldwire.schedule.PollOutcome;
import org.worldwire.schedule.PollScheduler;

/**
 * Runs a real {@link PollScheduler} against a {@link SimWorld} on a virtual clock: a discrete-event loop that asks the
 * scheduler what is due, "fetches" each feed (the newest {@link WorldSpec#feedWindow} entries published by the moment
 * the request starts, answered after a simulated latency), and tells the scheduler what was new, exactly as the
 * ingest poller does. A simulated week takes seconds.
 */
public final class FreshnessSim {
    private record Completion(long at, int source, long snapshot) {}

    private FreshnessSim() {}

    /** Retry-After the flaky hosts send with their 503s. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(120);

    /**
     * Polls the world with the scheduler from the start of its period until two days after its end, and checks the
     * scheduler's manners: a request to a host that is busy, was last answered less than {@code hostSpacing} ago, or
     * asked us to wait (Retry-After) is counted as a politeness violation.
     */
    public static DelayStats run(SimWorld world, PollScheduler scheduler, Duration hostSpacing) {
        WorldSpec spec = world.spec();
        long start = spec.start().toEpochMilli();
        long periodEnd = start + spec.length().toMillis();
        long runEnd = periodEnd + 2 * 24 * SimWorld.HOUR_MS;
        int n = world.size();
        int[] seen = new int[n]; // index of the first entry not yet seen by the poller
        Map<String, Integer> hostIds = new HashMap<>();
        int[] hostOf = new int[n];
        for (int i = 0; i < n; i++) hostOf[i] = hostIds.computeIfAbsent(world.host(i), h -> hostIds.size());
        boolean[] hostBusy = new boolean[hostIds.size()];
        long[] hostAllowedAt = new long[hostIds.size()];
        long violations = 0, failures = 0;
        for (int i = 0; i < n; i++) scheduler.add(i, world.host(i), Instant.ofEpochMilli(start));
        PriorityQueue<Completion> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        long[] delays = new long[1 << 16];
        int detected = 0;
        long missed = 0, requests = 0, lost = 0;
        double lostDelaySum = 0;
        long now = start;
        while (true) {
            for (long id : scheduler.due(Instant.ofEpochMilli(now), Integer.MAX_VALUE)) {
                int s = (int) id;
                if (now < periodEnd) requests++;
                int h = hostOf[s];
                if (hostBusy[h] || now < hostAllowedAt[h]) violations++;
                hostBusy[h] = true;
                inFlight.add(new Completion(now + latencyMs(s, now), s, now));
            }
            long next = scheduler.nextDue().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
            if (!inFlight.isEmpty()) next = Math.min(next, inFlight.peek().at);
            if (next > runEnd) break;
            now = Math.max(now + 1, next);
            while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
                Completion c = inFlight.poll();
                int h = hostOf[c.source];
                hostBusy[h] = false;
                hostAllowedAt[h] = c.at + hostSpacing.toMillis();
                if (world.flaky(c.source) && Math.floorMod(mix(c.source, c.snapshot), 10) == 0) {
                    failures++;
                    hostAllowedAt[h] = c.at + RETRY_AFTER.toMillis();
                    scheduler.completed(c.source, new PollOutcome.Failed(RETRY_AFTER), Instant.ofEpochMilli(c.at));
                    continue;
                }
                long[] pub = world.published(c.source);
                int from = seen[c.source];
                int to = upperBound(pub, from, c.snapshot); // entries published by the request
                int visible = Math.max(from, to - spec.feedWindow());
                int firstMeasured = world.firstInPeriod(c.source);
                for (int j = from; j < visible; j++) {
                    if (j >= firstMeasured && pub[j] < periodEnd) {
                        missed++;
                        lost++;
                        lostDelaySum += c.at - pub[j];
                    }
                }
                List<Instant> fresh = new ArrayList<>(to - visible);
                for (int j = visible; j < to; j++) {
                    fresh.add(Instant.ofEpochMilli(pub[j]));
                    if (j >= firstMeasured && pub[j] < periodEnd) {
                        if (detected == delays.length) delays = Arrays.copyOf(delays, detected * 2);
                        delays[detected++] = c.at - pub[j];
                    }
                }
                seen[c.source] = to;
                PollOutcome outcome = fresh.isEmpty() ? new PollOutcome.NotModified() : new PollOutcome.Fetched(fresh);
                scheduler.completed(c.source, outcome, Instant.ofEpochMilli(c.at));
            }
        }
        for (int i = 0; i < n; i++) {
            long[] pub = world.published(i);
            for (int j = Math.max(seen[i], world.firstInPeriod(i)); j < pub.length && pub[j] < periodEnd; j++) missed++;
        }
        return DelayStats.of(delays, detected, missed, requests, lostDelaySum, lost, failures, violations);
    }

    /** First index in [from, a.length) whose value exceeds {@code t}. */
    private static int upperBound(long[] a, int from, long t) {
        int lo = from, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** 80–400 ms, fixed per (source, time) so every run of every scheduler sees the same network. */
    static long latencyMs(int source, long now) {
        return 80 + Math.floorMod(mix(source, now), 321L);
    }

    private static long mix(int source, long now) {
        long h = (source * 0x9E3779B97F4A7C15L) ^ (now * 0xBF58476D1CE4E5B9L);
        return h ^ (h >>> 31);
    }
}
