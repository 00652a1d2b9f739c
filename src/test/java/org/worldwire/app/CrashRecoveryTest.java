package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.worldwire.search.SearchQuery;

/**
 * Kills a running Worldwire with SIGKILL at random moments (mid-ingest, and now and then mid-startup), restarts
 * it on the same data directory, and finally checks the stored set against what the publisher published:
 * nothing that was committed before a kill is gone, nothing is stored twice, nothing is missing once it catches
 * up, and the search index holds every stored article.
 */
class CrashRecoveryTest {
    private static final int FEEDS = 8;
    private static final int KILLS = 10;
    /** Each feed publishes an item this often; eight feeds give some twenty articles a second. */
    private static final long PERIOD_MS = 400;
    /** Items per feed, so a slow machine does not face an ever-growing backlog at the end. */
    private static final int ITEMS_PER_FEED = 120;

    @TempDir Path dir;

    @Test
    void killNineAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
        Path data = dir.resolve("data");
        try (Publisher pub = new Publisher()) {
            Set<String> acknowledged = new HashSet<>();
            List<String> log = new ArrayList<>();
            for (int round = 0; round < KILLS; round++) {
                Path out = dir.resolve("child-" + round + ".log");
                Process child = spawn(data, pub.base(), out);
                boolean duringStartup = round % 4 == 3;
                if (duringStartup) {
                    Thread.sleep(200 + random.nextInt(1_500));
                } else {
                    awaitReady(child, out);
                    // Serving comes before the language profiles and the gazetteer are loaded (seconds of CPU on a
                    // busy machine): kill once the child is storing again, so that kills land in the middle of ingest.
                    awaitStoring(data, acknowledged.size());
                    Thread.sleep(300 + random.nextInt(2_500));
                }
                Set<String> committed = storedUrls(data);
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                acknowledged.addAll(committed);
                Set<String> after = storedUrls(data);
                assertThat(after).as("round %d: articles committed before the kill are still there", round)
                        .containsAll(acknowledged);
                log.add("round " + round + (duringStartup ? " (startup)" : "") + ": " + after.size() + " stored");
            }
            System.out.println(String.join("\n", log));
            assertThat(acknowledged).as("kills landed while ingest was storing articles").hasSizeGreaterThan(20);

            // Stop publishing and let a final, clean run catch up on what the feeds still show.
            Set<String> truth = pub.freeze();
            try (Worldwire w = Worldwire.start(CrashChild.config(data))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (storedUrls(data).size() < truth.size() && System.nanoTime() < deadline) Thread.sleep(200);
                Set<String> stored = storedUrls(data);
                assertThat(stored).as("every published article stored exactly once (%d of %d)", stored.size(), truth.size())
                        .isEqualTo(truth);
                assertThat(scalar(data, "SELECT COUNT(*) FROM articles")).isEqualTo(truth.size());
                assertThat(scalar(data, "SELECT COUNT(DISTINCT url) FROM articles")).isEqualTo(truth.size());
                assertThat(scalar(data, "SELECT COUNT(DISTINCT source_id || ' ' || guid) FROM articles")).isEqualTo(truth.size());
                assertThat(w.queue().pendingCount()).isZero();
                ((org.worldwire.search.lucene.LuceneSearchIndex) w.search()).refresh();
                assertThat(w.search().size()).as("index consistent with the store").isEqualTo(truth.size());
                assertThat(w.search().search(SearchQuery.of("crashproof")).hits()).isNotEmpty();
                System.out.println("crash test: " + KILLS + " kills, " + acknowledged.size() + " acknowledged before kills, "
                        + truth.size() + " published, " + stored.size() + " stored, 0 duplicates");
            }
        }
    }

    // ---------------------------------------------------------------- child process

    private static Process spawn(Path data, String base, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, CrashChild.class.getName(),
                data.toString(), base, String.valueOf(FEEDS))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** Waits, up to 30 s, until more articles are stored than {@code before}. */
    private static void awaitStoring(Path data, int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (storedUrls(data).size() <= before && System.nanoTime() < deadline) Thread.sleep(50);
    }

    private static void awaitReady(Process child, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("READY")) return;
            if (!child.isAlive()) throw new AssertionError("child died at start:\n" + Files.readString(out));
            Thread.sleep(50);
        }
        child.destroyForcibly();
        throw new AssertionError("child not ready in 60 s:\n" + Files.readString(out));
    }

    // ---------------------------------------------------------------- reading the database from outside

    private static Set<String> storedUrls(Path data) throws SQLException {
        Set<String> urls = new HashSet<>();
        if (!Files.exists(data.resolve("worldwire.db"))) return urls;
        try (Connection c = open(data); Statement st = c.createStatement()) {
            if (!hasArticles(c)) return urls;
            try (ResultSet rs = st.executeQuery("SELECT url FROM articles")) {
                while (rs.next()) urls.add(rs.getString(1));
            }
        }
        return urls;
    }

    private static long scalar(Path data, String sql) throws SQLException {
        try (Connection c = open(data); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean hasArticles(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "articles", null)) {
            return rs.next();
        }
    }

    private static Connection open(Path data) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("worldwire.db").toAbsolutePath(), cfg.toProperties());
    }

    // ---------------------------------------------------------------- the publisher

    /** Feeds that grow by one item every {@link #PERIOD_MS}, staggered; each shows its latest 500 items. */
    private static final class Publisher implements AutoCloseable {
        private final HttpServer server;
        private final long start = System.currentTimeMillis();
        private volatile long frozenAt = Long.MAX_VALUE;

        Publisher() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/robots.txt", ex -> reply(ex, 404, "text/plain", "none"));
            server.createContext("/feed/", this::feed);
            server.createContext("/a/", this::page);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private int published(int feed, long at) {
            long elapsed = Math.min(at, frozenAt) - start - feed * (PERIOD_MS / FEEDS);
            return elapsed < 0 ? 0 : (int) Math.min(ITEMS_PER_FEED, elapsed / PERIOD_MS + 1);
        }

        /** Stops publishing and returns the URLs of every item published. */
        Set<String> freeze() {
            frozenAt = System.currentTimeMillis();
            Set<String> all = new HashSet<>();
            for (int f = 0; f < FEEDS; f++) {
                for (int k = 0; k < published(f, frozenAt); k++) all.add(base() + "/a/" + f + "/" + k);
            }
            return all;
        }

        private void feed(HttpExchange ex) throws IOException {
            int f = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
            int n = published(f, System.currentTimeMillis());
            StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed ")
                    .append(f).append("</title><link>").append(base()).append("/</link>");
            for (int k = n - 1; k >= Math.max(0, n - 500); k--) {
                rss.append("<item><guid>f").append(f).append('-').append(k).append("</guid><title>Crashproof item ")
                        .append(f).append(' ').append(k).append("</title><link>").append(base()).append("/a/")
                        .append(f).append('/').append(k).append("</link><description>Item ").append(k)
                        .append(" of feed ").append(f).append(".</description></item>");
            }
            reply(ex, 200, "application/rss+xml", rss.append("</channel></rss>").toString());
        }

        private void page(HttpExchange ex) throws IOException {
            try {
                Thread.sleep(20); // a page takes a moment, so kills land mid-fetch too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String p = ex.getRequestURI().getPath();
            reply(ex, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>" + p + "</title></head><body>"
                    + "<article><h1>Crashproof " + p + "</h1><p>The committee met again on Thursday to review the "
                    + "figures, and its members agreed to publish a full report before the end of the month.</p>"
                    + "<p>Officials said the delay was caused by missing data from two regional offices.</p></article></body></html>");
        }

        private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
