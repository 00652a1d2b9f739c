package org.worldwire.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.events.EventBus;
import org.worldwire.fetch.Fetcher;
import org.worldwire.ingest.ArticlePipeline;
import org.worldwire.ingest.Poller;
import org.worldwire.ingest.PollerLease;
import org.worldwire.ingest.PushSubscriptions;
import org.worldwire.ingest.RefreshSource;
import org.worldwire.ingest.StoryFollower;
import org.worldwire.ingest.WorkQueue;
import org.worldwire.schedule.PollScheduler;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.Store;
import org.worldwire.websub.Subscriptions;
import org.worldwire.websub.http.WebSubSubscriber;

/**
 * The polling side of a process (role all or poller): the schedule, the feed polls and the WebSub subscriptions,
 * submitting what they find to the work queue. On a shared store the poller runs only while this process holds the
 * poller's lease; on this machine's own store there is nobody to share with and it polls at once.
 *
 * <p>On a shared store the lease holder also places the stories: see {@link StoryFollower}.
 *
 * <p>With a shared work queue the lease holder also sweeps for orphans: when the queue has nothing left to deliver,
 * entries pending in the store for longer than a sweep period were handed to a worker that did not finish them (it
 * stopped while fetching the page, or its store write failed) and are submitted again. On one machine a restart
 * does that, as before.
 */
final class Polling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Polling.class);
    final RefreshSource refresh;
    final Poller poller;
    final PushSubscriptions push;
    private final @Nullable PollerLease lease;
    /** On a shared store the lease holder also places every worker's articles in their stories. */
    private final @Nullable StoryFollower stories;
    private final Store store;
    private final WorkQueue work;
    private final InstantSource clock;
    private final @Nullable Duration sweepEvery;
    private @Nullable Thread sweeper;
    private volatile boolean closed;

    Polling(Config config, Store store, WorkQueue work, Fetcher fetcher, EventBus events, MeterRegistry metrics,
            InstantSource clock, Supplier<URI> callbackBase) {
        this.store = store;
        this.work = work;
        this.clock = clock;
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
        stories = lease != null
                ? new StoryFollower(() -> Working.placement(store, metrics), store.stories(), events, lease::holding, clock,
                        STORY_FOLLOW_EVERY)
                : null;
        sweepEvery = d.kafka() != null ? d.pollerLease().multipliedBy(SWEEPS_PER_LEASE) : null;
    }

    /** Orphans are looked for every four lease periods (a minute at the default lease), and older than that. */
    private static final int SWEEPS_PER_LEASE = 4;
    private static final int SWEEP_MAX = 10_000;
    /** How long a stored article waits for its story at most, beyond the placing itself. */
    private static final Duration STORY_FOLLOW_EVERY = Duration.ofMillis(200);

    /**
     * Starts polling: on a shared store once the lease is taken (pending entries submitted again then), else at
     * once, after submitting what the last run left pending.
     */
    void start() {
        warmFeedParser();
        if (lease != null) {
            lease.start();
        } else {
            resumePending();
        }
        poller.start();
        if (stories != null) stories.start();
        if (sweepEvery != null) sweeper = Thread.ofVirtual().name("orphan-sweep").start(this::sweepLoop);
    }

    /**
     * Parses a small RSS and an Atom feed on this (platform) thread before the poll threads start, so that they find the
     * parser's classes loaded. A virtual thread that loads a class for a symbolic reference stays pinned to its carrier
     * while it waits for the jar's lock; poll threads doing that at once, on a start without a complete AOT cache,
     * once held every carrier while the lock's holder waited for one (see Main.moreCarriers).
     */
    private static void warmFeedParser() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://localhost/</link>"
                + "<item><title>a</title><link>http://localhost/a</link><description>d</description>"
                + "<pubDate>Mon, 07 Dec 2026 01:00:00 GMT</pubDate></item></channel></rss>";
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<entry><title>a</title><link href=\"http://localhost/a\"/><id>urn:a</id>"
                + "<updated>2026-12-07T01:00:00Z</updated><summary>s</summary></entry></feed>";
        for (String feed : new String[] {rss, atom}) {
            org.worldwire.feed.FeedParser.parse(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        }
    }

    private void sweepLoop() {
        while (!closed) {
            LockSupport.parkNanos(sweepEvery.toNanos()); // close() unparks; no interrupt reaches store IO
            if (closed || !polling() || work.backlog() > 0) continue;
            try {
                Instant cutoff = clock.instant().minus(sweepEvery);
                List<PendingEntry> orphans = store.queue().pending(0, SWEEP_MAX).stream()
                        .filter(p -> p.discovered().isBefore(cutoff)).toList();
                if (orphans.isEmpty()) continue;
                log.info("resubmitting pending entries no worker finished count={} oldest_discovered={}", orphans.size(),
                        orphans.getFirst().discovered());
                for (PendingEntry p : orphans) {
                    if (closed) break;
                    work.submit(p);
                }
            } catch (InterruptedException | RuntimeException e) {
                if (!closed) log.warn("orphan sweep failed reason={}", e.toString());
            }
        }
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
        closed = true;
        if (sweeper != null) LockSupport.unpark(sweeper);
        push.close();
        poller.close();
        if (stories != null) stories.close();
        if (lease != null) lease.close();
        refresh.close();
    }
}
