package org.worldwire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.worldwire.dedup.UrlCanonicalizer;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;
import org.worldwire.model.Source;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimArticle;
import org.worldwire.sim.SimConfig;

/**
 * A corpus of new articles as the article pipeline receives them, made by the publisher simulator: each with its
 * source (from the world's OPML, as {@code Demo.subscribe} adds them), its entry from the publisher's feed (parsed
 * and canonicalised as {@link RefreshSource} does) and the page bytes served for its URL. Pages come over loopback
 * from a {@link PublisherWorld}, so they are the simulator's real-looking pages in its several languages and site
 * templates, agency copies included. For the benchmarks of the ingest stages; needs nothing outside the project.
 */
final class SimulatedArticles {
    /** One article waiting for its page to be read: what a {@code PendingEntry} and its fetched page hold. */
    record Item(Source source, String url, String guid, FeedEntry entry, Instant discovered, byte[] page,
            String finalUrl, @Nullable String contentType) {}

    private SimulatedArticles() {}

    /**
     * Publishes {@code count} articles in a world of {@code publishers} healthy publishers and reads them back.
     * Sources get ids 1, 2, 3… in the world's order.
     */
    static List<Item> make(int count, int publishers, long seed) {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
        SimConfig config = SimConfig.defaults().withPublishers(publishers).withSeed(seed).withFaultyShare(0)
                .withInitialArticles(0).withAutoPublish(false).withFeedSize(count).withMaxCachedArticles(count + 16);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (PublisherWorld world = PublisherWorld.start(config)) {
            List<SimArticle> published = new ArrayList<>(count);
            for (int i = 0; i < count; i++) published.add(world.publishNow());

            Map<String, Source> sources = new HashMap<>();
            long id = 1;
            for (OpmlSource s : Opml.read(world.opml().getBytes(StandardCharsets.UTF_8))) {
                Source source = s.toSource(DisplayPolicy.FULL_TEXT);
                sources.put(source.feedUrl(), new Source(id++, source.feedUrl(), source.title(), source.siteUrl(),
                        source.country(), source.language(), source.displayPolicy()));
            }

            // Feed entries by canonical URL, as the poller finds them.
            Map<String, Candidate> entries = new LinkedHashMap<>();
            for (var p : world.publishers()) {
                Source source = sources.get(p.feedUrl().toString());
                if (source == null) throw new IllegalStateException("no source in the OPML for " + p.feedUrl());
                HttpResponse<byte[]> feed = get(http, p.feedUrl());
                ParsedFeed parsed = FeedParser.parse(feed.body(), new FeedContext(feed.uri().toString(),
                        feed.headers().firstValue("Content-Type").orElse(null), null));
                String base = parsed.link() != null ? parsed.link() : source.feedUrl();
                for (FeedEntry e : parsed.entries()) {
                    if (e.link() == null) continue;
                    String url = UrlCanonicalizer.canonicalize(e.link(), base);
                    String guid = e.id() != null && !e.id().isBlank() ? e.id().strip() : url;
                    entries.putIfAbsent(url, new Candidate(source, guid, e));
                }
            }

            List<Item> items = new ArrayList<>(count);
            for (SimArticle a : published) {
                String url = UrlCanonicalizer.canonicalize(a.feedLink().toString());
                Candidate c = entries.get(url);
                if (c == null) throw new IllegalStateException("article not in its feed: " + url);
                HttpResponse<byte[]> page = get(http, URI.create(url));
                items.add(new Item(c.source(), url, c.guid(), c.entry(), a.publishedAt(), page.body(),
                        page.uri().toString(), page.headers().firstValue("Content-Type").orElse(null)));
            }
            return items;
        }
    }

    private record Candidate(Source source, String guid, FeedEntry entry) {}

    private static HttpResponse<byte[]> get(HttpClient http, URI uri) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException("simulator answered " + r.statusCode() + " for " + uri);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri + " from the simulator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + uri, e);
        }
    }
}
