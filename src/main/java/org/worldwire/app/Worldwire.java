package org.worldwire.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.events.EventBus;
import org.worldwire.events.LocalEventBus;
import org.worldwire.ingest.StoryPlacement;
import org.worldwire.fetch.Fetcher;
import org.worldwire.fetch.RobotsPolicy;
import org.worldwire.ingest.ArticlePipeline;
import org.worldwire.ingest.Enrichment;
import org.worldwire.ingest.Poller;
import org.worldwire.ingest.RefreshSource;
import org.worldwire.model.Article;
import org.worldwire.model.Source;
import org.worldwire.schedule.PollScheduler;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.SourceStore;
import org.worldwire.store.sqlite.SqliteStore;
import org.worldwire.web.WebApp;
import org.worldwire.websub.Subscriptions;
import org.worldwire.websub.http.WebSubSubscriber;
import org.worldwire.ingest.PushSubscriptions;
import org.worldwire.web.admin.AdminRoutes;
import org.worldwire.web.admin.Credentials;
import org.worldwire.web.admin.SourceAdminActions;

/**
 * The running system on one machine, wired by constructors in dependency order: SQLite store and Lucene
 * index under the data directory, the fetcher, the article pipeline, the poller. {@link #close} stops it in
 * reverse order.
 */
public final class Worldwire implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Worldwire.class);
    /** How far back a restarted clusterer remembers: stories older than this have gone cold anyway. */
    private static final java.time.Duration STORY_MEMORY = java.time.Duration.ofDays(3);
    private static final int STORY_RESTORE_MAX = 50_000;

    private final Config config;
    private final InstantSource clock = InstantSource.system();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SqliteStore store;
    private final LuceneSearchIndex index;
    private final LocalEventBus events = new LocalEventBus();
    private final Subscriptions subscriptions = new Subscriptions();
    private final Fetcher fetcher;
    private final StoryPlacement stories;
    private final ArticlePipeline pipeline;
    private final RefreshSource refresh;
    private final Poller poller;
    private final Enrichment enrichment = Enrichment.deferred();
    private final WebApp web;
    private final PushSubscriptions push;
    private volatile int port = -1;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private Worldwire(Config config) {
        this.config = config;
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        store = SqliteStore.open(config.dataDir().resolve("worldwire.db"), clock);
        closeables.add(store);
        index = LuceneSearchIndex.open(config.dataDir().resolve("index"));
        closeables.add(index);
        catchUpIndex();
        fetcher = new Fetcher(config.fetch());
        closeables.add(fetcher);
        stories = new StoryPlacement(new StoryClusterer(storyMemory(Runtime.getRuntime().maxMemory())), store.stories(), store.articles(), STORY_MEMORY,
                STORY_RESTORE_MAX, metrics);
        pipeline = new ArticlePipeline(config.ingest(), fetcher, new RobotsPolicy(fetcher, clock), store.sources(), store.queue(), index, events,
                enrichment, stories, metrics, clock);
        closeables.add(pipeline);
        refresh = new RefreshSource(fetcher, store.sources(), store.queue(), pipeline, metrics, clock);
        closeables.add(refresh);
        poller = new Poller(config.ingest(), new PollScheduler(config.schedule()), refresh, store.sources(), clock);
        closeables.add(poller);
        web = new WebApp(config.web(), store.sources(), store.articles(), store.stories(), index, events, metrics);
        closeables.add(web);
        var subscriber = new WebSubSubscriber(java.net.http.HttpClient.newBuilder()
                .connectTimeout(config.fetch().connectTimeout()).build(), subscriptions,
                this::websubCallbackBase, config.fetch().connectTimeout());
        push = new PushSubscriptions(subscriptions, subscriber, refresh, store.sources(), poller, fetcher, clock);
        closeables.add(push);
        poller.attach(push);
        WebSubRoutes.install(web.javalin(), push);
        metrics.gauge("worldwire.websub.active", push, PushSubscriptions::active);
        AdminRoutes.install(web.javalin(), Credentials.init(store.settings(), System.getenv("WORLDWIRE_ADMIN_PASSWORD")),
                new SourceAdminActions(store.sources(), poller::sourceAdded, poller::sourceRemoved,
                        AddressRefusals.of(config.fetch())),
                AdminRoutes.Settings.defaults(config.web().secure()), clock);
        metrics.gauge("worldwire.queue.pending", store, s -> s.queue().pendingCount());
    }

    /** Opens the data directory and starts ingesting. */
    public static Worldwire start(Config config) {
        Worldwire w = new Worldwire(config);
        try {
            w.seedIfEmpty();
            // Serving first: readers and health checks need neither the pipeline nor the gazetteer it loads.
            w.port = w.web.start(config.host(), config.port());
            w.enrichment.preload();
            w.stories.restore(w.clock.instant());
            w.pipeline.start();
            w.poller.start();
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        log.info("worldwire started data_dir={} sources={} articles={}", config.dataDir(),
                w.store.sources().all().size(), w.store.articles().count());
        return w;
    }

    private void seedIfEmpty() {
        if (!config.seedSources() || !store.sources().all().isEmpty()) return;
        List<Source> seeds = BundledSources.load();
        for (Source s : seeds) store.sources().add(s);
        log.info("seeded bundled sources count={}", seeds.size());
    }

    /**
     * Articles a crash stored but did not commit to the index are indexed again: first those above the highest id
     * the last commit held, then, when the counts still differ, every article the index lacks. Workers index in the
     * order they finish, not in id order, so a commit can hold id 101 while 100, stored a moment earlier, was not
     * indexed yet when the process died.
     */
    private void catchUpIndex() {
        long after = index.committedMaxId();
        int n = 0;
        for (List<Article> page; !(page = store.articles().after(after, 500)).isEmpty(); ) {
            for (Article a : page) index.index(a);
            after = page.get(page.size() - 1).id();
            n += page.size();
        }
        if (index.size() != store.articles().count()) {
            index.refresh();
            after = 0;
            for (List<Article> page; !(page = store.articles().after(after, 500)).isEmpty(); ) {
                for (Article a : page) {
                    if (!index.contains(a.id())) {
                        index.index(a);
                        n++;
                    }
                }
                after = page.get(page.size() - 1).id();
            }
        }
        if (n > 0) {
            index.commit();
            log.info("re-indexed articles missing from the index count={}", n);
        }
    }

    /**
     * Where hubs call us back: under the public base URL, unless that names this machine (the default base URL
     * does), when it is the address and port the server really listens on. With the base URL's port instead, a
     * server on another port (port 0 in tests and benchmarks, {@code --port}) asked hubs to call a port where no
     * one answers, no subscription was ever verified, and every "pushed" source was in fact polled.
     */
    private java.net.URI websubCallbackBase() {
        java.net.URI base = java.net.URI.create(config.web().baseUrl());
        if (port <= 0 || !isLoopbackName(base.getHost())) return java.net.URI.create(config.web().baseUrl() + WebSubRoutes.PREFIX);
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) host = "127.0.0.1";
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        return java.net.URI.create("http://" + host + ":" + port + WebSubRoutes.PREFIX);
    }

    private static boolean isLoopbackName(@org.jspecify.annotations.Nullable String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /** Adds a source and starts watching it at once. */
    public Source addSource(Source source) {
        Source added = store.sources().add(source);
        poller.sourceAdded(added);
        return added;
    }

    public boolean removeSource(long id) {
        poller.sourceRemoved(id);
        return store.sources().remove(id);
    }

    public SourceStore sources() {
        return store.sources();
    }

    public ArticleStore articles() {
        return store.articles();
    }

    public IngestQueue queue() {
        return store.queue();
    }

    public org.worldwire.store.StoryStore stories() {
        return store.stories();
    }

    public SearchIndex search() {
        return index;
    }

    public EventBus events() {
        return events;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public RefreshSource refresh() {
        return refresh;
    }

    /** The port the site and API listen on. */
    public int port() {
        return port;
    }

    public WebApp web() {
        return web;
    }

    public Config config() {
        return config;
    }

    /**
     * Stops in reverse order of start: the site, polling, the recording of polls, the article workers (each finishes
     * or parks its entry: pending entries resume at the next start), the fetcher, then the index (committed once) and
     * the store. Nothing is interrupted on the way.
     */
    @Override
    public synchronized void close() {
        if (closeables.isEmpty()) return;
        log.info("worldwire stopping");
        long started = System.nanoTime();
        StringBuilder steps = new StringBuilder();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            long t = System.nanoTime();
            String name = closeables.get(i).getClass().getSimpleName();
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.error("closing failed component={}", name, e);
            }
            steps.append(' ').append(name).append('=').append((System.nanoTime() - t) / 1_000_000);
        }
        closeables.clear();
        log.info("worldwire stopped ms={} steps_ms:{}", (System.nanoTime() - started) / 1_000_000, steps);
    }

    /**
     * What the clusterer and the copy detector may remember, sized to the heap: a quarter of it, half each, at about 6 KB a live
     * story and 2.5 KB an original (live heap after GC in {@code bench stories}). Beyond the caps the least recently
     * updated story goes cold and the oldest originals are forgotten first, so that a burst of news shortens how far
     * back copies and stories reach instead of running the server out of memory; {@code --max-memory} lengthens it.
     */
    public static StoryClusterer.Settings storyMemory(long maxHeapBytes) {
        StoryClusterer.Settings d = StoryClusterer.Settings.DEFAULTS;
        long share = maxHeapBytes / 4;
        int stories = (int) Math.clamp(share / 2 / 6_144, 1_000, d.maxLiveStories());
        int originals = (int) Math.clamp(share / 2 / 2_560, 1_000, d.copies().maxArticles());
        return d.withCaps(stories, originals);
    }
}
