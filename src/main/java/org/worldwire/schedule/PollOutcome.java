package org.worldwire.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one poll of a source found; the scheduler learns from it. */
public sealed interface PollOutcome {
    /** The feed was read; {@code newEntryTimes} are publication (or discovery) times of entries not seen before. */
    record Fetched(List<Instant> newEntryTimes) implements PollOutcome {
        public Fetched {
            newEntryTimes = List.copyOf(newEntryTimes);
        }
    }

    /** 304 Not Modified. */
    record NotModified() implements PollOutcome {}

    /** The poll failed; {@code retryAfter} is the publisher's Retry-After when it sent one (429, 503). */
    record Failed(@Nullable Duration retryAfter) implements PollOutcome {}
}
