package org.worldwire.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.worldwire.dedup.UrlCanonicalizer;
import org.worldwire.sim.FeedFormat;
import org.worldwire.sim.Publisher;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimArticle;
import org.worldwire.sim.SimConfig;
import org.worldwire.sim.hub.SimHub;

/**
 * Publish-to-visible delay of WebSub push through the whole running system, in real time on loopback.
 *
 * <p>A world of simulated publishers, each pinging a {@link SimHub} on every publication (a form POST of
 * {@code hub.mode=publish}, as real publishers ping their hub); a real Worldwire (SQLite and Lucene in a
 * temporary data directory, its HTTP server, its {@code /websub/{id}} callback) that has every publisher as a
 * source and subscribes to the hubs its first polls reveal; a reader connected to the live stream
 * {@code /api/v1/stream} over HTTP.
 *
 * <p>An article is <em>visible</em> when its {@code article} event reaches that reader: the event is sent after
 * the article's store transaction committed, so from then on {@code GET /api/v1/articles/{id}} returns it, which
 * the bench checks for every article as it arrives. The delay of an article runs from its publication at the
 * simulator (just before the publisher pings the hub) to that moment; in between are the ping, the hub fetching
 * the feed and pushing it to the callback, the signature check, parsing, the new-entry check, the page fetch,
 * extraction, enrichment, the store commit, indexing, the announcement and the stream's write.
 *
 * <p>Only articles of sources whose subscription the hub has verified are measured (the simulator's RSS 1.0
 * feeds name no hub: those sources are polled), and only after a warm-up.
 */
public final class PushVisibleBench {
    /**
     * @param sources publishers in the world, all added as sources
     * @param pushCapable sources whose feed names a hub
     * @param subscribed sources with a subscription the hub verified before publishing began
     * @param published articles published at subscribed sources during the measured period
     * @param visible those that reached the stream's reader
     * @param lost those that did not within the drain time after the period
     * @param lostButStored lost ones that the store holds all the same: stored, yet never reached the reader
     * @param apiConfirmed visible articles that {@code GET /api/v1/articles/{id}} returned when the reader got them
     * @param publishToDiscoveredP95Ms 95th percentile of publication to the entry's discovery (the push arriving)
     * @param discoveredToVisibleP95Ms 95th percentile of discovery to the reader's receipt (pipeline and stream)
     * @param polls feed polls the system made during the measured period (push should leave few)
     */
    public record Result(int sources, int pushCapable, int subscribed, long published, long visible, long lost,
            long lostButStored, long apiConfirmed, double p50Ms, double p95Ms, double p99Ms, double maxMs, double publishToDiscoveredP95Ms,
            double discoveredToVisibleP95Ms, long polls, long pings, Duration setup, Duration measured) {}

    private record Sent(long nanos, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private PushVisibleBench() {}

    /**
     * @param ratePerSecond articles per second across the world, skewed over publishers as in real news
     * @param warmup publishing before the measured period, after every subscription is verified
     */
    public static Result run(int sources, double ratePerSecond, Duration warmup, Duration measure, long seed, Path dataDir)
            throws InterruptedException {
        long setupStart = System.nanoTime();
        SimConfig sim = SimConfig.defaults().withPublishers(sources).withSeed(seed).withFaultyShare(0)
                .withInitialArticles(1).withFeedSize(20).withSyndicatedShare(0).withAutoPublish(false)
                .withMeanRatePerMinute(ratePerSecond * 60 / sources).withRateSkew(1.0);
        // The production configuration, as a simulated world needs it: its default polling budget and intervals, so
        // polling does not stand in for push.
        Config config = Config.defaults().withDataDir(dataDir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld();
        Map<String, Sent> pending = new ConcurrentHashMap<>();
        Set<Integer> measured = ConcurrentHashMap.newKeySet();
        AtomicLong published = new AtomicLong(), visible = new AtomicLong(), apiConfirmed = new AtomicLong();
        long[] delays = new long[(int) Math.min(20_000_000, Math.max(1024, ratePerSecond * measure.toSeconds() * 2))];
        long[] toDiscovered = new long[delays.length];
        long[] toVisible = new long[delays.length];
        var measuring = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(2)).build();
        SimHub hub;
        try {
            hub = SimHub.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated hub", e);
        }
        try (hub; PublisherWorld world = PublisherWorld.start(sim.withHubUrl(hub.uri()));
                Worldwire app = Worldwire.start(config)) {
            world.addListener(a -> {
                if (measuring.get() && measured.contains(a.publisher())) {
                    pending.put(key(a), new Sent(System.nanoTime(), a.publishedAt()));
                    published.incrementAndGet();
                }
                URI feed = world.publisher(a.publisher()).feedUrl();
                threads.submit(() -> SimHub.ping(http, hub.uri(), feed));
            });
            String base = "http://127.0.0.1:" + app.port();
            Thread reader = Thread.ofVirtual().name("bench-stream-reader").start(() -> read(http, base, threads, line -> {
                long now = System.nanoTime();
                Instant wall = Instant.now();
                JsonNode article;
                try {
                    article = JSON.readTree(line);
                } catch (IOException e) {
                    return;
                }
                Sent sent = pending.remove(article.path("url").asText());
                if (sent == null) return; // the backlog, a polled source, or the warm-up
                int k = (int) visible.getAndIncrement();
                if (k < delays.length) {
                    delays[k] = now - sent.nanos();
                    Instant discovered = Instant.parse(article.path("discovered").asText());
                    toDiscovered[k] = Duration.between(sent.at(), discovered).toNanos();
                    toVisible[k] = Duration.between(discovered, wall).toNanos();
                }
                long id = article.path("id").asLong();
                threads.submit(() -> {
                    if (apiReturns(http, base, id, article.path("url").asText())) apiConfirmed.incrementAndGet();
                });
            }));

            Demo.subscribe(app, world);
            int pushCapable = 0;
            for (Publisher p : world.publishers()) if (p.format() != FeedFormat.RSS1_RDF) pushCapable++;
            // The first poll of every source reveals its hub; the default budget polls about ten sources a second.
            long deadline = System.nanoTime() + Duration.ofSeconds(30 + sources / 5).toNanos();
            while (subscribed(world, hub).size() < pushCapable && System.nanoTime() < deadline) Thread.sleep(200);
            measured.addAll(subscribed(world, hub));
            Duration setup = Duration.ofNanos(System.nanoTime() - setupStart);

            world.setTotalRatePerSecond(ratePerSecond);
            Thread.sleep(warmup);
            long polls0 = polls(app);
            long pings0 = hub.pings();
            long delivered0 = hub.delivered();
            long t0 = System.nanoTime();
            measuring.set(true);
            Thread.sleep(measure);
            measuring.set(false);
            Duration ran = Duration.ofNanos(System.nanoTime() - t0);
            // A pushed document is counted as a fetched poll too: take the hub's deliveries away.
            long polls = Math.max(0, polls(app) - polls0 - (hub.delivered() - delivered0));
            long pings = hub.pings() - pings0;
            world.setRateMultiplier(0);
            long drainEnd = System.nanoTime() + DRAIN.toNanos();
            while (!pending.isEmpty() && System.nanoTime() < drainEnd) Thread.sleep(20);
            Thread.sleep(200); // the last API checks
            reader.interrupt();
            long lostButStored = pending.keySet().stream().filter(url -> app.articles().isKnown(0, "", url)).count();
            int n = (int) Math.min(visible.get(), delays.length);
            return new Result(sources, pushCapable, measured.size(), published.get(), visible.get(), pending.size(),
                    lostButStored, apiConfirmed.get(), pct(delays, n, 0.50), pct(delays, n, 0.95), pct(delays, n, 0.99),
                    pct(delays, n, 1.0), pct(toDiscovered, n, 0.95), pct(toVisible, n, 0.95), polls, pings, setup, ran);
        } finally {
            http.close();
            threads.shutdownNow();
        }
    }

    /** The reader: the live stream's {@code data:} lines, one article each, until interrupted or the server stops. */
    private static void read(HttpClient http, String base, ExecutorService threads,
            java.util.function.Consumer<String> onArticle) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream"))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> onArticle.accept(l.substring(5).strip()));
            }
        } catch (IOException | UncheckedIOException e) {
            // the server stopped at the end of the run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean apiReturns(HttpClient http, String base, long id, String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && JSON.readTree(r.body()).path("url").asText().equals(url);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Set<Integer> subscribed(PublisherWorld world, SimHub hub) {
        Set<Integer> out = new java.util.HashSet<>();
        for (Publisher p : world.publishers()) if (hub.subscribers(p.feedUrl()) > 0) out.add(p.index());
        return out;
    }

    private static long polls(Worldwire app) {
        return (long) app.metrics().find("worldwire.polls").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String key(SimArticle a) {
        return UrlCanonicalizer.canonicalize(a.url().toString());
    }

    private static double pct(long[] values, int n, double q) {
        if (n == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(n - 1, Math.floor(q * n))] / 1e6;
    }
}
