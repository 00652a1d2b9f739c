package org.worldwire.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.worldwire.app.PipelineBench;
import org.worldwire.app.PushVisibleBench;
import org.worldwire.sim.hub.PushBench;
import org.worldwire.sim.world.DelayStats;
import org.worldwire.sim.world.FreshnessBench;
import org.worldwire.sim.world.SimWorld;
import org.worldwire.sim.world.WorldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "freshness", mixinStandardHelpOptions = true,
        description = "Compare polling schedulers on a simulated world at equal budget; print detection delays.")
final class BenchFreshnessCommand implements Callable<Integer> {
    @Option(names = "--sources", description = "Feeds in the simulated polling world (default ${DEFAULT-VALUE}).")
    int sources = 10_000;

    @Option(names = "--budget", description = "Requests per minute for every scheduler (default: one per feed per hour).")
    int budget = 0;

    @Option(names = "--seed", description = "World seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--median-per-day", description = "Median entries per feed per day in the polling world (default ${DEFAULT-VALUE}).")
    double medianPerDay = WorldSpec.MEDIAN_PER_DAY;

    @Option(names = "--spread-decades", description = "Standard deviation of log10(rate) across feeds (default ${DEFAULT-VALUE}).")
    double spreadDecades = WorldSpec.SPREAD_DECADES;

    @Option(names = "--push-sources", description = "WebSub sources in the real-time push run; 0 skips it (default ${DEFAULT-VALUE}).")
    int pushSources = 500;

    @Option(names = "--push-seconds", description = "Real-time length of the push run (default ${DEFAULT-VALUE}).")
    int pushSeconds = 60;

    @Option(names = "--push-rate", description = "Publisher pings per second across all push sources (default ${DEFAULT-VALUE}).")
    double pushRate = 20;

    @Option(names = "--push-warmup", description = "Seconds of publishing before the push run is measured (default ${DEFAULT-VALUE}).")
    int pushWarmup = 10;

    @Option(names = "--push-bare", description = "Also measure publish-to-parsed at a bare callback endpoint, the floor of push.")
    boolean pushBare;

    @Override
    public Integer call() {
        int perMinute = budget > 0 ? budget : Math.max(1, sources / 60);
        // Push first: measured in real time, it should not share the machine with the garbage of the polling run.
        String push = "NaN";
        if (pushSources > 0) {
            if (pushBare) {
                PushBench.Result p;
                try {
                    p = PushBench.run(pushSources, Duration.ofSeconds(pushSeconds), pushRate, seed);
                } catch (IOException e) {
                    throw new UncheckedIOException("push run failed: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
                System.out.printf(Locale.ROOT, "push, bare callback: %d sources (%d verified), %d pings in %.0f s, %d received; "
                                + "publish-to-parsed p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms; %d rejected%n",
                        p.sources(), p.subscribed(), p.published(), p.ran().toMillis() / 1000.0, p.received(), p.p50Ms(),
                        p.p95Ms(), p.p99Ms(), p.maxMs(), p.rejected());
            }
            PushVisibleBench.Result v;
            Path dir = PipelineBench.tempDir();
            try {
                v = PushVisibleBench.run(pushSources, pushRate, Duration.ofSeconds(pushWarmup),
                        Duration.ofSeconds(pushSeconds), seed, dir);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                deleteQuietly(dir);
            }
            System.out.printf(Locale.ROOT, "push: %d sources (%d name a hub, %d verified in %.0f s), %.0f articles/s, "
                            + "%d s warm-up, measured %.0f s real time through the running system%n",
                    v.sources(), v.pushCapable(), v.subscribed(), v.setup().toMillis() / 1000.0, pushRate, pushWarmup,
                    v.measured().toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "push: published %d, visible %d, lost %d (%d of them stored), API confirmed %d; "
                            + "%d hub pings, %d feed polls meanwhile%n",
                    v.published(), v.visible(), v.lost(), v.lostButStored(), v.apiConfirmed(), v.pings(), v.polls());
            System.out.printf(Locale.ROOT, "push: publish-to-visible (live stream reader) p50 %.1f ms p95 %.1f ms "
                            + "p99 %.1f ms max %.1f ms; p95 publish-to-discovered %.1f ms, discovered-to-visible %.1f ms%n",
                    v.p50Ms(), v.p95Ms(), v.p99Ms(), v.maxMs(), v.publishToDiscoveredP95Ms(), v.discoveredToVisibleP95Ms());
            // A lost article counts as never visible: the figure is only printed when every one arrived.
            push = v.lost() == 0 && v.visible() > 0 ? String.format(Locale.ROOT, "%.1f", v.p95Ms()) : "NaN";
        }
        long t0 = System.nanoTime();
        SimWorld world = SimWorld.generate(WorldSpec.newsWeek(sources, seed, medianPerDay, spreadDecades));
        System.out.printf(Locale.ROOT, "world: %d feeds, %d entries in a simulated week (seed %d, median %.1f/day, "
                        + "spread %.2f decades; the busiest 17%% publish %.0f%% of entries), budget %d requests/min%n",
                sources, world.entriesInPeriod(), seed, medianPerDay, spreadDecades, 100 * world.topShare(0.17), perMinute);
        FreshnessBench.Result r = FreshnessBench.run(world, perMinute);
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %10s %9s %9s %7s %15s %6s %8s%n",
                "scheduler", "mean", "p50", "p95", "requests", "detected", "missed", "mean+missed(lb)", "503s", "impolite");
        for (Map.Entry<String, DelayStats> e : r.byPolicy().entrySet()) {
            DelayStats s = e.getValue();
            System.out.printf(Locale.ROOT, "%-10s %10s %10s %10s %9d %9d %7d %15s %6d %8d%n", e.getKey(), human(s.meanMs()),
                    human(s.p50Ms()), human(s.p95Ms()), s.requests(), s.detected(), s.missed(),
                    human(s.meanWithMissedMs()), s.failures(), s.impolite());
        }
        DelayStats ours = r.byPolicy().get("ours"), uniform = r.byPolicy().get("uniform");
        DelayStats entry = r.byPolicy().get("entryfreq"), oracle = r.byPolicy().get("oracle");
        System.out.printf(Locale.ROOT, "analytic bound (unclamped (sum sqrt rate)^2/(2 B sum rate)): %s%n", human(r.analyticBoundMs()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long polls = r.byPolicy().values().stream().mapToLong(DelayStats::requests).sum();
        System.out.printf(Locale.ROOT, "ours/oracle %.3f   uniform/ours %.2f   entryfreq/ours %.2f   "
                        + "(%.1f s wall, %.0f simulated polls/s in the measured week, real scheduler)%n",
                ours.meanMs() / oracle.meanMs(), uniform.meanMs() / ours.meanMs(), entry.meanMs() / ours.meanMs(),
                seconds, polls / seconds);
        System.out.printf(Locale.ROOT, "freshness ours-ms %.0f uniform-ms %.0f entryfreq-ms %.0f oracle-ms %.0f push-p95-ms %s%n",
                ours.meanMs(), uniform.meanMs(), entry.meanMs(), oracle.meanMs(), push);
        return 0;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static String human(double ms) {
        if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
        if (ms < 120_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        if (ms < 7_200_000) return String.format(Locale.ROOT, "%.1f min", ms / 60_000);
        return String.format(Locale.ROOT, "%.2f h", ms / 3_600_000);
    }
}
