package org.worldwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.cluster.StoryClusterer;
import org.worldwire.events.LocalEventBus;
import org.worldwire.events.NewsEvent;
import org.worldwire.fetch.FetchConfig;
import org.worldwire.fetch.Fetcher;
import org.worldwire.fetch.RobotsPolicy;
import org.worldwire.model.Article;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.search.SearchIndex;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * A shared work queue delivers at least once: a worker killed after its store transaction and before it
 * acknowledged the entry leaves an article that is stored but maybe not indexed, placed or announced, and the entry
 * goes to another worker. That worker must finish the article, not count it as a duplicate.
 */
class RedeliveryTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final String PAGE = """
            <html><head><title>Harbour cranes collapse in storm</title></head><body><article>
            <h1>Harbour cranes collapse in storm</h1>
            <p>Two container cranes collapsed at the harbour of Valparaiso overnight as gusts of 140 km/h swept the
            coast of central Chile, the port authority said on Sunday.</p>
            <p>Nobody was hurt, but the terminal will stay closed for at least a week while engineers inspect the quay.</p>
            </article></body></html>""";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    @Test
    void anEntryDeliveredAgainAfterItsWorkerDiedIsIndexedPlacedAndAnnounced() throws Exception {
        HttpServer publisher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publisher.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        publisher.start();
        open.add(() -> publisher.stop(0));
        String base = "http://127.0.0.1:" + publisher.getAddress().getPort();

        SqliteStore store = open(SqliteStore.open(dir.resolve("ww.db"), InstantSource.system()));
        Fetcher fetcher = open(new Fetcher(FetchConfig.defaults().allowingLoopback()));
        Source source = store.sources().add(Source.of(base + "/feed.xml"));
        String url = base + "/news/cranes";
        PendingEntry entry = store.queue().enqueue(source.id(), List.of(new NewEntry(url, url,
                new FeedEntry(url, url, "Harbour cranes collapse in storm", "Two cranes collapsed.", null, NOW, null,
                        null, List.of(), List.of()))), NOW, new PollRecord(NOW, 200, 1, null, null, null)).getFirst();

        // The first worker stores the article, then dies: its index, stories and listeners never hear of it.
        LuceneSearchIndex lostIndex = open(LuceneSearchIndex.open(dir.resolve("lost-index")));
        Article stored = pipeline(store, fetcher, lostIndex, new LocalEventBus(), null).process(entry).orElseThrow();
        assertThat(stored.storyId()).isZero();

        LuceneSearchIndex index = open(LuceneSearchIndex.open(dir.resolve("index")));
        var events = new LocalEventBus();
        List<NewsEvent> heard = new CopyOnWriteArrayList<>();
        events.subscribe(heard::add);
        StoryPlacement stories = new StoryPlacement(new StoryClusterer(), store.stories(), store.articles(),
                Duration.ofDays(3), 1_000, metrics);
        ArticlePipeline second = pipeline(store, fetcher, index, events, stories);

        Article finished = second.process(entry).orElseThrow();

        assertThat(finished.id()).isEqualTo(stored.id());
        assertThat(store.articles().count()).isEqualTo(1);
        index.refresh();
        assertThat(index.contains(stored.id())).as("indexed").isTrue();
        assertThat(store.articles().find(stored.id()).orElseThrow().storyId()).as("placed").isPositive();
        assertThat(heard).filteredOn(NewsEvent.ArticleStored.class::isInstance).hasSize(1);
        assertThat(heard).filteredOn(NewsEvent.StoryUpdated.class::isInstance).hasSize(1);
        assertThat(metrics.counter("worldwire.articles.redelivered").count()).isEqualTo(1);
        assertThat(metrics.counter("worldwire.articles.duplicates").count()).isZero();

        // An entry whose page was stored meanwhile by another way in is a duplicate: nothing announced.
        String later = base + "/news/later";
        PendingEntry listedTwice = store.queue().enqueue(source.id(), List.of(new NewEntry(later, later,
                new FeedEntry(later, later, "Port reopens", null, null, NOW, null, null, List.of(), List.of()))),
                NOW, new PollRecord(NOW, 200, 1, null, null, null)).getFirst();
        store.articles().addIfNew(new Article(0, source.id(), later, "pushed", "Port reopens", null, null, NOW,
                List.of("The port reopened."), null, null, "en", List.of(), List.of()));
        heard.clear();
        assertThat(second.process(listedTwice)).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(metrics.counter("worldwire.articles.duplicates").count()).isEqualTo(1);
    }

    private ArticlePipeline pipeline(SqliteStore store, Fetcher fetcher, SearchIndex index, LocalEventBus events,
            StoryPlacement stories) {
        IngestConfig ingest = IngestConfig.defaults();
        LocalWorkQueue work = open(new LocalWorkQueue(ingest.queueCapacity()));
        ArticlePipeline pipeline = open(new ArticlePipeline(ingest, work, fetcher, new RobotsPolicy(fetcher, InstantSource.system()),
                store.sources(), store.queue(), index, events, Enrichment.deferred(), stories, metrics, InstantSource.system()));
        pipeline.start();
        return pipeline;
    }

    private <T extends AutoCloseable> T open(T c) {
        open.add(c);
        return c;
    }
}
