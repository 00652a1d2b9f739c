package org.worldwire.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.worldwire.events.LocalEventBus;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Story;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.store.sqlite.SqliteStore;

/**
 * The web app over the real SQLite store and Lucene index in a temporary directory, on a loopback port, with
 * helpers to add sources and publish articles the way the pipeline does (store, index, announce).
 */
final class SiteFixture implements AutoCloseable {
    final SqliteStore store;
    final LuceneSearchIndex index;
    final LocalEventBus events = new LocalEventBus();
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final WebApp web;
    final int port;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger seq = new AtomicInteger();

    SiteFixture(Path dir) {
        this(dir, WebConfig.defaults());
    }

    SiteFixture(Path dir, WebConfig config) {
        store = SqliteStore.open(dir.resolve("worldwire.db"), InstantSource.system());
        index = LuceneSearchIndex.open(dir.resolve("index"));
        web = new WebApp(config.withBaseUrl("http://127.0.0.1"), store.sources(), store.articles(), store.stories(), index,
                events, metrics);
        port = web.start("127.0.0.1", 0);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Source source(String title, @Nullable String country, DisplayPolicy policy) {
        return store.sources().add(new Source(0, "http://127.0.0.1:9/" + title.hashCode() + "/feed.xml", title,
                "http://127.0.0.1:9/", country, "en", policy));
    }

    Article publish(Source s, String title, List<String> paragraphs, List<String> countries) {
        return publish(s, title, paragraphs, countries, "en", null, null);
    }

    /** An article that mentions {@code countries} but is about {@code primary} only. */
    Article publishAbout(Source s, String title, List<String> primary, List<String> countries) {
        return publish(s, title, List.of("Text."), countries, primary, "en", null, null);
    }

    Article publish(Source s, String title, List<String> paragraphs, List<String> countries, @Nullable String lang,
            @Nullable String byline, @Nullable String leadImage) {
        return publish(s, title, paragraphs, countries, countries, lang, byline, leadImage);
    }

    /** Stores, indexes and announces an article as the pipeline would, as a story of its own. */
    Article publish(Source s, String title, List<String> paragraphs, List<String> countries, List<String> primary,
            @Nullable String lang, @Nullable String byline, @Nullable String leadImage) {
        return publish(s, title, paragraphs, countries, primary, lang, byline, leadImage, 0, 0);
    }

    /** A report of the story {@code storyId}, or a copy of article {@code copyOf} (which it then joins). */
    Article report(long storyId, long copyOf, Source s, String title, List<String> countries) {
        return publish(s, title, List.of("Report text of " + title + "."), countries, countries, "en", null, null, storyId,
                copyOf);
    }

    /**
     * Stores, places, indexes and announces an article as the pipeline would: in story {@code storyId}, or as a new
     * story when it is 0; the story's lead stays its founding article.
     */
    Article publish(Source s, String title, List<String> paragraphs, List<String> countries, List<String> primary,
            @Nullable String lang, @Nullable String byline, @Nullable String leadImage, long storyId, long copyOf) {
        int n = seq.incrementAndGet();
        Instant now = Instant.now();
        Article a = new Article(0, s.id(), "http://127.0.0.1:9/news/" + n + "-" + System.nanoTime(), "guid-" + n + "-" + System.nanoTime(),
                title, byline, now.minusSeconds(30), now, paragraphs, null, leadImage, lang, countries, primary);
        Article stored = store.articles().addIfNew(a).orElseThrow();
        long story = storyId == 0 ? stored.id() : storyId;
        Story placed = store.stories().place(stored.id(), story, copyOf, List.of(), story);
        stored = stored.inStory(story, copyOf);
        index.index(stored);
        index.refresh();
        events.articleStored(stored);
        events.publish(new NewsEvent.StoryUpdated(placed, storyId == 0, List.of()));
        return stored;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postForm(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        web.stop();
        index.close();
        store.close();
    }
}
