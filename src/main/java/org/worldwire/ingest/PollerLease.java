package org.worldwire.ingest;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.store.LeaseStore;

/**
 * Keeps one poller polling among the processes that share a store: holds the lease {@value #ROLE} and renews it
 * every third of its time to live. While it holds the lease the poller polls (and, on taking it, what the store holds
 * pending is submitted again, since the last holder may have died with entries unsubmitted); while another holds it
 * the poller is {@link Poller#pause paused}. When a renewal cannot reach the store, polling goes on only while the
 * last renewal is surely still valid, then stops, since another process may take the lease over.
 *
 * <p>{@link #close} stops renewing and releases the lease, so a standby takes over at its next attempt instead of
 * after the time to live. Close the poller first.
 */
public final class PollerLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollerLease.class);
    /** The role name in the lease store. */
    public static final String ROLE = "poller";

    private final LeaseStore leases;
    private final String holder;
    private final Duration ttl;
    private final Poller poller;
    private final Runnable onAcquired;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean closed;
    private volatile boolean holding;
    private Thread loop;

    /**
     * @param holder unique among the processes sharing the store
     * @param ttl the lease's time to live; renewed every third of it
     * @param onAcquired runs each time the lease is taken, before polling resumes (resubmitting pending entries)
     */
    public PollerLease(LeaseStore leases, String holder, Duration ttl, Poller poller, Runnable onAcquired) {
        LeaseStore.check(ROLE, holder, ttl);
        this.leases = leases;
        this.holder = holder;
        this.ttl = ttl;
        this.poller = poller;
        this.onAcquired = onAcquired;
    }

    /** Pauses the poller and starts trying for the lease; call before {@link Poller#start}. */
    public void start() {
        poller.pause();
        loop = Thread.ofPlatform().name("poller-lease").daemon().start(this::run);
    }

    /** Whether this process holds the lease and polls. */
    public boolean holding() {
        return holding;
    }

    private void run() {
        long renewEvery = ttl.toNanos() / 3;
        long validUntil = 0;
        while (!closed) {
            long asked = System.nanoTime();
            boolean held;
            try {
                held = leases.tryAcquire(ROLE, holder, ttl);
                if (held) validUntil = asked + ttl.toNanos();
            } catch (RuntimeException e) {
                // The store is away: the lease holds until its time runs out, counted from before the last renewal.
                held = holding && System.nanoTime() < validUntil - renewEvery;
                log.warn("poller lease not renewed holder={} still_valid={} reason={}", holder, held, e.getMessage());
            }
            if (closed) break;
            if (held && !holding) {
                holding = true;
                log.info("poller lease acquired holder={} ttl_ms={}", holder, ttl.toMillis());
                try {
                    onAcquired.run();
                } catch (RuntimeException e) {
                    log.error("taking over polling failed holder={}", holder, e);
                }
                poller.resume();
            } else if (!held && holding) {
                holding = false;
                poller.pause();
                log.warn("poller lease lost, polling stopped holder={}", holder);
            }
            lock.lock();
            try {
                long wait = renewEvery - (System.nanoTime() - asked);
                if (!closed && wait > 0) wake.awaitNanos(wait);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops renewing, pauses the poller and releases the lease when held. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poller.pause();
        try {
            if (leases.release(ROLE, holder)) log.info("poller lease released holder={}", holder);
        } catch (RuntimeException e) {
            log.warn("poller lease not released, it runs out by itself holder={} reason={}", holder, e.getMessage());
        }
        holding = false;
    }
}
