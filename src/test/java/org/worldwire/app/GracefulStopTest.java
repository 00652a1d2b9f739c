package org.worldwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.search.lucene.LuceneSearchIndex;
import org.worldwire.sim.Publisher;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;

/**
 * Issue 16: SIGTERM in the middle of ingest stops {@code serve} within seconds, commits the store and the index once,
 * and loses nothing: the next start finds no index error, the index holds every stored article, and every entry that
 * was pending is stored or still pending.
 *
 * <p>The server is the real command line ({@code serve}) in its own JVM, watching a world of simulated publishers on
 * loopback (allowed with {@code --allow-private-networks}); a tenth of them hang for seconds, so some fetches are
 * under way when the signal comes. {@link Process#destroy()} sends SIGTERM on Linux.
 */
class GracefulStopTest {
    private static final List<String> INDEX_TROUBLE = List.of("unrecoverable", "ClosedChannelException",
            "ClosedByInterruptException", "AlreadyClosedException", "ERROR");

    @TempDir Path dir;

    @Test
    void sigtermMidIngestStopsWithinSecondsAndTheNextStartFindsEverything() throws Exception {
        Path data = dir.resolve("data");
        SimConfig sim = SimConfig.defaults().withPublishers(20).withInitialArticles(20).withMeanRatePerMinute(6)
                .withSlowDelay(Duration.ofSeconds(10));
        try (PublisherWorld world = PublisherWorld.start(sim)) {
            try (Admin admin = Admin.open(data, true)) {
                for (Publisher p : world.publishers()) {
                    admin.addSource(p.feedUrl().toString(), null, null, null, DisplayPolicy.FULL_TEXT);
                }
            }

            // First run: stop it while it ingests the publishers' backlog.
            Path firstLog = dir.resolve("first.log");
            Process first = serve(data, firstLog);
            await(Duration.ofSeconds(90), () -> count(data, "SELECT COUNT(*) FROM articles") >= 30, first, firstLog);
            long stopMs = stop(first);
            String firstOut = Files.readString(firstLog);
            assertThat(first.exitValue()).as(firstOut).isIn(0, 143);
            assertThat(stopMs).as("SIGTERM to exit, ms").isLessThan(5_000);
            assertThat(firstOut).contains("worldwire stopped");
            for (String trouble : INDEX_TROUBLE) assertThat(firstOut).as("first run log").doesNotContain(trouble);

            Set<String> stored = urls(data, "SELECT url FROM articles");
            Set<String> pending = urls(data, "SELECT url FROM pending_entries");
            assertThat(indexSize(data)).as("the index committed every stored article at the stop").isEqualTo(stored.size());
            System.out.printf("graceful stop: SIGTERM to exit %d ms with %d stored and %d pending%n", stopMs,
                    stored.size(), pending.size());

            // Second run on the same data: no index error, the pending entries are resumed and stored.
            Path secondLog = dir.resolve("second.log");
            Process second = serve(data, secondLog);
            await(Duration.ofSeconds(90), () -> urls(data, "SELECT url FROM articles").containsAll(pending), second, secondLog);
            long secondStopMs = stop(second);
            String secondOut = Files.readString(secondLog);
            assertThat(second.exitValue()).as(secondOut).isIn(0, 143);
            for (String trouble : INDEX_TROUBLE) assertThat(secondOut).as("second run log").doesNotContain(trouble);
            // Nothing stored before the stop was missing from the committed index, so nothing needed re-indexing.
            assertThat(secondOut).doesNotContain("re-indexed articles missing from the index");
            if (!pending.isEmpty()) assertThat(secondOut).contains("resuming pending entries count=");

            Set<String> storedAfter = urls(data, "SELECT url FROM articles");
            Set<String> pendingAfter = urls(data, "SELECT url FROM pending_entries");
            Set<String> known = new HashSet<>(storedAfter);
            known.addAll(pendingAfter);
            assertThat(storedAfter).as("stored before the stop, stored after").containsAll(stored);
            assertThat(known).as("pending at the stop: stored or still pending").containsAll(pending);
            assertThat(indexSize(data)).isEqualTo(storedAfter.size());
            System.out.printf("graceful stop: second run stopped in %d ms, %d stored, %d pending%n", secondStopMs,
                    storedAfter.size(), pendingAfter.size());
        }
    }

    /** {@code worldwire serve} in its own JVM, its output to {@code log}. */
    private static Process serve(Path data, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "org.worldwire.cli.Main",
                "serve", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0", "--no-seed",
                "--allow-private-networks")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGTERM, then the time until the process is gone. */
    private static long stop(Process p) throws InterruptedException {
        long t0 = System.nanoTime();
        p.destroy();
        boolean exited = p.waitFor(20, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!exited) {
            p.destroyForcibly();
            throw new AssertionError("serve still running 20 s after SIGTERM");
        }
        return ms;
    }

    private static long indexSize(Path data) {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(data.resolve("index"))) {
            return index.size();
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Duration limit, Check check, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            if (!p.isAlive()) throw new AssertionError("serve exited early:\n" + Files.readString(log));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("not reached within " + limit + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static Set<String> urls(Path data, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = open(data); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long count(Path data, String sql) throws SQLException {
        try (Connection c = open(data); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Connection open(Path data) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(10_000);
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("worldwire.db").toAbsolutePath(), cfg.toProperties());
    }
}
