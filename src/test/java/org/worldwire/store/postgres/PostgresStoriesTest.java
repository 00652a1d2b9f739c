package org.worldwire.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.worldwire.model.Article;
import org.worldwire.model.Story;
import org.worldwire.store.StoriesContractTest;
import org.worldwire.store.Store;

/** The stories contract on a real PostgreSQL server, and placements from two processes into one story. */
@Tag("postgres")
class PostgresStoriesTest extends StoriesContractTest {
    static PostgresServer server;
    String database;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.shared();
    }

    @Override
    protected Store open(InstantSource clock) {
        database = server.createMigratedDatabase();
        return PostgresStore.open(server.jdbcUrl(database), 4, clock);
    }

    @Override
    protected void discard() {
        server.dropDatabase(database);
    }

    @Test
    void twoProcessesPlacingIntoOneStoryAtOnceLoseNoCount() throws Exception {
        Article founder = stored(gb, "Floods close the valley", 0, "en", List.of("IT"));
        stories.place(founder.id(), founder.id(), 0, List.of(), founder.id());
        List<Article> reports = new ArrayList<>();
        for (int i = 1; i <= 30; i++) reports.add(stored(i % 2 == 0 ? fr : gb2, "Report " + i, i, i % 2 == 0 ? "fr" : "en", List.of("IT")));

        // Each recount reads the story's articles: unless placements on one story take turns, two recounts see the
        // same articles, one commit's count overwrites the other's and the story forgets reports. Taking turns,
        // every placement sees one article more than the one before it.
        List<Integer> counts = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Store other = PostgresStore.open(server.jdbcUrl(database), 4, InstantSource.fixed(T0));
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Store via = t % 2 == 0 ? store : other;
                int lane = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = lane; i < reports.size(); i += 4) {
                        Article a = reports.get(i);
                        counts.add(via.stories().place(a.id(), founder.id(), 0, List.of(), founder.id()).articles());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) f.get();
        }
        assertThat(counts).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(2, 31).boxed().toList());
        Story s = stories.find(founder.id()).orElseThrow();
        assertThat(s.articles()).isEqualTo(31);
        assertThat(s.reports()).isEqualTo(31);
        assertThat(s.sources()).isEqualTo(3);
        assertThat(s.languages()).containsExactly("en", "fr");
        assertThat(stories.articles(founder.id(), 100)).hasSize(31);
    }
}
