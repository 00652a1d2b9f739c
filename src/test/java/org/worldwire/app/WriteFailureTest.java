package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Source;

/**
 * While the database refuses writes (here: another process holds its write lock past the busy timeout, as a
 * full disk or a read-only remount would), the site keeps serving what it has; ingest resumes afterwards, and
 * what failed in between is picked up again on restart.
 */
class WriteFailureTest {
    @TempDir Path dir;

    @Test
    void readsAreServedWhileWritesFailAndNothingIsLostAfterRestart() throws Exception {
        long start = System.currentTimeMillis();
        HttpServer pub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pub.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String base = "http://127.0.0.1:" + pub.getAddress().getPort();
        pub.createContext("/robots.txt", ex -> reply(ex, 404, "none"));
        pub.createContext("/feed", ex -> {
            long n = (System.currentTimeMillis() - start) / 250 + 1;
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>");
            for (long k = n - 1; k >= Math.max(0, n - 300); k--) {
                rss.append("<item><guid>g").append(k).append("</guid><title>Lockstep item ").append(k).append("</title><link>")
                        .append(base).append("/a/").append(k).append("</link><description>Item ").append(k)
                        .append(".</description></item>");
            }
            reply(ex, 200, rss.append("</channel></rss>").toString());
        });
        pub.createContext("/a/", ex -> reply(ex, 200, "<html><body><article><p>Text of " + ex.getRequestURI()
                + " long enough to count as a paragraph of an article page for the extractor.</p></article></body></html>"));
        pub.start();
        Path data = dir.resolve("data");
        HttpClient http = HttpClient.newHttpClient();
        try {
            try (Worldwire w = Worldwire.start(CrashChild.config(data))) {
                w.addSource(Source.of(base + "/feed"));
                await(Duration.ofSeconds(30), () -> w.articles().count() >= 5);

                try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("worldwire.db").toAbsolutePath());
                        Statement st = lock.createStatement()) {
                    st.execute("PRAGMA busy_timeout = 10000");
                    st.execute("BEGIN IMMEDIATE");
                    long before = w.articles().count();
                    long lockedUntil = System.currentTimeMillis() + 13_000;
                    while (System.currentTimeMillis() < lockedUntil) {
                        for (String path : new String[] {"/", "/api/v1/articles?limit=5"}) {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + w.port() + path)).timeout(Duration.ofSeconds(5)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            assertThat(r.statusCode()).as("%s while writes fail", path).isEqualTo(200);
                            assertThat(r.body()).contains("Lockstep item");
                        }
                        Thread.sleep(500);
                    }
                    assertThat(w.articles().count()).as("no write got through the lock").isEqualTo(before);
                    st.execute("ROLLBACK");
                }
                long afterLock = w.articles().count();
                await(Duration.ofSeconds(30), () -> w.articles().count() > afterLock);
            }
            try (Worldwire w = Worldwire.start(CrashChild.config(data))) {
                await(Duration.ofSeconds(30), () -> w.queue().pendingCount() == 0);
                assertThat(w.articles().count()).isGreaterThan(5);
            }
        } finally {
            pub.stop(0);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws java.io.IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static void await(Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not done within " + limit);
            Thread.sleep(200);
        }
    }
}
