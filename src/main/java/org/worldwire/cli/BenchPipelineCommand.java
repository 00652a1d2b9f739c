package org.worldwire.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.worldwire.app.PipelineBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Ingest from the simulator at full speed on loopback; print sustained new articles/s and publication-to-stored delays.")
final class BenchPipelineCommand implements Callable<Integer> {
    @Option(names = "--publishers", defaultValue = "200", description = "simulated publishers (default: ${DEFAULT-VALUE})")
    int publishers;

    @Option(names = "--rate", defaultValue = "600", description = "articles/s the world publishes in total (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--warmup", defaultValue = "15", description = "seconds before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seconds", defaultValue = "30", description = "seconds measured (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() {
        var r = PipelineBench.run(publishers, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
                PipelineBench.tempDir());
        System.out.printf("offered %.1f articles/s by %d publishers; stored %d in %d s; process CPU %.1f s%n",
                r.offeredPerSecond(), publishers, r.stored(), seconds, r.cpuSeconds());
        System.out.printf("stories: %.0f µs per article to cluster and record its story (wall clock, under the story lock); %.1f s in all%n",
                r.placeMicros(), r.placeSeconds());
        System.out.printf("pipeline articles-per-s %.1f p50-ms %d p95-ms %d max-ms %d%n",
                r.storedPerSecond(), r.p50Ms(), r.p95Ms(), r.maxMs());
        return 0;
    }
}
