package org.worldwire.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.worldwire.ingest.IngestConfig;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.sim.PublisherWorld;
import org.worldwire.sim.SimConfig;

/**
 * {@code bench pipeline}: the simulator publishes at a fixed total rate on loopback while the real system
 * polls, fetches, extracts, enriches, stores and indexes; it measures the sustained rate of newly stored
 * articles and the delay from each article's true publication to its storage.
 */
public final class PipelineBench {
    /** What one run measured. */
    /** @param placeMicros mean time of the cluster stage (clustering and recording the story) per article */
    public record Result(double offeredPerSecond, double storedPerSecond, long stored, long p50Ms, long p95Ms,
            long maxMs, double cpuSeconds, double placeMicros, double placeSeconds) {}

    private PipelineBench() {}

    public static Result run(int publishers, double ratePerSecond, Duration warmup, Duration measure, Path dataDir) {
        SimConfig sim = SimConfig.defaults().withPublishers(publishers).withFaultyShare(0).withInitialArticles(0)
                .withFeedSize(50).withMeanRatePerMinute(ratePerSecond * 60 / publishers).withRateSkew(0.5)
                .withMaxCachedArticles(200_000);
        Config config = Config.defaults().withDataDir(dataDir).withHost("127.0.0.1").withPort(0).withSeedSources(false)
                .forSimulatedWorld()
                .withIngest(new IngestConfig(64, 64, 4_000, 64, false))
                .withSchedule(new ScheduleConfig(60_000, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ZERO));
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong stored = new AtomicLong();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        try (PublisherWorld world = PublisherWorld.start(sim); Worldwire app = Worldwire.start(config)) {
            app.events().onArticle(a -> {
                if (!measuring.get()) return;
                Instant now = Instant.now();
                stored.incrementAndGet();
                world.trueTime(a.url()).ifPresent(t -> delays.add(Duration.between(t, now).toMillis()));
            });
            Demo.subscribe(app, world);
            sleep(warmup);
            long cpu0 = cpuNanos();
            var place = app.metrics().get("worldwire.stories.place").timer();
            long placed0 = place.count();
            double placeNanos0 = place.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);
            long published0 = world.publishedCount();
            long t0 = System.nanoTime();
            measuring.set(true);
            sleep(measure);
            measuring.set(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            long published = world.publishedCount() - published0;
            long placed = place.count() - placed0;
            double placeNanos = place.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - placeNanos0;
            List<Long> sorted;
            synchronized (delays) {
                sorted = new ArrayList<>(delays);
            }
            Collections.sort(sorted);
            return new Result(published / seconds, stored.get() / seconds, stored.get(), pct(sorted, 0.50),
                    pct(sorted, 0.95), sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), cpu,
                    placed == 0 ? 0 : placeNanos / placed / 1e3, placeNanos / 1e9);
        }
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
