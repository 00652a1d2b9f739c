package org.worldwire.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.cluster.StoryArticle;
import org.worldwire.cluster.StoryAssignment;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.events.EventBus;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Article;
import org.worldwire.model.Story;
import org.worldwire.store.ArticleStore;
import org.worldwire.store.StoryStore;

/**
 * The cluster stage: places each stored article in its story, in arrival order, and records it. The clusterer's
 * decision and its record are taken under one lock, so that a merge can never be overtaken by an older placement
 * into the story it removed. On start the clusterer's memory is rebuilt from the recent articles of the store, and
 * articles a crash left unplaced are placed.
 */
public final class StoryPlacement {
    private static final Logger log = LoggerFactory.getLogger(StoryPlacement.class);

    /** What placing one article did. */
    public record Placed(Article article, Story story, StoryAssignment assignment) {}

    /**
     * What a restore did.
     *
     * @param replayed articles of the window read back into memory, placed before or now
     * @param placed the articles a crash had left unplaced, now placed (to be announced)
     */
    public record Restored(int replayed, List<Placed> placed) {
        public Restored {
            placed = List.copyOf(placed);
        }
    }

    private final StoryClusterer clusterer;
    private final StoryStore stories;
    private final ArticleStore articles;
    private final Duration window;
    private final int restoreAtMost;
    private final ReentrantLock lock = new ReentrantLock();
    private final Timer placing;

    /**
     * @param window how far back the clusterer remembers articles after a restart
     * @param restoreAtMost the most articles replayed into its memory at start, newest kept
     */
    public StoryPlacement(StoryClusterer clusterer, StoryStore stories, ArticleStore articles, Duration window,
            int restoreAtMost, MeterRegistry metrics) {
        this.clusterer = clusterer;
        this.stories = stories;
        this.articles = articles;
        this.window = window;
        this.restoreAtMost = restoreAtMost;
        this.placing = Timer.builder("worldwire.stories.place").description("clustering and recording one article")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    /**
     * Rebuilds the clusterer's memory of the last {@code window} and places the articles a crash left unplaced (those
     * older than the window each as a story of its own).
     *
     * @return how many articles were replayed, and those placed now
     */
    public Restored restore(Instant now) {
        lock.lock();
        try {
            Instant since = now.minus(window);
            int alone = stories.placeAloneBefore(since);
            long from = stories.firstRecentId(since, restoreAtMost);
            int replayed = 0;
            List<Article> unplaced = new ArrayList<>();
            for (long after = from - 1; ; ) {
                List<Article> page = articles.after(after, 500);
                if (page.isEmpty()) break;
                for (Article a : page) {
                    if (a.storyId() == 0) unplaced.add(a);
                    else clusterer.restore(input(a), a.storyId(), a.copyOf());
                    replayed++;
                }
                after = page.getLast().id();
            }
            List<Placed> placed = new ArrayList<>(unplaced.size());
            for (int i = 0; i < unplaced.size(); i += 500) {
                placed.addAll(placeLocked(unplaced.subList(i, Math.min(unplaced.size(), i + 500))));
            }
            if (replayed > 0 || alone > 0) {
                log.info("stories restored replayed={} placed_after_crash={} placed_alone={}", replayed, unplaced.size(), alone);
            }
            return new Restored(replayed, placed);
        } finally {
            lock.unlock();
        }
    }

    /** Places a stored article in its story and records it; the article comes back with its story. */
    public Placed place(Article stored) {
        return placeAll(List.of(stored)).getFirst();
    }

    /**
     * Places stored articles in their stories, in the given (arrival) order, and records them in one transaction;
     * each comes back with its story as it stands after the whole batch.
     */
    public List<Placed> placeAll(List<Article> stored) {
        if (stored.isEmpty()) return List.of();
        long start = System.nanoTime();
        lock.lock();
        try {
            return placeLocked(stored);
        } finally {
            lock.unlock();
            long each = (System.nanoTime() - start) / stored.size();
            for (int i = 0; i < stored.size(); i++) placing.record(each, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private List<Placed> placeLocked(List<Article> batch) {
        List<StoryAssignment> decisions = new ArrayList<>(batch.size());
        List<StoryStore.Placement> placements = new ArrayList<>(batch.size());
        Map<Long, Long> mergedInto = new HashMap<>();
        for (Article a : batch) {
            StoryAssignment s = clusterer.add(input(a));
            decisions.add(s);
            placements.add(new StoryStore.Placement(a.id(), s.storyId(), s.copyOf(), s.merged(), s.leadArticleId()));
            for (long m : s.merged()) if (m != s.storyId()) mergedInto.put(m, s.storyId());
        }
        Map<Long, Story> standing = stories.placeAll(placements);
        List<Placed> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            StoryAssignment s = decisions.get(i);
            long story = s.storyId();
            // a story that a later article of the batch merged away: the article now lives in the survivor
            for (int hops = 0; mergedInto.containsKey(story) && hops < 16; hops++) story = mergedInto.get(story);
            out.add(new Placed(batch.get(i).inStory(story, s.copyOf()), standing.get(story), s));
        }
        return out;
    }

    /** {@link #restore}, then announces the stories it placed articles in; what it did. */
    public Restored restoreAndAnnounce(Instant now, EventBus events) {
        Restored restored = restore(now);
        announcements(restored.placed()).forEach(events::publish);
        return restored;
    }

    /**
     * What a batch of placements announces: one update per story, the story as it stands after the batch, marked
     * created if any of the articles founded it, with every story the batch merged into it.
     */
    public static List<NewsEvent.StoryUpdated> announcements(List<Placed> batch) {
        Map<Long, NewsEvent.StoryUpdated> updates = new LinkedHashMap<>();
        for (Placed p : batch) {
            var update = new NewsEvent.StoryUpdated(p.story(), p.assignment().newStory(), p.assignment().merged());
            updates.merge(p.story().id(), update, (earlier, later) -> {
                List<Long> merged = new ArrayList<>(earlier.merged());
                merged.addAll(later.merged());
                return new NewsEvent.StoryUpdated(later.story(), earlier.created() || later.created(), merged);
            });
        }
        return List.copyOf(updates.values());
    }

    /** What the clusterer reads: countries it is about first, then those it mentions. */
    static StoryArticle input(Article a) {
        Set<String> countries = new LinkedHashSet<>(a.primaryCountries());
        countries.addAll(a.countries());
        return new StoryArticle(a.id(), a.sourceId(), a.discovered(), a.language(), a.title(), a.text(),
                List.copyOf(countries));
    }
}
