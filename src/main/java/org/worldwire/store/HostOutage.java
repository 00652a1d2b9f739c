package org.worldwire.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The host of a source does not answer: shown on the source's health instead of a warning at every attempt.
 *
 * @param since the first failed attempt of the outage
 * @param reason what the last attempt found ("dns: cannot resolve example.org")
 * @param nextAttempt when the host will be tried again
 */
public record HostOutage(Instant since, String reason, Instant nextAttempt) {
    public HostOutage {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
}
