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
    public WorldSpec {
        if (sources <= 0) throw new IllegalArgumentException("sources must be positive");
        if (length.isNegative() || length.isZero()) throw new IllegalArgumentException("length must be positive");
        if (feedWindow <= 0) throw new IllegalArgumentException("feedWindow must be positive");
    }

    /** A week of 10,000 feeds: median 4 entries a day, one decade of spread (top 1 % about every 3 minutes). */
    public static WorldSpec newsWeek(int sources, long seed) {
        return new WorldSpec(sources, Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(7), 4.0, 0.75, 20, seed);
    }
}
