package org.worldwire.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Leases on roles that one process at a time may fill (the poller: two would poll every source twice). A holder
 * keeps its lease by renewing it well within its time to live; when it dies, the lease runs out and another
 * process takes the role over. Expiry is judged by one clock the store keeps (for a database shared between
 * machines, the database server's), so processes whose own clocks disagree still agree on who holds a lease.
 * Thread-safe.
 */
public interface LeaseStore {
    /**
     * Takes the lease on {@code role} for {@code holder} for {@code ttl} from now: when nobody holds it, when
     * {@code holder} holds it already (a renewal), or when its holder let it run out (a takeover). Two processes
     * asking at once never both get it.
     *
     * @param holder who asks, unique among the processes sharing the store (host name and process id, say)
     * @param ttl how long the lease lasts without a renewal; positive
     * @return true when {@code holder} now holds the lease until {@code ttl} from now, false when another does
     */
    boolean tryAcquire(String role, String holder, Duration ttl);

    /**
     * Gives the lease up, so another process can take the role at once instead of after its time to live.
     *
     * @return true when {@code holder} held it
     */
    boolean release(String role, String holder);

    /** Who holds the lease on {@code role} now, if anyone does and it has not run out. */
    Optional<String> holder(String role);

    /** The arguments every implementation checks the same way. */
    static void check(String role, String holder, Duration ttl) {
        if (role.isBlank()) throw new IllegalArgumentException("a lease needs a role");
        if (holder.isBlank()) throw new IllegalArgumentException("a lease needs a holder");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("a lease lasts a positive time, not " + ttl);
    }
}
