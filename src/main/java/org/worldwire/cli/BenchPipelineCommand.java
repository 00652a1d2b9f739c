package org.worldwire.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.worldwire.app.PipelineBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Ingest from simulated publishers (a child process) on loopback: the stored articles/s at an offer",
                "above capacity, then the publication-to-stored delays at an offer below it, with the server's CPU per",
                "article by part (its threads: page stages, commit, index upkeep, fetching, JIT compilers, collector)",
                "and time per article by stage."})
final class BenchPipelineCommand implements Callable<Integer> {
    @Option(names = "--publishers", defaultValue = "200", description = "simulated publishers (default: ${DEFAULT-VALUE})")
    int publishers;

    @Option(names = "--rate", defaultValue = "800", description = "articles/s offered in the capacity run, above what the system takes (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--latency-rate", defaultValue = "300", description = "articles/s offered in the delay run, below capacity; 0 skips it (default: ${DEFAULT-VALUE})")
    double latencyRate;

    // Two and a half minutes: a server runs for days, and its capacity is what it does once compiled. On two cores shared
    // with the simulated world the JIT compilers were still at work after a minute (0.7-1.3 of 3.3-4.9 CPU-s per 1,000
    // articles measured from 60 s, 1,146 compilations in 23 s), and at 0.12-0.25 from 150 s.
    @Option(names = "--warmup", defaultValue = "150", description = "seconds before measuring, in each run (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seconds", defaultValue = "30", description = "seconds measured in each run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() {
        Runtime rt = Runtime.getRuntime();
        String gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).findFirst().orElse("?");
        System.out.printf("server JVM: max heap %d MB, collector %s, %d cores%n", rt.maxMemory() >> 20, gc,
                rt.availableProcessors());
        var capacity = PipelineBench.run(publishers, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        print("capacity", capacity);
        System.out.printf("pipeline articles-per-s %.1f (offered %.1f)%n", capacity.storedPerSecond(), capacity.offeredPerSecond());
        if (latencyRate > 0) {
            var below = PipelineBench.run(publishers, latencyRate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
            print("below capacity", below);
            System.out.printf("pipeline delay at %.1f/s p50-ms %d p95-ms %d max-ms %d (stored %.1f/s)%n",
                    below.offeredPerSecond(), below.p50Ms(), below.p95Ms(), below.maxMs(), below.storedPerSecond());
        }
        return 0;
    }

    private static void print(String name, PipelineBench.Run r) {
        System.out.printf("%s run: offered %.1f articles/s, stored %d (%.1f/s); publication to stored p50 %d ms, p95 %d ms, max %d ms%n",
                name, r.offeredPerSecond(), r.stored(), r.storedPerSecond(), r.p50Ms(), r.p95Ms(), r.maxMs());
        System.out.printf("  server CPU %.1f s: %.2f CPU-s per 1,000 articles; backlog at the end %.0f entries, oldest waiting %.1f s%n",
                r.cpuSeconds(), r.cpuMillisPerArticle(), r.backlogEntries(), r.backlogAgeSeconds());
        if (!r.cpuByPart().isEmpty() && r.stored() > 0) {
            StringBuilder parts = new StringBuilder("  CPU-s per 1,000 articles by part:");
            r.cpuByPart().forEach((part, s) -> parts.append(String.format(" %s %.2f;", part, s * 1e3 / r.stored())));
            parts.setLength(parts.length() - 1);
            System.out.println(parts);
        }
        System.out.printf("  pages fetched and read %d, not fetched %d (stored with their feed's text only)%n", r.pagesRead(),
                r.pagesFailed());
        StringBuilder b = new StringBuilder("  wall µs per article by stage:");
        r.stageMicros().forEach((stage, us) -> b.append(String.format(" %s %.0f", stage, us)));
        System.out.println(b);
    }
}
