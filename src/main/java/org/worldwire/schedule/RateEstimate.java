package org.worldwire.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What one source's history says about its publication rate, by hour of the (UTC) day. Poisson model with forgetting:
 * decayed counts of new entries and decayed observed time per hour bin, shrunk towards the source's mean rate where
 * the bin's own evidence is thin, and the mean towards a weak prior where the source's evidence is thin.
 *
 * <p>The first look at a feed is the learning burst: the dates of the entries it already lists give a window of past
 * publishing (the oldest listed entry marks the window's start, so it is not counted itself). Later polls add the time
 * since the previous poll as observed time and the new entries as events.
 */
public final class RateEstimate {
    /** Hour-of-day bins. */
    public static final int BINS = 24;
    static final long HOUR_MS = 3_600_000L;
    /** How far back the first look may learn from: older entries say little about today's rate. */
    static final long MAX_HISTORY_MS = 90L * 24 * HOUR_MS;
    /**
     * Prior: a fifth of an event over 36 minutes (eight a day, a typical news feed), so weak that an hour of a busy
     * feed or one dated entry of a quiet one outweighs it.
     */
    private static final double PRIOR_EVENTS = 0.2;
    private static final double PRIOR_SECONDS = 0.2 * 3 * 3600.0;
    /** Pseudo-events for shrinking an hour bin to the source's mean: a bin needs a few events of its own to count. */
    private static final double BIN_PRIOR_EVENTS = 4.0;

    private final double[] count = new double[BINS];
    private final double[] exposure = new double[BINS];
    private final double decayPerMs;
    private long observedUntil = Long.MIN_VALUE;
    private long decayedAt = Long.MIN_VALUE;

    /** @param halfLifeMs how fast old evidence fades, so a source that changes its pace is followed */
    public RateEstimate(long halfLifeMs) {
        if (halfLifeMs <= 0) throw new IllegalArgumentException("halfLifeMs must be positive");
        this.decayPerMs = Math.log(2) / halfLifeMs;
    }

    /** Learns from one successful poll at {@code polledAtMs} that revealed {@code newEntryTimes}. */
    public void observe(long polledAtMs, List<Instant> newEntryTimes) {
        decayTo(polledAtMs);
        if (observedUntil == Long.MIN_VALUE) {
            firstLook(polledAtMs, newEntryTimes);
            observedUntil = polledAtMs;
            return;
        }
        long from = observedUntil;
        if (polledAtMs <= from) return;
        addExposure(from, polledAtMs);
        for (Instant t : newEntryTimes) {
            // An entry first seen now appeared in (from, now] whatever date it carries: that is the rate we poll for.
            long ms = Math.clamp(t.toEpochMilli(), from + 1, polledAtMs);
            count[bin(ms)] += 1;
        }
        observedUntil = polledAtMs;
    }

    private void firstLook(long now, List<Instant> times) {
        long horizon = now - MAX_HISTORY_MS;
        long oldest = Long.MAX_VALUE;
        int inWindow = 0;
        boolean older = false;
        // Feeds that stamp every entry with the build time list many entries under a few dates: those dates are not
        // publication times, and taken at face value they would claim a burst of entries in a few seconds.
        if (times.size() >= 4 && times.stream().distinct().count() * 2 < times.size()) return;
        for (Instant t : times) {
            long ms = t.toEpochMilli();
            // Entries stamped at or after the poll are undated (discovery time): they carry no rate information.
            if (ms >= now) continue;
            if (ms <= horizon) {
                older = true;
                continue;
            }
            inWindow++;
            oldest = Math.min(oldest, ms);
        }
        if (older) {
            // The window is the whole horizon and every entry inside it is an event.
            if (inWindow > 0) addAll(now, horizon, times);
            addExposure(horizon, now);
            return;
        }
        if (inWindow < 2) return;
        addExposure(oldest, now);
        boolean skipped = false;
        for (Instant t : times) {
            long ms = t.toEpochMilli();
            if (ms >= now || ms <= horizon) continue;
            if (!skipped && ms == oldest) {
                skipped = true; // the window starts at this entry; counting it would bias the rate upwards
                continue;
            }
            count[bin(ms)] += 1;
        }
    }

    private void addAll(long now, long horizon, List<Instant> times) {
        for (Instant t : times) {
            long ms = t.toEpochMilli();
            if (ms < now && ms > horizon) count[bin(ms)] += 1;
        }
    }

    private void decayTo(long now) {
        if (decayedAt != Long.MIN_VALUE && now > decayedAt) {
            double f = Math.exp(-decayPerMs * (now - decayedAt));
            for (int i = 0; i < BINS; i++) {
                count[i] *= f;
                exposure[i] *= f;
            }
        }
        if (now > decayedAt) decayedAt = now;
    }

    private void addExposure(long from, long to) {
        if (to <= from) return;
        long days = (to - from) / (24 * HOUR_MS);
        if (days > 0) {
            for (int i = 0; i < BINS; i++) exposure[i] += days * 3600.0;
            from += days * 24 * HOUR_MS;
        }
        long t = from;
        while (t < to) {
            long binEnd = Math.floorDiv(t, HOUR_MS) * HOUR_MS + HOUR_MS;
            long end = Math.min(binEnd, to);
            exposure[bin(t)] += (end - t) / 1000.0;
            t = end;
        }
    }

    static int bin(long epochMs) {
        return (int) Math.floorMod(Math.floorDiv(epochMs, HOUR_MS), (long) BINS);
    }

    /** Decayed number of entries learnt from; little evidence means the estimate is mostly prior. */
    public double evidence() {
        double c = 0;
        for (double v : count) c += v;
        return c;
    }

    /** True once a poll has been observed. */
    public boolean seen() {
        return observedUntil != Long.MIN_VALUE;
    }

    /** The mean rate, entries per second, over all hours. */
    public double meanRate() {
        double c = 0, e = 0;
        for (int i = 0; i < BINS; i++) {
            c += count[i];
            e += exposure[i];
        }
        return (c + PRIOR_EVENTS) / (e + PRIOR_SECONDS);
    }

    /** Fills {@code out} (length {@link #BINS}) with the estimated rate, entries per second, for each UTC hour. */
    public void rates(double[] out) {
        double mean = meanRate();
        double pseudoSeconds = BIN_PRIOR_EVENTS / mean;
        for (int h = 0; h < BINS; h++) {
            int prev = (h + BINS - 1) % BINS, next = (h + 1) % BINS;
            // Neighbouring hours share evidence: publishing rhythms are smooth, hour edges are arbitrary.
            double c = 0.25 * count[prev] + 0.5 * count[h] + 0.25 * count[next];
            double e = 0.25 * exposure[prev] + 0.5 * exposure[h] + 0.25 * exposure[next];
            out[h] = (c + BIN_PRIOR_EVENTS) / (e + pseudoSeconds);
        }
    }
}
