package org.worldwire.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import io.micrometer.core.instrument.Timer;
import org.worldwire.ingest.IngestConfig;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlSource;
import org.worldwire.schedule.ScheduleConfig;

/**
 * {@code bench pipeline}: simulated publishers publish at a fixed total rate on loopback while the real system
 * polls, fetches, extracts, enriches, stores, indexes and places each article in its story. The publishers run in
 * a process of their own, so that this process is the server alone, within the heap the launcher gives it; the
 * delay of each article is measured from its true publication time (the simulator's truth log) to its storage.
 *
 * <p>Two runs: one offered more than the system can take (its stored rate is the capacity), one offered less
 * (its delays are what readers see on a normal day).
 */
public final class PipelineBench {
    /** The stages timed per article, in pipeline order; "story" is clustering and recording the story. */
    public static final List<String> STAGES = List.of("fetch", "extract", "language", "geotag", "store", "index", "story");

    /**
     * What one run measured.
     *
     * @param stageMicros mean wall-clock time per article in each stage of {@link #STAGES}
     * @param cpuSeconds CPU time of this process (the server) while measuring; the publishers run in a child process
     *     and are not counted
     * @param pagesRead article pages fetched and extracted while measuring
     * @param pagesFailed article pages that could not be fetched while measuring (their articles are stored with their
     *     feed's text, which costs less than a page: a publisher that drops pages before they are read, as the
     *     simulated ones do once a backlog outlasts their window, makes the CPU per article look cheaper)
     * @param cpuByPart CPU seconds of {@link #cpuSeconds} by part of the server ({@link ThreadCpu#PARTS}, then the
     *     threads that ended while measuring); empty where the threads' times cannot be read
     */
    public record Run(double offeredPerSecond, double storedPerSecond, long stored, long p50Ms, long p95Ms, long maxMs,
            double cpuSeconds, Map<String, Double> stageMicros, double backlogEntries, double backlogAgeSeconds,
            long pagesRead, long pagesFailed, Map<String, Double> cpuByPart) {
        public double cpuMillisPerArticle() {
            return stored == 0 ? 0 : cpuSeconds * 1e3 / stored;
        }
    }

    private PipelineBench() {}

    /**
     * One run against a fresh data directory and a fresh simulated world.
     *
     * @param ratePerSecond articles per second the world publishes in total
     */
    public static Run run(int publishers, double ratePerSecond, Duration warmup, Duration measure) {
        Path dataDir = tempDir();
        Config config = Config.defaults().withDataDir(dataDir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld()
                .withIngest(new IngestConfig(64, 64, 1_000, 64, false))
                .withSchedule(new ScheduleConfig(60_000, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ZERO));
        AtomicBoolean measuring = new AtomicBoolean();
        Map<String, Instant> storedAt = new ConcurrentHashMap<>();
        try (World world = World.start(publishers, ratePerSecond); Worldwire app = Worldwire.start(config)) {
            app.events().onArticle(a -> {
                if (measuring.get()) storedAt.put(withoutQuery(a.url()), Instant.now());
            });
            for (OpmlSource s : world.sources) app.addSource(s.toSource(DisplayPolicy.FULL_TEXT));
            sleep(warmup);
            Map<String, double[]> stages0 = stageTotals(app);
            double failed0 = pageFailures(app);
            long cpu0 = cpuNanos();
            Map<String, ThreadCpu.Sample> threads0 = ThreadCpu.snapshot();
            Instant from = Instant.now();
            long t0 = System.nanoTime();
            measuring.set(true);
            sleep(measure);
            measuring.set(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Instant to = Instant.now();
            double cpu = (cpuNanos() - cpu0) / 1e9;
            Map<String, ThreadCpu.Sample> threads1 = ThreadCpu.snapshot();
            Map<String, Double> cpuByPart = threads1.isEmpty() ? Map.of() : ThreadCpu.between(threads0, threads1, cpu);
            Map<String, double[]> stages1 = stageTotals(app);
            long pagesFailed = Math.round(pageFailures(app) - failed0);
            long pagesRead = Math.round(stages1.get("extract")[0] - stages0.get("extract")[0]);
            double backlog = app.metrics().get("worldwire.backlog.entries").gauge().value();
            double backlogAge = app.metrics().get("worldwire.backlog.age").gauge().value();
            Map<String, Double> stageMicros = new LinkedHashMap<>();
            for (String s : STAGES) {
                double n = stages1.get(s)[0] - stages0.get(s)[0];
                stageMicros.put(s, n == 0 ? 0 : (stages1.get(s)[1] - stages0.get(s)[1]) / n / 1e3);
            }
            Map<String, Instant> truth = world.truth();
            long offered = truth.values().stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
            List<Long> delays = new ArrayList<>();
            storedAt.forEach((url, at) -> {
                Instant published = truth.get(url);
                if (published != null) delays.add(Duration.between(published, at).toMillis());
            });
            Collections.sort(delays);
            return new Run(offered / seconds, storedAt.size() / seconds, storedAt.size(), pct(delays, 0.50),
                    pct(delays, 0.95), delays.isEmpty() ? -1 : delays.getLast(), cpu, stageMicros, backlog, backlogAge,
                    pagesRead, pagesFailed, cpuByPart);
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to lose the figures
        }
    }

    /** Article pages that could not be fetched so far, whatever the reason. */
    private static double pageFailures(Worldwire app) {
        return app.metrics().find("worldwire.fetch.errors").tag("stage", "page").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /** Count and total nanoseconds of each stage's timer so far. */
    private static Map<String, double[]> stageTotals(Worldwire app) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (String s : STAGES) {
            Timer t = s.equals("story") ? app.metrics().find("worldwire.stories.place").timer()
                    : app.metrics().find("worldwire.ingest.stage").tag("stage", s).timer();
            totals.put(s, t == null ? new double[2] : new double[] {t.count(), t.totalTime(TimeUnit.NANOSECONDS)});
        }
        return totals;
    }

    /**
     * The simulated publishers in a child JVM ({@code worldwire simulate}) with a heap of their own: their rendered
     * pages and truth log are the world's memory, not the server's.
     */
    private static final class World implements AutoCloseable {
        private final Process process;
        private final List<OpmlSource> sources;
        private final URI base;

        private World(Process process, List<OpmlSource> sources) {
            this.process = process;
            this.sources = sources;
            URI feed = URI.create(sources.getFirst().feedUrl());
            this.base = URI.create(feed.getScheme() + "://" + feed.getAuthority() + "/");
        }

        static World start(int publishers, double ratePerSecond) {
            String java = ProcessHandle.current().info().command().orElse("java");
            // The world keeps up to 100,000 pages, compressed once read: 390 MB live with 78,500 of them (a class
            // histogram 100 s into a run at 800/s). With their HTML kept three times over, a 1.5 GB heap was full
            // after 45 s and a longer warm-up found a world stalled in its own collections.
            List<String> cmd = List.of(java, "-Xmx1536m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    "org.worldwire.cli.Main", "simulate", "--publishers", Integer.toString(publishers),
                    "--rate", Double.toString(ratePerSecond * 60 / publishers), "--skew", "0.5", "--faulty", "0",
                    "--backlog", "0", "--feed-size", "50", "--cached-pages", "100000", "--opml",
                    "--until-stdin-closes"); // this process holds the child's standard input open until it ends
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the simulated publishers: " + e.getMessage(), e);
            }
            try {
                // The OPML is printed once the world listens; the rest of stdout is never written.
                var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder opml = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    opml.append(line).append('\n');
                    if (line.contains("</opml>")) break;
                }
                List<OpmlSource> sources = Opml.read(opml.toString().getBytes(StandardCharsets.UTF_8));
                if (sources.isEmpty()) throw new IllegalStateException("the simulated publishers printed no feeds");
                return new World(p, sources);
            } catch (IOException | RuntimeException e) {
                p.destroyForcibly();
                throw new IllegalStateException("the simulated publishers did not start: " + e.getMessage(), e);
            }
        }

        /** True publication time by article URL, from the world's truth log. */
        Map<String, Instant> truth() {
            ObjectMapper json = new ObjectMapper();
            Map<String, Instant> times = new java.util.HashMap<>();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(base.resolve("truth.jsonl")).build(),
                        HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = r.body()) {
                    lines.forEach(l -> {
                        try {
                            JsonNode n = json.readTree(l);
                            times.put(n.get("url").asText(), Instant.parse(n.get("publishedAt").asText()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the truth log: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return times;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String withoutQuery(String url) {
        int cut = url.indexOf('?');
        if (cut < 0) cut = url.indexOf('#');
        return cut < 0 ? url : url.substring(0, cut);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("worldwire-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
