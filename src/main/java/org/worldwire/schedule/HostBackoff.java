package org.worldwire.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a host that does not answer is left alone before the next attempt: doubling with each consecutive failure
 * from {@code base}, never more than {@code cap}, with "equal jitter" (a uniform draw between half and all of the
 * doubled wait). The jitter spreads out the retries of hosts that failed together, as they all do when our own
 * network or resolver goes away, and the floor of half keeps a failing host from being retried at once.
 *
 * <p>Pure: the caller passes the failure count and the random draw.
 *
 * @param base the wait after the first failure, before jitter; positive
 * @param cap the longest wait, before jitter; at least {@code base}
 */
public record HostBackoff(Duration base, Duration cap) {
    public HostBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be positive, was " + base);
        if (cap.compareTo(base) < 0) throw new IllegalArgumentException("cap " + cap + " is shorter than base " + base);
    }

    /**
     * The back-off a schedule implies: the first retry after its shortest poll interval (at least a second, so that a
     * dead host on a fast schedule is not hammered), the longest wait its longest interval.
     */
    public static HostBackoff of(ScheduleConfig config) {
        Duration base = config.minInterval().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : config.minInterval();
        Duration cap = config.maxInterval().compareTo(base) < 0 ? base : config.maxInterval();
        return new HostBackoff(base, cap);
    }

    /**
     * The wait after the {@code failures}-th consecutive failure.
     *
     * @param failures consecutive failures so far, at least 1
     * @param jitter a uniform draw in [0, 1)
     * @return between half and all of min(cap, base·2^(failures−1)), at least one millisecond
     */
    public Duration delay(int failures, double jitter) {
        if (failures < 1) throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        if (!(jitter >= 0 && jitter < 1)) throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        long capMs = cap.toMillis();
        long baseMs = Math.max(1, base.toMillis());
        int shift = failures - 1;
        // A shift that would reach the sign bit is beyond any cap anyway.
        long ceiling = shift >= Long.numberOfLeadingZeros(baseMs) - 1 ? capMs : Math.min(capMs, baseMs << shift);
        long half = ceiling / 2;
        return Duration.ofMillis(Math.max(1, half + Math.round((ceiling - half) * jitter)));
    }
}
