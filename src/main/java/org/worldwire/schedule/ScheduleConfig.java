package org.worldwire.schedule;

import java.time.Duration;

/**
 * @param requestsPerMinute global polling budget across all sources
 * @param minInterval the shortest time between two polls of one source
 * @param maxInterval the longest a source may go unpolled
 * @param hostSpacing the shortest time between two requests to one host
 */
public record ScheduleConfig(int requestsPerMinute, Duration minInterval, Duration maxInterval, Duration hostSpacing) {
    public ScheduleConfig {
        if (requestsPerMinute <= 0) throw new IllegalArgumentException("requestsPerMinute must be positive");
        if (minInterval.isNegative() || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("need 0 <= minInterval <= maxInterval");
        }
    }

    public static ScheduleConfig defaults() {
        return new ScheduleConfig(600, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(1));
    }
}
