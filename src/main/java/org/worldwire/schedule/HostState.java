package org.worldwire.schedule;

import java.time.Instant;
import java.util.List;

/**
 * What a completed poll told the scheduler about its host, when it told something: the host is down (still or newly),
 * or it answered again. The caller logs the changes and shows the state on the health of the host's sources.
 */
public sealed interface HostState {
    /** The host the state is about, as the scheduler was given it. */
    String host();

    /** The sources on the host, whose health shows its state. */
    List<Long> sources();

    /**
     * The host did not answer.
     *
     * @param reason what the last attempt found
     * @param since the first failure of this outage
     * @param failures consecutive failed attempts
     * @param retryAt when the next attempt on the host is planned
     * @param wentDown true for the first failure after the host had answered (or was never tried): the change worth a
     *     warning; false while it stays down
     */
    record Down(String host, List<Long> sources, String reason, Instant since, int failures, Instant retryAt,
            boolean wentDown) implements HostState {
        public Down {
            sources = List.copyOf(sources);
        }
    }

    /**
     * The host answered again after an outage.
     *
     * @param downSince when the outage began
     * @param failures the failed attempts it lasted
     */
    record Up(String host, List<Long> sources, Instant downSince, int failures) implements HostState {
        public Up {
            sources = List.copyOf(sources);
        }
    }
}
