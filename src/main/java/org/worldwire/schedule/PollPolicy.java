package org.worldwire.schedule;

import java.time.Instant;
import java.util.List;

/**
 * Chooses when each source should be polled next; {@link PollScheduler} supplies the machinery around it (global
 * budget, per-host politeness, back-off). Times are epoch milliseconds so that a simulated week of millions of polls
 * stays cheap. Pure: the caller passes every time.
 *
 * <p>{@link AdaptivePolicy} is the one Worldwire runs; other implementations exist to compare against it.
 */
public interface PollPolicy {
    /** A source joined at {@code nowMs}; returns when to poll it first. */
    long firstPoll(long sourceId, long nowMs);

    /** The source left; forget what was learnt about it. */
    void removed(long sourceId);

    /**
     * A poll of the source succeeded at {@code polledAtMs}; {@code newEntryTimes} are the publication (or discovery)
     * times of the entries it had not shown before (empty for 304 Not Modified).
     */
    void observed(long sourceId, long polledAtMs, List<Instant> newEntryTimes);

    /** When to poll next after the last successful poll at {@code lastPollMs}; may lie in the past (then: at once). */
    long nextPoll(long sourceId, long lastPollMs, long nowMs);

    /**
     * Recomputes whatever couples the sources, so that the plan spends about {@code requestsPerSecond}. Called by the
     * scheduler every few minutes of (possibly simulated) time.
     *
     * @return true when the plan changed enough that due times should be recomputed
     */
    boolean replan(long nowMs, double requestsPerSecond);

    /**
     * For a source that pushes (WebSub): when its silence since {@code lastHeardMs} becomes suspicious enough to poll
     * it as a safety net. The default is {@code maxMs} of silence.
     */
    default long quietDeadline(long sourceId, long lastHeardMs, long maxMs) {
        return lastHeardMs + maxMs;
    }
}
