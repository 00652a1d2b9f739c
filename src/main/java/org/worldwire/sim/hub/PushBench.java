package org.worldwire.sim.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;
import org.worldwire.websub.Subscriptions;
import org.worldwire.websub.WebSubCallback;
import org.worldwire.websub.http.WebSubSubscriber;

/**
 * Publish-to-received latency of WebSub push, in real time on loopback: N sources subscribe through the real
 * {@link WebSubSubscriber} to a {@link SimHub}; publishers then ping the hub with new entries at random (Poisson)
 * moments; the subscriber's callback endpoint runs {@link WebSubCallback} (signature check) and parses the body with
 * {@link FeedParser}. The delay of an entry runs from the publisher's ping to the moment its parsed entry is in hand.
 */
public final class PushBench {
    /**
     * @param published entries pinged
     * @param received entries that arrived, parsed, with a valid signature
     * @param p50Ms median publish-to-received delay
     * @param p95Ms 95th percentile
     * @param maxMs worst
     * @param rejected notifications the callback refused or ignored (bad signature, unknown subscription)
     */
    public record Result(int sources, int subscribed, long published, long received, double p50Ms, double p95Ms,
            double p99Ms, double maxMs, long rejected, Duration ran) {}

    /** Pings in the first seconds warm the JIT and the connection pools and are not measured. */
    static final Duration WARMUP = Duration.ofSeconds(2);

    private PushBench() {}

    public static Result run(int sources, Duration duration, double publishesPerSecond, long seed)
            throws IOException, InterruptedException {
        Subscriptions subscriptions = new Subscriptions();
        WebSubCallback callback = new WebSubCallback(subscriptions);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] delays = new long[(int) Math.min(50_000_000, Math.max(1024, publishesPerSecond * duration.toSeconds() * 2))];
        AtomicLong received = new AtomicLong(), rejected = new AtomicLong();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        endpoint.setExecutor(threads);
        endpoint.createContext("/websub/", ex -> serve(ex, callback, sentAt, delays, received, rejected));
        endpoint.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try (SimHub hub = SimHub.start()) {
            URI base = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/websub/");
            WebSubSubscriber subscriber = new WebSubSubscriber(client, subscriptions, base, Duration.ofSeconds(5));
            URI[] topics = new URI[sources];
            for (int i = 0; i < sources; i++) topics[i] = hub.topic("feed" + i + ".xml");
            // A few dozen subscription requests at a time, as a subscriber working through a new OPML file would.
            java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(32);
            List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < sources; i++) {
                int id = i;
                gate.acquire();
                pending.add(threads.submit(() -> {
                    try {
                        subscriber.subscribe("s" + id, id, hub.uri(), topics[id], Instant.now());
                    } finally {
                        gate.release();
                    }
                }));
            }
            for (var f : pending) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("subscribe failed", e.getCause());
                }
            }
            // Requests the hub lost or could not verify are sent again, as the renewal loop does for stuck ones.
            for (int round = 0; round < 3 && subscriptions.active(Instant.now()) < sources; round++) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (subscriptions.active(Instant.now()) < sources && System.nanoTime() < deadline) Thread.sleep(20);
                for (int i = 0; i < sources; i++) {
                    var s = subscriptions.find("s" + i).orElseThrow();
                    if (!s.pushing(Instant.now())) subscriber.renew(s);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (subscriptions.active(Instant.now()) < sources && System.nanoTime() < deadline) Thread.sleep(20);
            int subscribed = (int) subscriptions.active(Instant.now());

            // Feeds are skewed as in the polling world: a few topics get most of the pings.
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] weight = new double[sources];
            double total = 0;
            for (int i = 0; i < sources; i++) total += weight[i] = Math.pow(10, 0.75 * rnd.nextGaussian());
            double[] cumulative = new double[sources];
            double acc = 0;
            for (int i = 0; i < sources; i++) cumulative[i] = acc += weight[i] / total;
            Map<Integer, FeedTail> recent = new HashMap<>();
            long warmupEnd = System.nanoTime() + WARMUP.toNanos();
            long start = warmupEnd;
            long end = start + duration.toNanos();
            double next = System.nanoTime();
            long published = 0;
            while (true) {
                next += -Math.log(1 - rnd.nextDouble()) / publishesPerSecond * 1e9;
                if (next >= end) break;
                long wait = (long) next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                int topic = Math.min(sources - 1, Math.abs(Arrays.binarySearch(cumulative, rnd.nextDouble()) + 1));
                String entryId = "urn:sim:" + topic + ":" + published;
                byte[] doc = recent.computeIfAbsent(topic, t -> new FeedTail()).add(entryId, topics[topic]);
                long now = System.nanoTime();
                if (now >= warmupEnd) {
                    sentAt.put(entryId, now);
                    published++;
                }
                hub.publish(topics[topic], doc, "application/atom+xml");
            }
            // Let the last pushes land.
            long drain = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (received.get() < published && System.nanoTime() < drain) Thread.sleep(10);
            Duration ran = Duration.ofNanos(System.nanoTime() - start);
            int n = (int) Math.min(received.get(), delays.length);
            long[] d = Arrays.copyOf(delays, n);
            Arrays.sort(d);
            return new Result(sources, subscribed, published, received.get(), pct(d, 0.50), pct(d, 0.95), pct(d, 0.99),
                    n == 0 ? Double.NaN : d[n - 1] / 1e6, rejected.get(), ran);
        } finally {
            endpoint.stop(0);
            client.close();
            threads.close();
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    /** What the web route will do with the callback: decide, answer, and on delivery parse and ingest at once. */
    private static void serve(HttpExchange ex, WebSubCallback callback, Map<String, Long> sentAt, long[] delays,
            AtomicLong received, AtomicLong rejected) throws IOException {
        try (ex) {
            String id = ex.getRequestURI().getPath().substring("/websub/".length());
            WebSubCallback.Decision d;
            if (ex.getRequestMethod().equals("GET")) {
                String q = ex.getRequestURI().getRawQuery();
                d = callback.verify(id, SimHub.parseForm(q == null ? "" : q), Instant.now());
            } else {
                byte[] body;
                try {
                    body = SimHub.readCapped(ex.getRequestBody(), WebSubCallback.MAX_BODY_BYTES);
                } catch (IOException e) {
                    ex.sendResponseHeaders(413, -1);
                    return;
                }
                d = callback.notify(id, body, ex.getRequestHeaders().getFirst("X-Hub-Signature"),
                        ex.getRequestHeaders().getFirst("Content-Type"), Instant.now());
            }
            if (d instanceof WebSubCallback.Deliver deliver) {
                ParsedFeed feed = FeedParser.parse(deliver.content(), FeedContext.of(deliver.subscription().topic().toString()));
                long now = System.nanoTime();
                for (FeedEntry e : feed.entries()) {
                    Long sent = e.id() == null ? null : sentAt.remove(e.id());
                    if (sent == null) continue; // seen before: fat pings repeat recent entries
                    long k = received.getAndIncrement();
                    if (k < delays.length) delays[(int) k] = now - sent;
                }
            } else if (ex.getRequestMethod().equals("POST")) {
                rejected.incrementAndGet();
            }
            byte[] b = d.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(d.status(), b.length == 0 ? -1 : b.length);
            if (b.length > 0) ex.getResponseBody().write(b);
        }
    }

    /** The last few entries of one feed, rendered as the Atom document a fat ping carries. */
    private static final class FeedTail {
        private final java.util.ArrayDeque<String> ids = new java.util.ArrayDeque<>();

        byte[] add(String id, URI topic) {
            ids.addFirst(id);
            if (ids.size() > 5) ids.removeLast();
            StringBuilder sb = new StringBuilder(512);
            sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                    .append("<title>Simulated feed</title><id>").append(topic).append("</id>")
                    .append("<link rel=\"self\" href=\"").append(topic).append("\"/>");
            for (String e : ids) {
                sb.append("<entry><id>").append(e).append("</id><title>Entry ").append(e)
                        .append("</title><link href=\"").append(topic).append('/').append(e.replace(':', '-'))
                        .append("\"/><updated>").append(Instant.now()).append("</updated></entry>");
            }
            return sb.append("</feed>").toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
