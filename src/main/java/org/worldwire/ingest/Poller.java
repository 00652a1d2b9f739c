package org.worldwire.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.model.Source;
import org.worldwire.schedule.HostState;
import org.worldwire.schedule.PollOutcome;
import org.worldwire.schedule.PollScheduler;
import org.worldwire.store.HostOutage;
import org.worldwire.store.SourceStore;

/**
 * The polling loop: asks the scheduler which sources are due, refreshes each on a virtual thread (a bounded
 * number at once), and tells the scheduler what each poll found so it can plan the next one.
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration IDLE_WAKEUP = Duration.ofMillis(250);
    // Sources added or removed by another process (the CLI beside a running server) are noticed this often.
    private static final Duration SOURCE_SYNC = Duration.ofSeconds(15);

    private final PollScheduler scheduler;
    private final RefreshSource refresh;
    private final SourceStore sources;
    private final InstantSource clock;
    private final Semaphore inFlight;
    private final boolean politeByHost;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    /** Off while another process holds the poller's lease: the loop then polls nothing. */
    private volatile boolean active = true;
    private volatile @org.jspecify.annotations.Nullable PushSubscriptions push;
    private Thread loop;
    private Instant lastSync = Instant.MIN;
    private final java.util.Set<Long> known = new java.util.HashSet<>();

    public Poller(IngestConfig config, PollScheduler scheduler, RefreshSource refresh, SourceStore sources,
            InstantSource clock) {
        this.scheduler = scheduler;
        this.refresh = refresh;
        this.sources = sources;
        this.clock = clock;
        this.inFlight = new Semaphore(config.pollConcurrency());
        this.politeByHost = config.politeByHost();
    }

    public void start() {
        syncSources();
        running = true;
        loop = Thread.ofPlatform().name("poller").daemon().start(this::run);
    }

    /**
     * Polls nothing until {@link #resume}, for a standby poller while another process holds the lease. Polls under way
     * finish.
     */
    public void pause() {
        active = false;
    }

    /** Polls again after {@link #pause}: every source is read from the store again and those overdue are polled. */
    public void resume() {
        lock.lock();
        try {
            lastSync = Instant.MIN;
            active = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the loop polls (not {@link #pause paused}). */
    public boolean active() {
        return active;
    }

    /** Starts watching a source that was just added. */
    public void sourceAdded(Source source) {
        lock.lock();
        try {
            scheduler.add(source.id(), host(source), clock.instant());
            known.add(source.id());
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void sourceRemoved(long id) {
        lock.lock();
        try {
            scheduler.remove(id);
            known.remove(id);
        } finally {
            lock.unlock();
        }
    }

    /** Lets push subscriptions learn of hubs from every poll. */
    public void attach(PushSubscriptions subscriptions) {
        this.push = subscriptions;
    }

    /** Push for a source started (verified subscription) or stopped (lapsed, denied): polling adapts. */
    public void pushActive(long sourceId, boolean active) {
        lock.lock();
        try {
            scheduler.pushActive(sourceId, active, clock.instant());
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A push delivered entries: the scheduler learns the rate from them too. */
    public void pushed(long sourceId, List<Instant> newEntryTimes) {
        lock.lock();
        try {
            scheduler.pushed(sourceId, newEntryTimes, clock.instant());
        } finally {
            lock.unlock();
        }
    }

    /** Brings the scheduler in line with the stored sources. */
    private void syncSources() {
        List<Source> all = sources.all();
        Instant now = clock.instant();
        lock.lock();
        try {
            java.util.Set<Long> stored = new java.util.HashSet<>();
            for (Source s : all) {
                stored.add(s.id());
                if (known.add(s.id())) scheduler.add(s.id(), host(s), now);
            }
            for (var it = known.iterator(); it.hasNext(); ) {
                long id = it.next();
                if (!stored.contains(id)) {
                    scheduler.remove(id);
                    it.remove();
                }
            }
            lastSync = now;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            if (!active) {
                lock.lock();
                try {
                    if (!active && running) wake.awaitNanos(IDLE_WAKEUP.toNanos());
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                continue;
            }
            if (Duration.between(lastSync, clock.instant()).compareTo(SOURCE_SYNC) > 0) {
                try {
                    syncSources();
                } catch (RuntimeException e) {
                    log.error("source sync failed", e);
                }
            }
            List<Long> due;
            lock.lock();
            try {
                due = scheduler.due(clock.instant(), Math.max(inFlight.availablePermits(), 0));
                if (due.isEmpty()) {
                    Duration wait = scheduler.nextDue()
                            .map(t -> Duration.between(clock.instant(), t))
                            .filter(d -> d.compareTo(IDLE_WAKEUP) < 0)
                            .orElse(IDLE_WAKEUP);
                    wake.awaitNanos(Math.max(wait.toNanos(), 1_000_000));
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            for (long id : due) {
                if (!inFlight.tryAcquire()) {
                    // Cannot happen with the permit count asked for above, but never lose a source's slot.
                    completed(id, new PollOutcome.Failed(null));
                    continue;
                }
                Thread.ofVirtual().name("poll-", id).start(() -> pollOne(id));
            }
        }
    }

    private void pollOne(long id) {
        PollOutcome outcome = new PollOutcome.Failed(null);
        try {
            var source = sources.find(id);
            if (source.isEmpty()) {
                sourceRemoved(id);
                return;
            }
            RefreshSource.Result result = refresh.refresh(source.get());
            outcome = result.outcome();
            PushSubscriptions p = push;
            if (p != null && running && result != RefreshSource.STOPPED) p.polled(source.get(), result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A stop closes the work queue under polls still handing over entries: those are pending in the store
            // already and resume at the next start, so that is no error.
            if (running) log.error("poll failed source_id={}", id, e);
            else log.info("poll cut short by the stop, its entries stay pending source_id={} reason={}", id, e.getMessage());
        } finally {
            inFlight.release();
            completed(id, outcome);
        }
    }

    private void completed(long id, PollOutcome outcome) {
        Optional<HostState> host;
        lock.lock();
        try {
            host = scheduler.completed(id, outcome, clock.instant());
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        // Once stopping, a late result (a fetch cut short by the shutdown) says nothing about the host.
        if (running) host.ifPresent(this::hostState);
    }

    /**
     * A host that does not answer is one warning when it goes down and one line when it comes back, however many
     * sources it carries and however often it is retried; meanwhile its sources' health says so.
     */
    private void hostState(HostState state) {
        try {
            switch (state) {
                case HostState.Down d -> {
                    if (d.wentDown()) {
                        log.warn("host unreachable host={} sources={} reason={} retry_in_ms={}", d.host(), d.sources().size(),
                                d.reason(), Duration.between(clock.instant(), d.retryAt()).toMillis());
                    } else {
                        log.debug("host still unreachable host={} failures={} reason={}", d.host(), d.failures(), d.reason());
                    }
                    sources.recordHostOutage(d.sources(), new HostOutage(d.since(), d.reason(), d.retryAt()));
                }
                case HostState.Up u -> {
                    log.info("host reachable again host={} sources={} down_for_s={} failed_attempts={}", u.host(),
                            u.sources().size(), Duration.between(u.downSince(), clock.instant()).toSeconds(), u.failures());
                    sources.recordHostOutage(u.sources(), null);
                }
            }
        } catch (RuntimeException e) {
            log.error("recording host state failed host={}", state.host(), e);
        }
    }

    private String host(Source s) {
        if (!politeByHost) return s.feedUrl();
        try {
            String authority = URI.create(s.feedUrl()).getAuthority();
            return authority == null ? s.feedUrl() : authority;
        } catch (IllegalArgumentException e) {
            return s.feedUrl();
        }
    }

    /**
     * Stops starting polls. The loop is woken, not interrupted: it may be reading the store, and no interrupt may reach
     * a thread inside store IO. Polls under way are not waited for; {@link RefreshSource#close} lets their store work
     * finish and drops what arrives later.
     */
    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (loop != null) {
            try {
                loop.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (loop.isAlive()) log.error("poller loop still running after close");
        }
    }
}
