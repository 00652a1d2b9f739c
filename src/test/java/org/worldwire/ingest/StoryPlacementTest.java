package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.store.sqlite.SqliteStore;

class StoryPlacementTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final List<String> BODY = List.of(
            "Rescue teams searched collapsed buildings in the port city of Valparaiso on Tuesday after a magnitude 7.1 "
                    + "earthquake struck off the coast of Chile, the national emergency office said.",
            "At least 14 people were killed and 230 injured, officials said, as aftershocks rattled the region overnight.",
            "President Gabriel Boric declared a state of catastrophe and said the army would help distribute water and food.");

    @TempDir
    Path dir;

    static Article article(long source, int n, Instant at) {
        return new Article(0, source, "http://127.0.0.1:9/a/" + n, "g" + n, "Deadly earthquake strikes Chile's coast",
                null, null, at, BODY, null, null, "en", List.of("CL"), List.of("CL"));
    }

    StoryPlacement placement(SqliteStore store) {
        return new StoryPlacement(new StoryClusterer(), store.stories(), store.articles(), Duration.ofDays(3), 10_000,
                new SimpleMeterRegistry());
    }

    @Test
    void aRestartPlacesWhatACrashLeftUnplacedAndRemembersRecentStories() {
        long first, second;
        try (SqliteStore store = SqliteStore.open(dir.resolve("ww.db"), InstantSource.fixed(T0))) {
            Source wire = store.sources().add(new Source(0, "http://127.0.0.1:9/wire", "Wire", null, "GB", "en", DisplayPolicy.EXCERPT));
            Source paper = store.sources().add(new Source(0, "http://127.0.0.1:9/paper", "Paper", null, "CL", "es", DisplayPolicy.EXCERPT));
            Article a = store.articles().addIfNew(article(wire.id(), 1, T0)).orElseThrow();
            first = placement(store).place(a).story().id();
            // stored, then the process died before placing it
            second = store.articles().addIfNew(article(paper.id(), 2, T0.plusSeconds(60))).orElseThrow().id();
        }
        try (SqliteStore store = SqliteStore.open(dir.resolve("ww.db"), InstantSource.fixed(T0))) {
            StoryPlacement p = placement(store);
            StoryPlacement.Restored restored = p.restore(T0.plusSeconds(120));
            assertThat(restored.replayed()).isEqualTo(2);
            assertThat(restored.placed()).extracting(placed -> placed.article().id()).containsExactly(second);
            assertThat(store.stories().unplaced(10)).isEmpty();
            Article placed = store.articles().find(second).orElseThrow();
            assertThat(placed.storyId()).as("the reprint joins the story it copies").isEqualTo(first);
            assertThat(placed.copyOf()).isEqualTo(first);

            // the restarted clusterer remembers the story: a third reprint joins it too
            Article third = store.articles().addIfNew(article(1, 3, T0.plusSeconds(180))).orElseThrow();
            StoryPlacement.Placed p3 = p.place(third);
            assertThat(p3.story().id()).isEqualTo(first);
            assertThat(p3.story().articles()).isEqualTo(3);
            assertThat(p3.article().storyId()).isEqualTo(first);
        }
    }
}
