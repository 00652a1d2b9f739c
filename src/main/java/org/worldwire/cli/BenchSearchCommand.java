package org.worldwire.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.worldwire.app.SearchBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Build (or reuse) a search index of a generated year of world news, then offer a fixed query mix",
            "at fixed rates, open loop; print the build time, index size, heap, and queries/s with p50/p99 per rate."})
final class BenchSearchCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, description = "index directory; reused when it holds enough articles")
    Path dir;

    @Option(names = "--articles", defaultValue = "1000000", description = "articles in the index (default: ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--sources", defaultValue = "5000", description = "sources that publish them (default: ${DEFAULT-VALUE})")
    int sources;

    @Option(names = "--seed", defaultValue = "42", description = "corpus seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rates", defaultValue = "500,2000", split = ",",
            description = "offered queries per second, one run each (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds per rate (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--threads", defaultValue = "8", description = "search threads, like a server's workers (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() {
        if (articles < 1000 || sources < 1 || seconds < 1 || threads < 1 || rates.stream().anyMatch(r -> r < 1)) {
            System.err.println("bench search: --articles >= 1000, and --sources, --seconds, --threads and --rates >= 1");
            return 2;
        }
        SearchBench.run(new SearchBench.Spec(dir, articles, seed, sources, rates, Duration.ofSeconds(seconds), threads), System.out);
        return 0;
    }
}
