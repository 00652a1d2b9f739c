package org.worldwire.sim.world;

import java.time.Duration;
import java.time.Instant;

/**
 * How to generate a {@link SimWorld}.
 *
 * @param sources number of feeds
 * @param start the virtual instant the measured period begins
 * @param length the measured period; publishing is generated a little beyond it so late detections can happen
 * @param medianPerDay median publication rate, entries per day ("most publish a few times a day")
 * @param spreadDecades standard deviation of log10(rate): rates are log-normal, so a few feeds publish every few
 *     minutes while most publish a few times a day
 * @param feedWindow how many of the newest entries a feed document lists
 * @param seed the random seed: the same spec always yields the same world
 */
public record WorldSpec(int sources, Instant start, Duration length, double medianPerDay, double spreadDecades,
        int feedWindow, long seed) {
    /** "Most publish a few times a day." */
    public static final double MEDIAN_PER_DAY = 4.0;
    /**
     * Spread of log10(rate): one decade, so the top 1 % publish every few minutes. Still less concentrated than measured
     * feed populations ({@link SimWorld#topShare}: here the busiest 17 % publish about 86 % of entries, measured 97 %),
     * because the spread decides how much any rate-aware scheduler can gain over uniform polling, and the bench should
     * not flatter ours.
     */
    public static final double SPREAD_DECADES = 1.0;

    public WorldSpec {
        if (sources <= 0) throw new IllegalArgumentException("sources must be positive");
        if (length.isNegative() || length.isZero()) throw new IllegalArgumentException("length must be positive");
        if (!(medianPerDay > 0)) throw new IllegalArgumentException("medianPerDay must be positive");
        if (!(spreadDecades >= 0)) throw new IllegalArgumentException("spreadDecades must not be negative");
        if (feedWindow <= 0) throw new IllegalArgumentException("feedWindow must be positive");
    }

    /** A week of news feeds with the default shape ({@link #MEDIAN_PER_DAY}, {@link #SPREAD_DECADES}). */
    public static WorldSpec newsWeek(int sources, long seed) {
        return newsWeek(sources, seed, MEDIAN_PER_DAY, SPREAD_DECADES);
    }

    /** A week of news feeds with the given median rate and spread. */
    public static WorldSpec newsWeek(int sources, long seed, double medianPerDay, double spreadDecades) {
        return new WorldSpec(sources, Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(7), medianPerDay,
                spreadDecades, 20, seed);
    }
}
