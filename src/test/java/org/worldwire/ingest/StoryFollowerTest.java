package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.worldwire.ingest.StoryPlacementTest.T0;
import static org.worldwire.ingest.StoryPlacementTest.article;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.events.LocalEventBus;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * On a shared store workers leave their articles unplaced and the leading process places them all, so that copies
 * stored by two different workers still fold into one story.
 */
class StoryFollowerTest {
    @TempDir
    Path dir;

    @Test
    void theLeaderPlacesEveryWorkersArticlesInOneClustererAndRebuildsItWhenItTakesTheLeadAgain() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("ww.db"), InstantSource.fixed(T0))) {
            Source wire = store.sources().add(new Source(0, "http://127.0.0.1:9/wire", "Wire", null, "GB", "en", DisplayPolicy.EXCERPT));
            Source paper = store.sources().add(new Source(0, "http://127.0.0.1:9/paper", "Paper", null, "CL", "es", DisplayPolicy.EXCERPT));
            var events = new LocalEventBus();
            List<NewsEvent.StoryUpdated> announced = new CopyOnWriteArrayList<>();
            events.subscribe(e -> {
                if (e instanceof NewsEvent.StoryUpdated u) announced.add(u);
            });
            AtomicBoolean leading = new AtomicBoolean(true);
            var follower = new StoryFollower(() -> new StoryPlacement(new StoryClusterer(), store.stories(), store.articles(),
                    Duration.ofDays(3), 1_000, new SimpleMeterRegistry()), store.stories(), events, leading::get,
                    InstantSource.fixed(T0.plusSeconds(600)), Duration.ofMillis(20));
            try (follower) {
                follower.start();
                // two workers store a report and its reprint, neither placing them
                long report = store.articles().addIfNew(article(wire.id(), 1, T0)).orElseThrow().id();
                long reprint = store.articles().addIfNew(article(paper.id(), 2, T0.plusSeconds(60))).orElseThrow().id();
                await("both placed", () -> store.stories().unplaced(10).isEmpty());
                long story = store.articles().find(report).orElseThrow().storyId();
                assertThat(story).isPositive();
                assertThat(store.articles().find(reprint).orElseThrow().storyId()).isEqualTo(story);
                await("the story announced", () -> announced.stream().anyMatch(u -> u.story().id() == story));

                // another process leads for a while and places a new story's report this one never sees
                leading.set(false);
                Thread.sleep(100);
                Article elsewhere = store.articles().addIfNew(flood(wire.id(), 3)).orElseThrow();
                Thread.sleep(100);
                assertThat(store.stories().unplaced(10)).as("not leading: nothing placed here")
                        .extracting(Article::id).containsExactly(elsewhere.id());
                new StoryPlacement(new StoryClusterer(), store.stories(), store.articles(), Duration.ofDays(3), 1_000,
                        new SimpleMeterRegistry()).restore(T0.plusSeconds(600));

                long flood = store.articles().find(elsewhere.id()).orElseThrow().storyId();
                assertThat(flood).isPositive().isNotEqualTo(story);

                // leading again, it rebuilds its memory from the store: a reprint of that report joins its story
                leading.set(true);
                long reprinted = store.articles().addIfNew(flood(paper.id(), 4)).orElseThrow().id();
                long later = store.articles().addIfNew(article(paper.id(), 5, T0.plusSeconds(200))).orElseThrow().id();
                await("the reprints placed", () -> store.stories().unplaced(10).isEmpty());
                assertThat(store.articles().find(reprinted).orElseThrow().storyId()).isEqualTo(flood);
                assertThat(store.articles().find(later).orElseThrow().storyId()).isEqualTo(story);
            }
        }
    }

    static Article flood(long source, int n) {
        return new Article(0, source, "http://127.0.0.1:9/a/" + n, "g" + n, "Floods cut off villages across Bavaria",
                null, null, T0.plusSeconds(120), List.of(
                        "Rivers burst their banks across southern Bavaria overnight, cutting off dozens of villages and "
                                + "forcing thousands of residents from their homes, the state interior ministry said.",
                        "Rescue crews used boats to reach people stranded on rooftops near Passau, where the Danube rose "
                                + "above its historic 2013 level on Wednesday morning.",
                        "Chancellor Friedrich Merz said federal troops would help build sandbag walls along the Inn."),
                null, null, "en", List.of("DE"), List.of("DE"));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
            Thread.sleep(20);
        }
    }
}
