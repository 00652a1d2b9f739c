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
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.dedup.CopyDetector;
import org.worldwire.events.EventBus;
import org.worldwire.fetch.Fetcher;
import org.worldwire.ingest.RefreshSource;
import org.worldwire.ingest.WorkQueue;
import org.worldwire.model.Source;
import org.worldwire.search.SearchIndex;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.SourceStore;
import org.worldwire.store.Store;
import org.worldwire.web.WebApp;
import org.worldwire.web.admin.AdminRoutes;
import org.worldwire.web.admin.Credentials;
import org.worldwire.web.admin.SourceAdminActions;

/**
 * The running system, wired by constructors in dependency order: the engines that hold state (by the
 * {@link Deployment}: SQLite and Lucene under the data directory and in-process queues by default, or PostgreSQL,
 * Kafka and a search cluster shared with other processes), then the parts of the {@link Role}: polling, working,
 * serving. {@link #close} stops it in reverse order.
 */
public final class Worldwire implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Worldwire.class);

    private final Config config;
    private final InstantSource clock = InstantSource.system();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Store store;
    /** The index the site searches: opening on a thread of its own until {@link #start} has waited for it. */
    private final OpeningSearchIndex opening;
    private volatile SearchIndex index;
    private final EventBus events;
    // Made by start() once the port is open: what ingest needs (HTTP clients with their TLS set-up, the pipeline, the
    // scheduler) took a third of the time before /health could answer.
    private volatile @Nullable Working working;
    private volatile @Nullable Polling polling;
    private final @Nullable WebApp web;
    private final @Nullable RoleServer roleServer;
    private volatile int port = -1;

    private Worldwire(Config config) {
        this.config = config;
        Deployment d = config.deployment();
        Role role = d.role();
        // The search index opens on a thread of its own while the store opens and the site is built (on a cold JVM,
        // mostly the loading of Lucene's classes: about as long as the other two together); the site's port opens
        // without waiting for it, and start() waits for it before ingest, which indexes.
        CompletableFuture<Store> storeOpened = new CompletableFuture<>();
        CompletableFuture<SearchIndex> indexOpened = new CompletableFuture<>();
        Thread.ofPlatform().name("index-open").daemon(true).start(() -> {
            try {
                indexOpened.complete(Engines.openSearch(d, config.dataDir(), () -> storeOpened.join().articles()));
            } catch (Throwable t) {
                indexOpened.completeExceptionally(t);
            }
        });
        opening = new OpeningSearchIndex(indexOpened);
        index = opening;
        // What opened before a failure (an unreachable Kafka, a search this build lacks) is closed again.
        try {
            try {
                store = open(Engines.openStore(d, config.dataDir(), clock));
            } catch (RuntimeException e) {
                storeOpened.completeExceptionally(e);
                opening.close();
                throw e;
            }
            storeOpened.complete(store);
            open(opening);
            events = open(Engines.openEvents(d));
            if (role.serves()) {
                web = open(new WebApp(config.web(), store.sources(), store.articles(), store.stories(), opening, events, metrics));
                roleServer = null;
                installAdmin(web);
            } else {
                web = null;
                roleServer = open(new RoleServer(metrics, this::healthJson));
            }
            if (role.polls()) WebSubRoutes.install(web != null ? web.javalin() : roleServer.javalin(), () -> {
                Polling p = polling;
                return p == null ? null : p.push;
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Builds and starts the role's ingest, after the port is open. Its parts are closed before the site (they are
     * listed before it), as when they were built first.
     */
    private void startIngest() {
        Deployment d = config.deployment();
        Role role = d.role();
        int at = closeables.indexOf(web != null ? web : roleServer);
        List<AutoCloseable> late = new ArrayList<>();
        try {
            WorkQueue work = role.polls() || role.works() ? late(late, Engines.openWorkQueue(d, config.ingest())) : null;
            Fetcher fetcher = work != null ? late(late, new Fetcher(config.fetch())) : null;
            working = role.works() ? late(late, new Working(config, store, index, events, work, fetcher, metrics, clock)) : null;
            polling = role.polls() ? late(late, new Polling(config, store, work, fetcher, events, metrics, clock, this::websubCallbackBase)) : null;
        } finally {
            closeables.addAll(at, late);
        }
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        metrics.gauge("worldwire.queue.pending", store, s -> s.queue().pendingCount());
        if (working != null) working.start();
        if (polling != null) polling.start();
    }

    private static <T> T late(List<AutoCloseable> late, T component) {
        if (component instanceof AutoCloseable c) late.add(c);
        return component;
    }

    private <T> T open(T component) {
        if (component instanceof AutoCloseable c) closeables.add(c);
        return component;
    }

    private void installAdmin(WebApp site) {
        // Without a poller here, the poller process notices added and removed sources at its next sync of the store.
        java.util.function.Consumer<Source> added = s -> {
            if (polling != null) polling.poller.sourceAdded(s);
        };
        java.util.function.LongConsumer removed = id -> {
            if (polling != null) polling.poller.sourceRemoved(id);
        };
        AdminRoutes.install(site.javalin(), Credentials.init(store.settings(), System.getenv("WORLDWIRE_ADMIN_PASSWORD")),
                new SourceAdminActions(store.sources(), added, removed, AddressRefusals.of(config.fetch())),
                AdminRoutes.Settings.defaults(config.web().secure()), clock);
    }

    /** Opens the data directory (or connects to the shared engines) and starts this process's role. */
    public static Worldwire start(Config config) {
        Worldwire w = new Worldwire(config);
        try {
            if (config.deployment().role().polls()) w.seedIfEmpty();
            // Serving first: readers and health checks need neither the pipeline nor the gazetteer it loads.
            w.port = w.web != null ? w.web.start(config.host(), config.port()) : w.roleServer.start(config.host(), config.port());
            w.index = w.opening.await();
            if (w.web != null && !config.deployment().role().works()) {
                Engines.followStoredArticles(config.deployment(), w.index, w.events, w.store.articles());
            }
            w.startIngest();
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        log.info("worldwire started data_dir={} {} sources={} articles={}", config.dataDir(),
                config.deployment().describe(), w.store.sources().all().size(), w.store.articles().count());
        return w;
    }

    private void seedIfEmpty() {
        if (!config.seedSources() || !store.sources().all().isEmpty()) return;
        List<Source> seeds = BundledSources.load();
        for (Source s : seeds) store.sources().add(s);
        log.info("seeded bundled sources count={}", seeds.size());
    }

    /** {@code /health} of a process without the site: its role, whether it polls, and what waits in the store. */
    private String healthJson() {
        Role role = config.deployment().role();
        return "{\"status\":\"ok\",\"role\":\"" + role.key() + "\",\"polling\":" + (polling != null && polling.polling())
                + ",\"pending\":" + store.queue().pendingCount() + "}";
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

    /** Adds a source and, when this process polls, starts watching it at once. */
    public Source addSource(Source source) {
        Source added = store.sources().add(source);
        if (polling != null) polling.poller.sourceAdded(added);
        return added;
    }

    public boolean removeSource(long id) {
        if (polling != null) polling.poller.sourceRemoved(id);
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

    /** The feed refresher; the process must poll (role all or poller). */
    public RefreshSource refresh() {
        if (polling == null) throw new IllegalStateException("role " + config.deployment().role().key() + " does not poll");
        return polling.refresh;
    }

    /** Whether this process polls now: role all or poller, and on a shared store holding the poller's lease. */
    public boolean polling() {
        return polling != null && polling.polling();
    }

    /** The port the site and API listen on. */
    public int port() {
        return port;
    }

    /** The site; the process must serve it (role all or web). */
    public WebApp web() {
        if (web == null) throw new IllegalStateException("role " + config.deployment().role().key() + " serves no site");
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
     * What the clusterer and the copy detector may remember, sized to the heap: a sixteenth of it for live stories
     * and a thirty-second for originals. A live story takes about 6 KB (live heap after GC in {@code bench stories}). An
     * original takes the copy detector's postings, up to 20 bytes each with six of its seven generations frozen and
     * the newest a table just grown (up to 128 an original: 2.5 KB for a long report; 250-400 bytes for the
     * simulator's short ones, which {@code bench stories} prints), and about 200 bytes for its entry in the map from
     * original to story and its story's stub once cold. So seven tenths of the originals' part cap the postings and
     * three tenths the count: short reports are remembered in greater numbers than long ones, in the same memory. A
     * sixteenth for originals too (their part before their memory was compact enough to fill it) raised the resident
     * memory of {@code serve --demo} above its 300 MB budget: 296 MB after 30 minutes, 315 at its peak (bench/footprint.sh). Beyond the caps the
     * least recently updated story goes cold and the oldest originals are forgotten first, so that a burst of news
     * shortens how far back copies and stories reach instead of running the server out of memory; {@code
     * --max-memory} lengthens it. A quarter of the heap for both was too much for the default 100 MB heap: with the gazetteer
     * and language profiles (about 34 MB) the live set under sustained overload was 80 MB, young collections ran
     * every few tens of milliseconds, and after 90-150 s of {@code bench pipeline} full collections followed each
     * other until the heap ran out (twice).
     */
    public static StoryClusterer.Settings storyMemory(long maxHeapBytes) {
        StoryClusterer.Settings d = StoryClusterer.Settings.DEFAULTS;
        long share = maxHeapBytes / 8;
        int stories = (int) Math.clamp(share / 2 / 6_144, 1_000, d.maxLiveStories());
        long copies = share / 4;
        int originals = (int) Math.clamp(copies * 3 / 10 / 200, 1_000, d.copies().maxArticles());
        long postings = Math.clamp(copies * 7 / 10 / 20, 1_000L * CopyDetector.MAX_SAMPLES, d.copies().maxHeldPostings());
        return d.withCaps(stories, originals, postings);
    }
}
