package org.worldwire.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.worldwire.events.kafka.KafkaBroker;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;
import org.worldwire.search.opensearch.OpenSearchNode;
import org.worldwire.sim.Publication;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;
import org.worldwire.store.postgres.PostgresServer;
import org.worldwire.store.postgres.PostgresStore;

/**
 * {@code bench/scale.sh}: articles per second end to end, publication-to-visible delay and CPU per article, for the
 * embedded default (one process: SQLite, Lucene, in-process queues) and for the scaled-out setup (a poller, 1 or 2
 * workers and a web node, each its own JVM, on PostgreSQL, Kafka and OpenSearch), in one run on the same machine
 * with the same engines running throughout. Every measured process is a {@link ScaledChild} with the same heap and
 * configuration; the simulated publishers run in this process, which measures.
 *
 * <p>Visible means streamed by the web node's {@code /api/v1/stream} (the embedded process's own): stored, indexed
 * and announced. The rate is what a stream client saw in the measuring window; CPU is each child's utime + stime from
 * {@code /proc/PID/stat} over the same window.
 *
 * <p>Arguments: {@code [--publishers N] [--rate ARTICLES_PER_S] [--warmup S] [--seconds S] [--heap SIZE]}.
 */
public final class ScaleBench {
    private static final Pattern READY = Pattern.compile("READY port=(\\d+)");
    private static final long TICKS = 100; // USER_HZ: /proc reports CPU time in these on Linux

    private ScaleBench() {}

    record Row(String setup, double offered, double visiblePerSecond, long visible, long p50, long p95,
            Map<String, Double> cpuPer1000, double cpuTotalPer1000) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--publishers", "40", "--rate", "150", "--warmup", "15",
                "--seconds", "30", "--heap", "256m"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opts.containsKey(args[i])) throw new IllegalArgumentException("unknown option " + args[i] + " (known: " + opts.keySet() + ")");
            opts.put(args[i], args[i + 1]);
        }
        int publishers = Integer.parseInt(opts.get("--publishers"));
        double rate = Double.parseDouble(opts.get("--rate"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.get("--warmup")));
        Duration measure = Duration.ofSeconds(Long.parseLong(opts.get("--seconds")));
        String heap = opts.get("--heap");

        long t0 = System.nanoTime();
        PostgresServer pg = PostgresServer.shared();
        KafkaBroker kafka = KafkaBroker.startStandalone();
        List<Row> rows = new ArrayList<>();
        try (OpenSearchNode.Server search = OpenSearchNode.start(false)) {
            System.out.printf("engines up in %d s: PostgreSQL 127.0.0.1:%d, Kafka %s, OpenSearch %s%n",
                    (System.nanoTime() - t0) / 1_000_000_000, pg.port(), kafka.bootstrapServers(), search.url());
            var bench = new Setup(pg, kafka, search, publishers, rate, warmup, measure, heap);
            rows.add(bench.run("embedded (role all)", 0));
            rows.add(bench.run("scaled, 1 worker", 1));
            rows.add(bench.run("scaled, 2 workers", 2));
        } finally {
            kafka.stop();
        }
        System.out.println();
        System.out.printf("%d publishers, offered %.0f articles/s, warm-up %d s, measured %d s, -Xmx%s per process, %d cores%n",
                publishers, rate, warmup.toSeconds(), measure.toSeconds(), heap, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-22s %9s %10s %8s %8s %8s  %s%n", "setup", "offered/s", "visible/s", "p50 ms", "p95 ms",
                "CPU-s/1k", "CPU-s per 1,000 articles by process");
        for (Row r : rows) {
            StringBuilder per = new StringBuilder();
            r.cpuPer1000.forEach((k, v) -> per.append(String.format("%s %.1f  ", k, v)));
            System.out.printf("%-22s %9.1f %10.1f %8d %8d %8.1f  %s%n", r.setup, r.offered, r.visiblePerSecond, r.p50, r.p95,
                    r.cpuTotalPer1000, per.toString().strip());
        }
        System.exit(0); // the PostgreSQL harness stops its server in a shutdown hook
    }

    /** The engines and the load, shared by the runs. */
    record Setup(PostgresServer pg, KafkaBroker kafka, OpenSearchNode.Server search, int publishers, double rate,
            Duration warmup, Duration measure, String heap) {

        /** @param workers 0 for the embedded default, else the number of worker processes */
        Row run(String name, int workers) throws Exception {
            String db = pg.createMigratedDatabase();
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(search.url() + "/worldwire-articles")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            Path dir = Files.createTempDirectory("worldwire-scale-");
            List<Process> started = new ArrayList<>();
            SimConfig sim = SimConfig.defaults().withPublishers(publishers).withMeanRatePerMinute(rate * 60 / publishers)
                    .withFaultyShare(0).withInitialArticles(0).withSyndicatedShare(0).withFeedSize(50)
                    .withMaxCachedArticles(200_000);
            try (PublisherWorld world = PublisherWorld.start(sim)) {
                List<OpmlSource> sources = Opml.read(world.opml().getBytes(StandardCharsets.UTF_8));
                Map<String, Process> measured = new LinkedHashMap<>();
                int webPort;
                String prefix = "scale" + workers + ".";
                if (workers == 0) {
                    // The embedded process's own store, filled before it starts.
                    try (var store = org.worldwire.store.sqlite.SqliteStore.open(
                            Files.createDirectories(dir.resolve("all")).resolve("worldwire.db"), InstantSource.system())) {
                        for (OpmlSource s : sources) store.sources().add(s.toSource(DisplayPolicy.FULL_TEXT));
                    }
                    var all = spawn(dir, "all", "all", "sqlite", "local", "lucene", prefix);
                    started.add(all.process);
                    measured.put("all", all.process);
                    webPort = all.port;
                } else {
                    try (PostgresStore store = PostgresStore.open(pg.url(db), InstantSource.system())) {
                        for (OpmlSource s : sources) store.sources().add(s.toSource(DisplayPolicy.FULL_TEXT));
                    }
                    String searchUrl = "opensearch://" + URI.create(search.url()).getAuthority();
                    var web = spawn(dir, "web", "web", pg.url(db), kafka.bootstrapServers(), searchUrl, prefix);
                    started.add(web.process);
                    webPort = web.port;
                    for (int i = 1; i <= workers; i++) {
                        var w = spawn(dir, "worker" + i, "worker", pg.url(db), kafka.bootstrapServers(), searchUrl, prefix);
                        started.add(w.process);
                        measured.put("worker" + i, w.process);
                    }
                    var poller = spawn(dir, "poller", "poller", pg.url(db), kafka.bootstrapServers(), searchUrl, prefix);
                    started.add(poller.process);
                    measured.put("poller", poller.process);
                    measured.put("web", web.process);
                }
                Map<String, Long> visibleAt = new ConcurrentHashMap<>();
                Thread.ofVirtual().start(() -> stream(http, webPort, visibleAt));
                Thread.sleep(warmup);
                Map<String, Long> cpu0 = new LinkedHashMap<>();
                measured.forEach((k, p) -> cpu0.put(k, cpuTicks(p.pid())));
                long from = System.currentTimeMillis();
                Thread.sleep(measure);
                long to = System.currentTimeMillis();
                Map<String, Long> cpu1 = new LinkedHashMap<>();
                measured.forEach((k, p) -> cpu1.put(k, cpuTicks(p.pid())));

                Map<String, Publication> truth = world.truth();
                long offered = truth.values().stream().map(p -> p.publishedAt().toEpochMilli())
                        .filter(t -> t >= from && t < to).count();
                List<Long> delays = new ArrayList<>();
                long visible = 0;
                for (var e : visibleAt.entrySet()) {
                    if (e.getValue() < from || e.getValue() >= to) continue;
                    visible++;
                    Publication p = truth.get(e.getKey());
                    if (p != null) delays.add(e.getValue() - p.publishedAt().toEpochMilli());
                }
                Collections.sort(delays);
                double seconds = (to - from) / 1e3;
                Map<String, Double> per1000 = new LinkedHashMap<>();
                double total = 0;
                for (String k : measured.keySet()) {
                    double cpuSeconds = (cpu1.get(k) - cpu0.get(k)) / (double) TICKS;
                    total += cpuSeconds;
                    per1000.put(k, visible == 0 ? Double.NaN : cpuSeconds * 1000 / visible);
                }
                Row row = new Row(name, offered / seconds, visible / seconds, visible, pct(delays, 0.5), pct(delays, 0.95),
                        per1000, visible == 0 ? Double.NaN : total * 1000 / visible);
                System.out.printf("%s: %.1f visible/s, p50 %d ms, p95 %d ms (%d articles, %d with a true time)%n", name,
                        row.visiblePerSecond, row.p50, row.p95, visible, delays.size());
                return row;
            } finally {
                for (Process p : started) p.destroy();
                for (Process p : started) {
                    if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
                }
                pg.dropDatabase(db);
                deleteTree(dir);
            }
        }

        record Child(Process process, int port) {}

        Child spawn(Path dir, String name, String role, String store, String kafkaServers, String searchUrl, String prefix)
                throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path data = Files.createDirectories(dir.resolve(name));
            Path log = dir.resolve(name + ".log");
            // The launcher's collector and a fixed heap, the same for every process measured.
            Process p = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), ScaledChild.class.getName(), data.toString(), role, store,
                    kafkaServers, searchUrl, prefix, Long.toString(Deployment.DEFAULT_POLLER_LEASE.toMillis()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                Matcher m = READY.matcher(Files.exists(log) ? Files.readString(log) : "");
                if (m.find()) return new Child(p, Integer.parseInt(m.group(1)));
                if (!p.isAlive()) throw new IllegalStateException(name + " died at start:\n" + Files.readString(log));
                Thread.sleep(100);
            }
            p.destroyForcibly();
            throw new IllegalStateException(name + " not ready in 120 s:\n" + Files.readString(log));
        }
    }

    /** Records when each article's URL first arrives on the stream. */
    private static void stream(HttpClient http, int port, Map<String, Long> visibleAt) {
        Pattern url = Pattern.compile("\"url\":\"([^\"]+)\"");
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines()).body()
                    .forEach(line -> {
                        Matcher m = url.matcher(line);
                        if (m.find()) visibleAt.putIfAbsent(withoutQuery(m.group(1)), System.currentTimeMillis());
                    });
        } catch (Exception e) {
            // the process stopping ends the stream
        }
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat, after the command's parentheses). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String withoutQuery(String url) {
        int cut = url.indexOf('?');
        if (cut < 0) cut = url.indexOf('#');
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to lose the figures
        }
    }
}
