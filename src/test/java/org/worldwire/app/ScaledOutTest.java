package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.events.kafka.KafkaBroker;
import org.worldwire.model.Article;
import org.worldwire.model.FeedEntry;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.search.SearchQuery;
import org.worldwire.sim.Publication;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;
import org.worldwire.store.ArticleQuery;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.postgres.PostgresServer;
import org.worldwire.store.postgres.PostgresStore;

/**
 * Issue 12: the whole system (role all) on a real PostgreSQL and a real Kafka broker on loopback, watching simulated
 * publishers: every article stored once in PostgreSQL, announced over the Kafka events topic to the live stream,
 * searchable.
 */
@Tag("postgres")
@Tag("kafka")
class ScaledOutTest {
    static final Duration WITHIN = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaBroker broker = new KafkaBroker();

    @TempDir
    Path data;

    static Config config(Path dir, Deployment deployment) {
        return Config.defaults().withDataDir(dir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld()
                .withSchedule(new ScheduleConfig(6_000, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ZERO))
                .withDeployment(deployment);
    }

    static SimConfig world(int publishers) {
        return SimConfig.defaults().withPublishers(publishers).withFaultyShare(0).withAutoPublish(false)
                .withInitialArticles(2).withSyndicatedShare(0);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + WITHIN + ": " + what);
            Thread.sleep(100);
        }
    }

    static List<String> storedUrls(Worldwire app) {
        return app.articles().list(ArticleQuery.latest(1000)).stream().map(Article::url).toList();
    }

    @Test
    void roleAllOnPostgresAndKafkaStoresEveryArticleOnceAndStreamsItFromTheEventsTopic() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createMigratedDatabase();
        Deployment scaled = Deployment.EMBEDDED.withStore(pg.url(db)).withKafka(broker.bootstrapServers())
                .withKafkaPrefix("all.");
        HttpClient http = HttpClient.newHttpClient();
        try (PublisherWorld world = PublisherWorld.start(world(3));
                Worldwire app = Worldwire.start(config(data, scaled))) {
            Set<Long> announced = ConcurrentHashMap.newKeySet();
            app.events().onArticle(a -> announced.add(a.id()));
            List<String> streamed = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/stream"))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                            .body().forEach(streamed::add);
                } catch (Exception e) {
                    // the server closing ends the stream
                }
            });
            Demo.subscribe(app, world);
            Set<String> backlog = world.truth().values().stream().map(Publication::url).collect(Collectors.toSet());
            await("the publishers' backlog is stored", () -> storedUrls(app).containsAll(backlog));

            var fresh = world.publishNow(1);
            String url = fresh.url().toString();
            await("a new article is stored", () -> storedUrls(app).contains(url));
            Article stored = app.articles().list(ArticleQuery.latest(1000)).stream().filter(a -> a.url().equals(url))
                    .findFirst().orElseThrow();
            assertThat(stored.title()).isEqualTo(fresh.title());
            await("announced over the Kafka events topic", () -> announced.contains(stored.id()));
            await("streamed to a client of /api/v1/stream", () -> streamed.stream().anyMatch(l -> l.contains(url)));
            // the longest word: with language analysis a short first word ("The") may be a stop word that finds nothing
            String word = java.util.Arrays.stream(fresh.title().split("[\\s\\p{Punct}]+"))
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            await("searchable", () -> app.search().search(SearchQuery.of(word)).hits().stream()
                    .anyMatch(h -> h.articleId() == stored.id()));
            await("nothing left pending", () -> app.queue().pendingCount() == 0);

            // In PostgreSQL, as another process sees it, and each article once.
            try (PostgresStore other = PostgresStore.open(pg.url(db), InstantSource.system())) {
                List<String> urls = other.articles().list(ArticleQuery.latest(1000)).stream().map(Article::url).toList();
                assertThat(urls).doesNotHaveDuplicates().contains(url).containsAll(backlog);
                assertThat(other.articles().count()).isEqualTo(backlog.size() + 1);
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(app.polling()).as("the only poller holds the lease").isTrue();
        } finally {
            pg.dropDatabase(db);
        }
    }

    @Test
    void aPollerAWorkerAndAWebNodeShareTheWorkThroughPostgresAndKafka(@TempDir Path web, @TempDir Path worker,
            @TempDir Path poller) throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createMigratedDatabase();
        Deployment shared = Deployment.EMBEDDED.withStore(pg.url(db)).withKafka(broker.bootstrapServers())
                .withKafkaPrefix("split.");
        HttpClient http = HttpClient.newHttpClient();
        try (PublisherWorld world = PublisherWorld.start(world(2));
                Worldwire site = Worldwire.start(config(web, shared.withRole(Role.WEB)));
                Worldwire work = Worldwire.start(config(worker, shared.withRole(Role.WORKER)));
                Worldwire poll = Worldwire.start(config(poller, shared.withRole(Role.POLLER)))) {
            List<String> streamed = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + "/api/v1/stream"))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                            .body().forEach(streamed::add);
                } catch (Exception e) {
                    // the server closing ends the stream
                }
            });
            Demo.subscribe(poll, world);
            Set<String> backlog = world.truth().values().stream().map(Publication::url).collect(Collectors.toSet());
            await("the worker stores the backlog the poller found", () -> storedUrls(site).containsAll(backlog));
            var fresh = world.publishNow(0);
            String url = fresh.url().toString();
            await("the web node streams the new article", () -> streamed.stream().anyMatch(l -> l.contains(url)));
            Article stored = site.articles().list(ArticleQuery.latest(1000)).stream().filter(a -> a.url().equals(url))
                    .findFirst().orElseThrow();
            // the longest word: with language analysis a short first word ("The") may be a stop word that finds nothing
            String word = java.util.Arrays.stream(fresh.title().split("[\\s\\p{Punct}]+"))
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            await("the web node's own index learned it from the events topic", () -> site.search()
                    .search(SearchQuery.of(word)).hits().stream().anyMatch(h -> h.articleId() == stored.id()));
            assertThat(storedUrls(site)).doesNotHaveDuplicates();

            assertThat(get(http, site, "/health")).contains("\"status\":\"ok\"");
            assertThat(get(http, site, "/")).contains("<html");
            assertThat(get(http, work, "/health")).contains("\"role\":\"worker\"").contains("\"polling\":false");
            assertThat(get(http, poll, "/health")).contains("\"role\":\"poller\"").contains("\"polling\":true");
            assertThat(work.polling()).isFalse();
            assertThat(poll.polling()).isTrue();
        } finally {
            pg.dropDatabase(db);
        }
    }

    @Test
    void anEntryNoWorkerFinishedIsSubmittedAgainOnceTheQueueIsDrained() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String db = pg.createMigratedDatabase();
        Deployment scaled = Deployment.EMBEDDED.withStore(pg.url(db)).withKafka(broker.bootstrapServers())
                .withKafkaPrefix("orphan.").withPollerLease(Duration.ofSeconds(2)); // a sweep every 8 s
        try (PublisherWorld world = PublisherWorld.start(world(1));
                Worldwire app = Worldwire.start(config(data, scaled))) {
            Demo.subscribe(app, world);
            Set<String> backlog = world.truth().values().stream().map(Publication::url).collect(Collectors.toSet());
            await("the backlog is stored", () -> storedUrls(app).containsAll(backlog));
            // As a worker that stopped while fetching leaves it: pending in the store, done in Kafka.
            long source = app.sources().all().getFirst().id();
            Instant discovered = Instant.now().minus(Duration.ofMinutes(1));
            String url = "http://127.0.0.1:1/orphan";
            var entry = new FeedEntry("orphan", url, "Orphaned entry", "What the feed said.", null, discovered, null, null,
                    List.of(), List.of());
            app.queue().enqueue(source, List.of(new NewEntry(url, "orphan", entry)), discovered,
                    new PollRecord(discovered, 200, 1, null, null, null));
            await("the orphan is submitted again and stored", () -> storedUrls(app).contains(url));
            await("nothing left pending", () -> app.queue().pendingCount() == 0);
            assertThat(storedUrls(app)).doesNotHaveDuplicates();
        } finally {
            pg.dropDatabase(db);
        }
    }

    static String get(HttpClient http, Worldwire app, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
