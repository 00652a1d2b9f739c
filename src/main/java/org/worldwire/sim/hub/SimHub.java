package org.worldwire.sim.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A WebSub hub on 127.0.0.1 for tests and benchmarks. Accepts subscribe and unsubscribe requests (202), verifies each
 * subscriber's intent with a GET carrying {@code hub.challenge} to its callback, and on {@link #publish} pushes the
 * content to every verified subscriber of the topic, signed with {@code X-Hub-Signature: sha256=…} and carrying the
 * hub and self {@code Link} headers. Publishers ping it as real hubs are pinged ({@link #ping}: a form POST of
 * {@code hub.mode=publish} and {@code hub.url=<topic>}); it then fetches the topic and pushes what it got. Callbacks
 * and topics off loopback are refused: the simulator never leaves the machine.
 */
public final class SimHub implements AutoCloseable {
    private record Subscriber(URI callback, @Nullable String secret, Instant expires) {}

    private static final long MAX_LEASE_SECONDS = 10L * 24 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final HttpClient client;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Map<URI, Subscriber>> byTopic = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private final AtomicLong verificationsFailed = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();

    private SimHub(HttpServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Starts a hub on an ephemeral loopback port. */
    public static SimHub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        SimHub hub = new SimHub(server);
        server.setExecutor(hub.workers);
        server.createContext("/hub", hub::handle);
        server.start();
        return hub;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hub");
    }

    /** A topic URL under this hub's host (topics are names here; the hub does not serve them). */
    public URI topic(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/topics/" + name);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                respond(ex, 405, "POST only");
                return;
            }
            Map<String, String> form = parseForm(new String(readCapped(ex.getRequestBody(), 64 * 1024), StandardCharsets.UTF_8));
            String mode = form.getOrDefault("hub.mode", "");
            if (mode.equals("publish")) {
                // The publisher's ping names the topic that changed; the hub fetches it and pushes the new document.
                String url = form.getOrDefault("hub.url", form.get("hub.topic"));
                URI topic;
                try {
                    topic = url == null ? null : URI.create(url);
                } catch (IllegalArgumentException e) {
                    topic = null;
                }
                if (topic == null || !isLoopback(topic)) {
                    respond(ex, 400, "need hub.url, a loopback topic");
                    return;
                }
                pings.incrementAndGet();
                respond(ex, 202, "");
                URI changed = topic;
                workers.submit(() -> fetchAndPublish(changed));
                return;
            }
            String topic = form.get("hub.topic");
            String callback = form.get("hub.callback");
            if (topic == null || callback == null || !(mode.equals("subscribe") || mode.equals("unsubscribe"))) {
                respond(ex, 400, "need hub.mode (subscribe|unsubscribe), hub.topic and hub.callback");
                return;
            }
            URI cb;
            try {
                cb = URI.create(callback);
            } catch (IllegalArgumentException e) {
                respond(ex, 400, "bad hub.callback");
                return;
            }
            if (!isLoopback(cb)) {
                respond(ex, 400, "the simulated hub only calls back to loopback");
                return;
            }
            long lease = parseLease(form.get("hub.lease_seconds"));
            String secret = form.get("hub.secret");
            respond(ex, 202, "");
            workers.submit(() -> verifyIntent(mode, topic, cb, lease, secret));
        }
    }

    private void verifyIntent(String mode, String topic, URI callback, long lease, @Nullable String secret) {
        String challenge = HexFormat.of().formatHex(randomBytes(16));
        String sep = callback.getRawQuery() == null ? "?" : "&";
        URI check = URI.create(callback + sep + "hub.mode=" + enc(mode) + "&hub.topic=" + enc(topic)
                + "&hub.challenge=" + challenge + "&hub.lease_seconds=" + lease);
        HttpResponse<String> r = null;
        // One retry: a subscriber busy accepting hundreds of verifications at once may refuse a connection.
        for (int attempt = 0; attempt < 2 && r == null; attempt++) {
            try {
                r = client.send(HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                sleepQuietly(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (r == null || r.statusCode() / 100 != 2 || !r.body().equals(challenge)) {
            verificationsFailed.incrementAndGet();
            return;
        }
        Map<URI, Subscriber> subs = byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        if (mode.equals("subscribe")) subs.put(callback, new Subscriber(callback, secret, Instant.now().plusSeconds(lease)));
        else subs.remove(callback);
    }

    /**
     * The publisher's ping with the new content: pushes it to every verified subscriber of the topic, concurrently,
     * and returns at once with how many subscribers it is pushing to.
     */
    public int publish(URI topic, byte[] content, String contentType) {
        Map<URI, Subscriber> subs = byTopic.get(topic.toString());
        if (subs == null) return 0;
        Instant now = Instant.now();
        int n = 0;
        for (Subscriber s : subs.values()) {
            if (now.isAfter(s.expires())) continue;
            n++;
            HttpRequest.Builder b = HttpRequest.newBuilder(s.callback()).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", contentType)
                    .header("Link", "<" + uri() + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content));
            if (s.secret() != null) b.header("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(hmac(s.secret(), content)));
            deliver(b.build(), subs, s.callback(), 1);
        }
        return n;
    }

    /**
     * A publisher's ping (WebSub §6 as hubs implement it): tells {@code hub} that {@code topic} changed. Returns once
     * the hub accepted the ping; the pushes to subscribers follow.
     *
     * @return the hub's status, or 0 when it could not be reached
     */
    public static int ping(HttpClient client, URI hub, URI topic) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("hub.mode=publish&hub.url=" + enc(topic.toString())))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    private void fetchAndPublish(URI topic) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(topic).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
                publish(topic, r.body(), r.headers().firstValue("Content-Type").orElse("application/xml"));
            } else {
                failedDeliveries.incrementAndGet();
            }
        } catch (IOException e) {
            // A topic that does not answer cannot be pushed; its subscribers learn of it by polling.
            failedDeliveries.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers, retrying a failed delivery twice after a short pause, as real hubs retry. */
    private void deliver(HttpRequest request, Map<URI, Subscriber> subs, URI callback, int attempt) {
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, err) -> {
            if (err == null && r.statusCode() / 100 == 2) {
                delivered.incrementAndGet();
            } else if (err == null && r.statusCode() == 410) {
                subs.remove(callback); // the subscriber no longer wants it
                failedDeliveries.incrementAndGet();
            } else if (attempt < 3) {
                workers.submit(() -> {
                    sleepQuietly(250L * attempt);
                    deliver(request, subs, callback, attempt + 1);
                });
            } else {
                failedDeliveries.incrementAndGet();
            }
        });
    }

    /** Verified subscribers of a topic. */
    public int subscribers(URI topic) {
        Map<URI, Subscriber> subs = byTopic.get(topic.toString());
        return subs == null ? 0 : subs.size();
    }

    public long delivered() {
        return delivered.get();
    }

    public long failedDeliveries() {
        return failedDeliveries.get();
    }

    /** Publisher pings accepted. */
    public long pings() {
        return pings.get();
    }

    public long verificationsFailed() {
        return verificationsFailed.get();
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
        workers.close();
    }

    // Signed independently of the subscriber's code, so a test of the pair checks the protocol, not one class twice.
    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isLoopback(URI u) {
        String h = u.getHost();
        return h != null && (h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]"));
    }

    private static long parseLease(@Nullable String v) {
        try {
            return v == null ? MAX_LEASE_SECONDS : Math.clamp(Long.parseLong(v.strip()), 1, MAX_LEASE_SECONDS);
        } catch (NumberFormatException e) {
            return MAX_LEASE_SECONDS;
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static byte[] readCapped(InputStream in, int cap) throws IOException {
        byte[] b = in.readNBytes(cap + 1);
        if (b.length > cap) throw new IOException("request body over " + cap + " bytes");
        return b;
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) ex.getResponseBody().write(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
