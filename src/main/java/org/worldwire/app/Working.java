package org.worldwire.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.events.EventBus;
import org.worldwire.fetch.Fetcher;
import org.worldwire.fetch.RobotsPolicy;
import org.worldwire.ingest.ArticlePipeline;
import org.worldwire.ingest.Enrichment;
import org.worldwire.ingest.StoryPlacement;
import org.worldwire.ingest.WorkQueue;
import org.worldwire.search.SearchIndex;
import org.worldwire.store.Store;

/**
 * The working side of a process (role all or worker): takes entries from the work queue and makes them stored,
 * indexed, placed and announced articles.
 */
final class Working implements AutoCloseable {
    /** How far back a restarted clusterer remembers: stories older than this have gone cold anyway. */
    private static final Duration STORY_MEMORY = Duration.ofDays(3);
    private static final int STORY_RESTORE_MAX = 50_000;

    /** Null on a shared store, where the poller's lease holder places every worker's articles ({@link Polling}). */
    private final @Nullable StoryPlacement stories;
    final ArticlePipeline pipeline;
    private final Enrichment enrichment = Enrichment.deferred();
    private final InstantSource clock;
    private final EventBus events;

    Working(Config config, Store store, SearchIndex index, EventBus events, WorkQueue work, Fetcher fetcher,
            MeterRegistry metrics, InstantSource clock) {
        this.clock = clock;
        this.events = events;
        stories = config.deployment().sharedStore() ? null : placement(store, metrics);
        pipeline = new ArticlePipeline(config.ingest(), work, fetcher, new RobotsPolicy(fetcher, clock), store.sources(),
                store.queue(), index, events, enrichment, stories, metrics, clock);
    }

    /** Places articles in stories with a clusterer sized to this process's heap. */
    static StoryPlacement placement(Store store, MeterRegistry metrics) {
        return new StoryPlacement(new StoryClusterer(Worldwire.storyMemory(Runtime.getRuntime().maxMemory())),
                store.stories(), store.articles(), STORY_MEMORY, STORY_RESTORE_MAX, metrics);
    }

    /** Loads the gazetteer, restores the live stories and starts taking entries. */
    void start() {
        enrichment.preload();
        if (stories != null) stories.restoreAndAnnounce(clock.instant(), events);
        pipeline.start();
    }

    /** Stops taking entries; what is in progress finishes or stays pending (see {@link ArticlePipeline#close}). */
    @Override
    public void close() {
        pipeline.close();
    }
}
