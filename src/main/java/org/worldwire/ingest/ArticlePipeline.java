package org.worldwire.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.enrich.GeoTags;
import org.worldwire.events.EventBus;
import org.worldwire.events.NewsEvent;
import org.worldwire.extract.ArticleExtractor;
import org.worldwire.extract.SiteFurniture;
import org.worldwire.fetch.FetchFailure;
import org.worldwire.fetch.FetchRequest;
import org.worldwire.fetch.FetchResult;
import org.worldwire.fetch.Fetcher;
import org.worldwire.fetch.RobotsPolicy;
import org.worldwire.model.Article;
import org.worldwire.model.ArticleContent;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.search.SearchIndex;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.SourceStore;

/**
 * Turns pending entries into stored articles: fetch the page, extract, enrich, store (clearing the pending
 * entry in the same transaction), place in its story, index, announce. The entries come from a {@link WorkQueue}:
 * on one machine a bounded in-process queue ({@link LocalWorkQueue}), scaled out a log that worker processes share.
 * Whoever discovers entries submits them to that queue, not to the pipeline.
 *
 * <p>An article whose page cannot be fetched or read is still stored, with the text its feed entry gave:
 * nothing the feed announced is lost.
 */
public final class ArticlePipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticlePipeline.class);
    private static final int SUMMARY_CHARS = 400;
    /** The most articles written in one group commit. */
    private static final int MAX_BATCH = 256;
    /** How long close() lets workers finish what they hold before aborting their page downloads. */
    private static final Duration FINISH_GRACE = Duration.ofMillis(200);
    private static final Duration ABORT_GRACE = Duration.ofMillis(1_000);

    private final IngestConfig config;
    private final Fetcher fetcher;
    private final RobotsPolicy robots;
    private final SourceStore sources;
    private final IngestQueue queue;
    private final SearchIndex index;
    private final EventBus events;
    private final Enrichment enrichment;
    /** Null where one process places every worker's articles (a shared store): see {@link StoryFollower}. */
    private final @Nullable StoryPlacement stories;
    private final InstantSource clock;
    private final WorkQueue work;
    private final HostLimiter hosts;
    private final ConcurrentHashMap<Long, Source> sourceCache = new ConcurrentHashMap<>();
    /** Closes the work queue on close(): stops delivery and waits for the handlers, off the closing thread. */
    private @Nullable Thread stopping;
    private volatile boolean running;

    private final Counter stored;
    private final Counter duplicates;
    /**
     * Short paragraphs each site repeats on page after page: 512 hosts of 256 fingerprints, about 2 MB at most.
     * Per process: in a scaled-out deployment each worker learns the sites whose pages it fetches.
     */
    private final SiteFurniture siteFurniture = new SiteFurniture(512, 256);
    private final Counter siteFurnitureDropped;
    private final Counter redelivered;
    private final Timer publishToStored;
    private final Timer discoverToStored;
    private final MeterRegistry metrics;
    private final Stages stages;
    private final GroupCommit commits = new GroupCommit();
    /**
     * Workers are many so that page downloads overlap; parsing and enriching are CPU work, done on one platform
     * thread per core (more only holds more DOMs in the heap at once, not more progress), off the carriers of the
     * virtual threads that serve the site.
     */
    private final CpuStages cpu = CpuStages.perCore("ingest-cpu");
    /**
     * The group commit, off the carriers too, on a thread of its own: queued behind the pages waiting to be parsed,
     * it would keep every worker of the batch waiting.
     */
    private final CpuStages committer = new CpuStages("ingest-commit", 1);

    /**
     * @param work where entries come from; the pipeline consumes it from {@link #start} and closes it on {@link #close}
     * @param stories places each stored article in its story; null where another process places them all
     */
    public ArticlePipeline(IngestConfig config, WorkQueue work, Fetcher fetcher, RobotsPolicy robots, SourceStore sources,
            IngestQueue queue, SearchIndex index, EventBus events, Enrichment enrichment, @Nullable StoryPlacement stories, MeterRegistry metrics,
            InstantSource clock) {
        this.config = config;
        this.fetcher = fetcher;
        this.robots = robots;
        this.sources = sources;
        this.queue = queue;
        this.index = index;
        this.events = events;
        this.enrichment = enrichment;
        this.stories = stories;
        this.clock = clock;
        this.metrics = metrics;
        this.work = work;
        this.hosts = new HostLimiter(config.pagesPerHost());
        this.stored = Counter.builder("worldwire.articles.stored").description("new articles stored").register(metrics);
        this.duplicates = Counter.builder("worldwire.articles.duplicates").description("entries found to be stored already").register(metrics);
        this.siteFurnitureDropped = Counter.builder("worldwire.extract.site.furniture")
                .description("paragraphs dropped from pages because their site repeats them on page after page").register(metrics);
        this.redelivered = Counter.builder("worldwire.articles.redelivered")
                .description("entries delivered again after the process storing them stopped; their later stages run again")
                .register(metrics);
        this.publishToStored = Timer.builder("worldwire.delay.publish.to.stored")
                .description("from the publisher's stated publication time to storage").publishPercentiles(0.5, 0.95)
                .register(metrics);
        this.discoverToStored = Timer.builder("worldwire.delay.discover.to.stored")
                .description("from finding the entry in a feed to storage").publishPercentiles(0.5, 0.95)
                .register(metrics);
        metrics.gauge("worldwire.queue.articles", work, WorkQueue::backlog);
        // A burst shows as a backlog that grows and ages: the entries found and not yet stored, and how long the
        // oldest of those waiting for a worker has waited since its feed listed it.
        io.micrometer.core.instrument.Gauge.builder("worldwire.backlog.entries", queue, IngestQueue::pendingCount)
                .description("entries found in feeds and not stored yet").register(metrics);
        io.micrometer.core.instrument.Gauge.builder("worldwire.backlog.age", this, ArticlePipeline::backlogAgeSeconds)
                .baseUnit("seconds").description("how long the oldest entry waiting for a worker has waited").register(metrics);
        this.stages = new Stages(metrics);
    }

    private double backlogAgeSeconds() {
        return work.oldestWaiting()
                .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1e3)).orElse(0.0);
    }

    /** Starts taking entries from the work queue, on {@link IngestConfig#pageWorkers} workers. */
    public void start() {
        running = true;
        work.start(config.pageWorkers(), this::handle);
    }

    /**
     * Submits to the work queue again what a previous run left pending in the store (at least once: an entry that is
     * also still queued is stored once, the store's unique canonical URL sees to that). Only the process that owns
     * polling calls it, so that workers sharing a queue do not each submit the whole backlog again. Returns at once;
     * a virtual thread submits, waiting for room like the pollers do, and gives up when the queue closes.
     */
    public static void resumePending(IngestQueue queue, WorkQueue work) {
        List<PendingEntry> leftover = queue.pending(0, Integer.MAX_VALUE);
        if (leftover.isEmpty()) return;
        log.info("resuming pending entries count={}", leftover.size());
        Thread.ofVirtual().name("pending-resume").start(() -> {
            try {
                for (PendingEntry e : leftover) work.submit(e);
            } catch (InterruptedException | IllegalStateException e) {
                log.info("pending entries left for the next start reason={}", e.getMessage());
            }
        });
    }

    private void handle(PendingEntry entry) {
        try {
            process(entry);
        } catch (Parked parked) {
            log.debug("article parked for the next start url={} source_id={}", entry.url(), entry.sourceId());
        } catch (RuntimeException e) {
            // An invariant of ours broke (store, index): the entry stays pending and is retried on restart.
            log.error("article pipeline failed url={} source_id={}", entry.url(), entry.sourceId(), e);
        }
    }

    /**
     * Takes one entry through every stage; returns once its article is stored, indexed and placed (or found to be
     * stored already).
     */
    public Optional<Article> process(PendingEntry entry) {
        Source source = source(entry.sourceId());
        ArticleContent content = fetchAndExtract(entry);
        Article article = cpu.run(() -> compose(entry, source, content));
        return commits.submit(entry, article);
    }

    /**
     * The write stages (store, index, story) as a group commit: a worker with an article ready queues it and takes
     * the write lock; whoever holds it writes everything queued so far as one batch (one store transaction, one
     * story transaction), so that while one batch is written the next one gathers. Under light load a batch is one
     * article and nothing waits; under heavy load the cost of a commit is shared by up to {@value #MAX_BATCH}.
     */
    private final class GroupCommit {
        private static final class Ready {
            final PendingEntry entry;
            final Article article;
            boolean done;
            Optional<Article> result = Optional.empty();
            IngestQueue.@Nullable Completed saved;
            @Nullable RuntimeException failure;

            Ready(PendingEntry entry, Article article) {
                this.entry = entry;
                this.article = article;
            }
        }

        private final ReentrantLock writing = new ReentrantLock();
        private final ConcurrentLinkedQueue<Ready> ready = new ConcurrentLinkedQueue<>();

        Optional<Article> submit(PendingEntry entry, Article article) {
            Ready mine = new Ready(entry, article);
            ready.add(mine);
            writing.lock();
            try {
                while (!mine.done) {
                    List<Ready> batch = new ArrayList<>();
                    for (Ready r; batch.size() < MAX_BATCH && (r = ready.poll()) != null; ) batch.add(r);
                    committer.run(() -> write(batch));
                }
            } finally {
                writing.unlock();
            }
            if (mine.failure != null) throw mine.failure;
            return mine.result;
        }

        private void write(List<Ready> batch) {
            try {
                List<IngestQueue.Completion> completions = new ArrayList<>(batch.size());
                for (Ready r : batch) completions.add(new IngestQueue.Completion(r.entry.id(), r.article));
                long t0 = System.nanoTime();
                List<IngestQueue.Completed> saved = queue.completeAll(completions);
                recordEach(stages.store, System.nanoTime() - t0, batch.size());
                List<Article> fresh = new ArrayList<>(batch.size());
                List<Ready> freshReady = new ArrayList<>(batch.size());
                Set<Long> ids = new HashSet<>();
                for (int i = 0; i < batch.size(); i++) {
                    Ready r = batch.get(i);
                    r.done = true;
                    r.saved = saved.get(i);
                    switch (r.saved) {
                        case IngestQueue.Completed.Stored(Article a) -> {
                            fresh.add(a);
                            freshReady.add(r);
                            ids.add(a.id());
                        }
                        // The process that stored it may have died before indexing, placing or announcing it: do
                        // those again (indexing is by id, placing skips a placed article; a listener may see the
                        // announcement twice, as a work queue delivers at least once)
                        case IngestQueue.Completed.Redelivered(Article a) when ids.add(a.id()) -> {
                            redelivered.increment();
                            fresh.add(a);
                            freshReady.add(r);
                        }
                        case IngestQueue.Completed.Redelivered _, IngestQueue.Completed.Duplicate _ -> duplicates.increment();
                    }
                }
                if (fresh.isEmpty()) return;
                // indexed before placed: the story lock must not widen the window in which a stored article is
                // missing from the index (the search index does not hold the story)
                long t1 = System.nanoTime();
                index.indexAll(fresh); // a search cluster takes the batch in one request, not one round trip each
                recordEach(stages.index, System.nanoTime() - t1, fresh.size());
                Map<Long, StoryPlacement.Placed> placed = place(fresh.stream().filter(a -> a.storyId() == 0).toList());
                Instant now = clock.instant();
                List<StoryPlacement.Placed> inStories = new ArrayList<>(placed.size());
                for (int i = 0; i < fresh.size(); i++) {
                    StoryPlacement.Placed p = placed.get(fresh.get(i).id());
                    Article a = p == null ? fresh.get(i) : p.article();
                    Ready r = freshReady.get(i);
                    r.result = Optional.of(a);
                    if (!(r.saved instanceof IngestQueue.Completed.Redelivered)) {
                        stored.increment();
                        discoverToStored.record(Duration.between(r.entry.discovered(), now));
                        if (a.published() != null && !a.published().isAfter(now)) {
                            publishToStored.record(Duration.between(a.published(), now));
                        }
                    }
                    events.articleStored(a);
                    if (p != null) inStories.add(p);
                }
                StoryPlacement.announcements(inStories).forEach(events::publish);
            } catch (RuntimeException e) {
                for (Ready r : batch) {
                    r.done = true;
                    r.failure = e;
                }
            }
        }
    }

    private static void recordEach(Timer timer, long nanos, int articles) {
        for (int i = 0; i < articles; i++) timer.record(nanos / articles, TimeUnit.NANOSECONDS);
    }

    /**
     * The cluster stage, by article id; empty when stories are placed elsewhere (see {@link StoryFollower}) or when it
     * fails: the articles then stay unplaced, and the next start (or the follower) places them.
     */
    private Map<Long, StoryPlacement.Placed> place(List<Article> unplaced) {
        if (stories == null || unplaced.isEmpty()) return Map.of();
        try {
            Map<Long, StoryPlacement.Placed> byId = new HashMap<>();
            for (StoryPlacement.Placed p : stories.placeAll(unplaced)) byId.put(p.article().id(), p);
            return byId;
        } catch (RuntimeException e) {
            log.error("placing articles in their stories failed first_article_id={} count={}", unplaced.getFirst().id(),
                    unplaced.size(), e);
            return Map.of();
        }
    }

    private @Nullable ArticleContent fetchAndExtract(PendingEntry entry) {
        String host;
        try {
            host = URI.create(entry.url()).getAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!robots.allowed(entry.url())) {
            metrics.counter("worldwire.fetch.errors", "stage", "page", "kind", FetchFailure.ROBOTS_DISALLOWED.key()).increment();
            return null;
        }
        Semaphore permit = hosts.forHost(host == null ? "" : host);
        FetchResult result;
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        long t0 = System.nanoTime();
        try {
            result = fetcher.fetch(FetchRequest.page(entry.url()));
        } finally {
            permit.release();
            stages.fetch.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
        return switch (result) {
            case FetchResult.Fetched f -> {
                // Closing: what is left of this entry's work waits for the next start, so that close() is quick.
                if (!running) throw new Parked();
                long t1 = System.nanoTime();
                String site = hostOf(f.finalUrl(), host);
                ArticleContent extracted = cpu.run(() -> {
                    ArticleContent page = ArticleExtractor.extract(f.body(), f.finalUrl(), f.contentType());
                    ArticleContent kept = siteFurniture.filter(site, f.finalUrl(), page);
                    if (kept != page) siteFurnitureDropped.increment(page.paragraphs().size() - kept.paragraphs().size());
                    return kept;
                });
                stages.extract.record(System.nanoTime() - t1, TimeUnit.NANOSECONDS);
                yield extracted;
            }
            case FetchResult.NotModified n -> null;
            case FetchResult.Failed f -> {
                // Cut short by close(): not the page's fault, so the entry is not stored without its page.
                if (!running) throw new Parked();
                metrics.counter("worldwire.fetch.errors", "stage", "page", "kind", f.reason().key()).increment();
                log.warn("article fetch failed url={} reason={} status={} message={}", entry.url(), f.reason().key(),
                        f.status(), f.message());
                yield null;
            }
        };
    }

    /** The host of a fetched page's final URL (after redirects), or the entry's when that cannot be read. */
    private static String hostOf(String url, @Nullable String fallback) {
        try {
            String h = URI.create(url).getAuthority();
            if (h != null) return h;
        } catch (IllegalArgumentException e) {
            // a final URL the fetcher accepted but URI does not: the entry's host stands for it
        }
        return fallback == null ? "" : fallback;
    }

    private Article compose(PendingEntry pending, Source source, @Nullable ArticleContent content) {
        FeedEntry e = pending.entry();
        List<String> paragraphs;
        if (content != null && !content.paragraphs().isEmpty()) {
            paragraphs = content.paragraphs();
        } else {
            // the feed's own text only when the page gave none: a feed's full content is a second parse of the article
            String feedText = plainText(e.content() != null ? e.content() : e.summary());
            paragraphs = feedText.isEmpty() ? List.of() : List.of(feedText);
        }
        String title = firstNonBlank(plainText(e.title()), content == null ? null : content.title(), pending.url());
        String byline = firstNonBlank(e.author(), content == null || content.authors().isEmpty() ? null : String.join(", ", content.authors()));
        Instant published = e.published() != null ? e.published()
                : content != null && content.published() != null ? content.published() : e.updated();
        String summary = firstNonBlank(plainText(e.summary()), content == null ? null : content.description(),
                paragraphs.isEmpty() ? null : paragraphs.get(0));
        if (summary != null && summary.length() > SUMMARY_CHARS) summary = summary.substring(0, SUMMARY_CHARS).strip() + "…";
        String leadImage = content != null && content.leadImage() != null ? content.leadImage()
                : e.enclosures().stream().filter(x -> x.type() != null && x.type().startsWith("image/"))
                        .map(x -> x.url()).findFirst().orElse(null);
        String text = String.join("\n", paragraphs);
        String languagePrior = content != null && content.language() != null ? content.language() : source.language();
        long t0 = System.nanoTime();
        String language;
        GeoTags places;
        long t1;
        try {
            language = enrichment.language(title, text, languagePrior);
            t1 = System.nanoTime();
            places = enrichment.places(title, text, source.country());
        } catch (Enrichment.Unavailable closing) {
            throw new Parked();
        }
        stages.language.record(t1 - t0, TimeUnit.NANOSECONDS);
        stages.geotag.record(System.nanoTime() - t1, TimeUnit.NANOSECONDS);
        return new Article(0, source.id(), pending.url(), pending.guid(), title, byline, published,
                pending.discovered(), paragraphs, summary, leadImage, language, places.countries(), places.primary());
    }

    private Source source(long id) {
        return sourceCache.computeIfAbsent(id, k -> sources.find(k)
                .orElseGet(() -> new Source(k, "unknown:" + k, "unknown source", null, null, null,
                        org.worldwire.model.DisplayPolicy.EXCERPT)));
    }

    /** The text of a feed field that may hold HTML (entities or tags), stripped. */
    static String plainText(@Nullable String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) return "";
        return htmlOrText.indexOf('<') >= 0 || htmlOrText.indexOf('&') >= 0
                ? Jsoup.parse(htmlOrText).text().strip()
                : htmlOrText.strip();
    }

    static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    /**
     * Wall-clock time of each stage per article ({@code worldwire.ingest.stage}, tag {@code stage}); the story stage
     * is {@code worldwire.stories.place}. Wall clock, because virtual threads have no CPU clock of their own.
     */
    private static final class Stages {
        final Timer fetch, extract, language, geotag, store, index;

        Stages(MeterRegistry metrics) {
            fetch = timer(metrics, "fetch");
            extract = timer(metrics, "extract");
            language = timer(metrics, "language");
            geotag = timer(metrics, "geotag");
            store = timer(metrics, "store");
            index = timer(metrics, "index");
        }

        private static Timer timer(MeterRegistry metrics, String stage) {
            return Timer.builder("worldwire.ingest.stage").tag("stage", stage)
                    .description("time one article spends in an ingest stage").register(metrics);
        }
    }

    /** An entry left pending in the store because the pipeline closed before its page was fetched and read. */
    private static final class Parked extends RuntimeException {
        Parked() {
            super("parked", null, false, false);
        }
    }

    /**
     * Stops the workers without interrupting them (an interrupt inside Lucene or SQLite IO closes their files for
     * good): the work queue stops delivering; a worker past reading its page finishes the entry (extract, enrich,
     * store, index); one still fetching parks it, its download aborted after a short grace, and so does one waiting
     * for the language profiles and the gazetteer that a start is loading: the entry stays pending in the store and
     * the next start resumes it. Entries still queued are pending in the store too. Returns within
     * about two seconds.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (stopping != null) return;
            running = false;
            enrichment.stopWaiting();
            t = stopping = Thread.ofVirtual().name("work-queue-close").start(work::close);
        }
        if (!await(t, FINISH_GRACE)) {
            fetcher.abort();
            if (!await(t, ABORT_GRACE)) {
                // left running: a worker that still comes to a stage must find the pool open (its threads are daemons)
                log.error("article workers still running after close backlog={}", work.backlog());
                return;
            }
        }
        cpu.close();
        committer.close();
    }

    private static boolean await(Thread t, Duration wait) {
        try {
            return t.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
