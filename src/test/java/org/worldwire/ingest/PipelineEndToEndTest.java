package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.app.Config;
import org.worldwire.app.Demo;
import org.worldwire.app.Worldwire;
import org.worldwire.model.Article;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.search.SearchQuery;
import org.worldwire.sim.Publication;
import org.worldwire.sim.Publisher;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.SourceHealth;

/**
 * The spine end to end on loopback: simulated publishers, the real server (SQLite file, Lucene directory,
 * HTTP fetches), and the articles that come out.
 */
class PipelineEndToEndTest {
    static final Duration WITHIN = Duration.ofSeconds(40);

    @TempDir
    Path data;

    static Config config(Path dir) {
        return Config.defaults().withDataDir(dir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld()
                .withSchedule(new ScheduleConfig(6_000, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ZERO));
    }

    static SimConfig world(int publishers, double faulty) {
        return SimConfig.defaults().withPublishers(publishers).withFaultyShare(faulty).withAutoPublish(false)
                .withInitialArticles(2).withSyndicatedShare(0).withSlowDelay(Duration.ofSeconds(2));
    }

    static void subscribe(Worldwire app, PublisherWorld world) {
        Demo.subscribe(app, world);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WITHIN + ": " + what);
            Thread.sleep(100);
        }
    }

    static Set<String> storedUrls(Worldwire app) {
        return app.articles().list(ArticleQuery.latest(1000)).stream().map(Article::url).collect(Collectors.toSet());
    }

    static Set<String> publishedUrls(PublisherWorld world, boolean includeFaulty) {
        Set<Integer> faulty = world.publishers().stream().filter(Publisher::faulty).map(Publisher::index).collect(Collectors.toSet());
        return world.truth().values().stream().filter(p -> includeFaulty || !faulty.contains(p.publisher()))
                .map(Publication::url).collect(Collectors.toSet());
    }

    @Test
    void publishedArticlesAreStoredIndexedAndAnnouncedWithTheirText() throws Exception {
        try (PublisherWorld world = PublisherWorld.start(world(4, 0));
                Worldwire app = Worldwire.start(config(data))) {
            Set<Long> announced = ConcurrentHashMap.newKeySet();
            app.events().onArticle(a -> announced.add(a.id()));
            subscribe(app, world);
            await("the backlog is stored", () -> storedUrls(app).containsAll(publishedUrls(world, true)));

            var fresh = List.of(world.publishNow(0), world.publishNow(1), world.publishNow(2), world.publishNow(3));
            long published = System.nanoTime();
            await("new articles are stored", () -> storedUrls(app).containsAll(
                    fresh.stream().map(a -> a.url().toString()).toList()));
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(20));

            for (var sim : fresh) {
                Article a = app.articles().list(ArticleQuery.latest(100)).stream()
                        .filter(x -> x.url().equals(sim.url().toString())).findFirst().orElseThrow();
                assertThat(a.paragraphs()).as("extracted text of %s", a.url()).isNotEmpty();
                assertThat(a.text()).doesNotContain("Advertisement").doesNotContain("This website uses cookies");
                assertThat(a.title()).isEqualTo(sim.title());
                await("announced " + a.id(), () -> announced.contains(a.id()));
                // a word of the title, quoted: a title may hold characters of the query syntax
                String word = "\"" + sim.title().split("\\s+")[0].replace("\"", "") + "\"";
                await("indexed " + a.id(), () -> app.search().search(SearchQuery.of(word)).hits().stream()
                        .anyMatch(h -> h.articleId() == a.id()));
            }
            await("the backlog is empty once everything is stored", () ->
                    app.metrics().get("worldwire.backlog.entries").gauge().value() == 0
                            && app.metrics().get("worldwire.backlog.age").gauge().value() == 0);
        }
    }

    @Test
    void aRestartNeitherLosesNorDuplicates() throws Exception {
        try (PublisherWorld world = PublisherWorld.start(world(3, 0))) {
            try (Worldwire app = Worldwire.start(config(data))) {
                subscribe(app, world);
                await("the backlog is stored", () -> storedUrls(app).containsAll(publishedUrls(world, true)));
            }
            for (int i = 0; i < 6; i++) world.publishNow(i % 3); // published while we are down
            try (Worldwire app = Worldwire.start(config(data))) {
                await("everything is stored", () -> storedUrls(app).containsAll(publishedUrls(world, true)));
                List<Article> all = app.articles().list(ArticleQuery.latest(1000));
                assertThat(all).hasSize(publishedUrls(world, true).size());
                assertThat(all.stream().map(Article::url).distinct()).hasSize(all.size());
                assertThat(app.queue().pendingCount()).isZero();
            }
        }
    }

    @Test
    void faultySourcesAreReportedAndDoNotStopTheOthers() throws Exception {
        try (PublisherWorld world = PublisherWorld.start(world(10, 0.5));
                Worldwire app = Worldwire.start(config(data).withFetch(
                        config(data).fetch().withTotalTimeout(Duration.ofSeconds(1))))) {
            subscribe(app, world);
            for (Publisher p : world.publishers()) if (!p.faulty()) world.publishNow(p.index());
            await("every healthy publisher's articles are stored",
                    () -> storedUrls(app).containsAll(publishedUrls(world, false)));
            Set<String> faultyFeeds = world.publishers().stream()
                    // A wrong charset is repaired, not an error; a 404 article page keeps the feed's text.
                    .filter(p -> p.faulty() && p.fault() != org.worldwire.sim.FaultKind.WRONG_CHARSET
                            && p.fault() != org.worldwire.sim.FaultKind.ARTICLE_404)
                    .map(p -> p.feedUrl().toString()).collect(Collectors.toSet());
            await("faulty feeds are reported: " + faultyFeeds, () -> app.sources().health().stream()
                    .filter(h -> faultyFeeds.contains(h.source().feedUrl()))
                    .allMatch(h -> h.lastError() != null));
            assertThat(faultyFeeds).isNotEmpty();
            assertThat(app.sources().health()).filteredOn(h -> !faultyFeeds.contains(h.source().feedUrl())
                    && world.publishers().stream().anyMatch(p -> !p.faulty() && p.feedUrl().toString().equals(h.source().feedUrl())))
                    .allMatch(SourceHealth::healthy);
        }
    }
}
