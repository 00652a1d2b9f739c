package org.worldwire.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.worldwire.fetch.Fetcher;
import org.worldwire.ingest.ArticlePipeline;
import org.worldwire.ingest.Poller;
import org.worldwire.ingest.PollerLease;
import org.worldwire.ingest.PushSubscriptions;
import org.worldwire.ingest.RefreshSource;
import org.worldwire.ingest.WorkQueue;
import org.worldwire.schedule.PollScheduler;
import org.worldwire.store.Store;
import org.worldwire.websub.Subscriptions;
import org.worldwire.websub.http.WebSubSubscriber;

/**
 * The polling side of a process (role all or poller): the schedule, the feed polls and the WebSub subscriptions,
 * submitting what they find to the work queue. On a shared store the poller runs only while this process holds the
 * poller's lease; on this machine's own store there is nobody to share with and it polls at once.
 */
final class Polling implements AutoCloseable {
    final RefreshSource refresh;
    final Poller poller;
    final PushSubscriptions push;
    private final @Nullable PollerLease lease;
    private final Store store;
    private final WorkQueue work;

    Polling(Config config, Store store, WorkQueue work, Fetcher fetcher, MeterRegistry metrics, InstantSource clock,
            Supplier<URI> callbackBase) {
        this.store = store;
        this.work = work;
        refresh = new RefreshSource(fetcher, store.sources(), store.queue(), work, metrics, clock);
        poller = new Poller(config.ingest(), new PollScheduler(config.schedule()), refresh, store.sources(), clock);
        Subscriptions subscriptions = new Subscriptions();
        var subscriber = new WebSubSubscriber(java.net.http.HttpClient.newBuilder()
                .connectTimeout(config.fetch().connectTimeout()).build(), subscriptions, callbackBase,
                config.fetch().connectTimeout());
        push = new PushSubscriptions(subscriptions, subscriber, refresh, store.sources(), poller, fetcher, clock);
        poller.attach(push);
        metrics.gauge("worldwire.websub.active", push, PushSubscriptions::active);
        Deployment d = config.deployment();
        lease = d.sharedStore()
                ? new PollerLease(store.leases(), holderName(), d.pollerLease(), poller, this::resumePending)
                : null;
    }

    /**
     * Starts polling: on a shared store once the lease is taken (pending entries submitted again then), else at
     * once, after submitting what the last run left pending.
     */
    void start() {
        if (lease != null) {
            lease.start();
        } else {
            resumePending();
        }
        poller.start();
    }

    /** Whether this process polls now: always on its own store, while it holds the lease on a shared one. */
    boolean polling() {
        return lease == null || lease.holding();
    }

    private void resumePending() {
        ArticlePipeline.resumePending(store.queue(), work);
    }

    /** Unique among the processes sharing a store: host, process and instance (tests run several in one JVM). */
    private static String holderName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid() + "/" + Long.toHexString(Double.doubleToLongBits(Math.random()) & 0xffffffL);
    }

    /** Subscriptions first, then polling stops, the lease is released, and polls under way finish recording. */
    @Override
    public void close() {
        push.close();
        poller.close();
        if (lease != null) lease.close();
        refresh.close();
    }
}
