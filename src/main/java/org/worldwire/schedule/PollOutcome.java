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

    /**
     * The host answered but the poll failed (an HTTP error, an unreadable feed); {@code retryAfter} is the publisher's
     * Retry-After when it sent one (429, 503). The source alone backs off.
     */
    record Failed(@Nullable Duration retryAfter) implements PollOutcome {}

    /**
     * The host did not answer at all: its name did not resolve, the connection was refused or timed out, or its
     * address is one we may not contact. Every source on the host waits out the host's back-off ({@link HostBackoff}).
     *
     * @param reason what went wrong, for the one log line and the health of the host's sources
     */
    record Unreachable(String reason) implements PollOutcome {
        public Unreachable {
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }
}
