package org.worldwire.ingest;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.events.EventBus;
import org.worldwire.model.Article;
import org.worldwire.store.StoryStore;

/**
 * Places the stories of a shared store. Workers in several processes store articles, but an article finds its story
 * by being compared with every recent one, so a single clusterer must see them all: workers leave their articles
 * unplaced, and the process that leads (the poller's lease holder) places every unplaced article in id order and
 * announces each story's change. Each time it takes the lead it rebuilds its memory from the store, since the
 * previous leader placed articles it never saw.
 *
 * <p>Articles reach their story one follow period after they are stored; the article itself is stored, indexed and
 * announced by its worker without waiting for that.
 */
public final class StoryFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoryFollower.class);
    private static final int PAGE = 500;

    private final Supplier<StoryPlacement> placements;
    private final StoryStore stories;
    private final EventBus events;
    private final BooleanSupplier leading;
    private final InstantSource clock;
    private final Duration every;
    private volatile boolean closed;
    private @Nullable Thread loop;

    /**
     * @param placements a new placement with an empty clusterer, made each time this process takes the lead
     * @param leading whether this process places stories now
     * @param every how often the store is asked for unplaced articles
     */
    public StoryFollower(Supplier<StoryPlacement> placements, StoryStore stories, EventBus events,
            BooleanSupplier leading, InstantSource clock, Duration every) {
        this.placements = placements;
        this.stories = stories;
        this.events = events;
        this.leading = leading;
        this.clock = clock;
        this.every = every;
    }

    public void start() {
        loop = Thread.ofVirtual().name("story-follower").start(this::run);
    }

    private void run() {
        StoryPlacement placement = null;
        boolean failing = false;
        while (!closed) {
            LockSupport.parkNanos(every.toNanos()); // close() unparks; no interrupt reaches store IO
            if (closed) break;
            if (!leading.getAsBoolean()) {
                placement = null;
                continue;
            }
            try {
                if (placement == null) {
                    StoryPlacement fresh = placements.get();
                    fresh.restoreAndAnnounce(clock.instant(), events);
                    placement = fresh;
                }
                for (List<Article> page; !closed && !(page = stories.unplaced(PAGE)).isEmpty(); ) {
                    StoryPlacement.announcements(placement.placeAll(page)).forEach(events::publish);
                    if (page.size() < PAGE) break;
                }
                if (failing) log.info("placing stories again");
                failing = false;
            } catch (RuntimeException e) {
                // The clusterer may remember articles whose placement was not recorded: start again from the store.
                placement = null;
                if (!failing) log.warn("placing stories failed, retrying every {} ms reason={}", every.toMillis(), e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = loop;
        if (t == null) return;
        LockSupport.unpark(t);
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
