package org.worldwire.cli;

import java.util.concurrent.Callable;
import org.worldwire.app.StoriesBench;
import org.worldwire.sim.StoryStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stories", mixinStandardHelpOptions = true,
        description = {"Feed a simulated news stream to the story clusterer in arrival order; print copy folding",
            "precision/recall, story pairwise and BCubed P/R/F1 against the simulator's truth, speed and heap."})
final class BenchStoriesCommand implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "100000", description = "articles in the stream (default: ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--seed", defaultValue = "42", description = "stream seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--per-hour", defaultValue = "2000",
            description = "articles per simulated hour; sets how many events are open at once (default: ${DEFAULT-VALUE})")
    double perHour;

    @Override
    public Integer call() {
        StoryStream.Spec spec;
        try {
            spec = StoryStream.Spec.of(articles, seed).withArticlesPerHour(perHour);
        } catch (IllegalArgumentException e) {
            System.err.println("bench stories: " + e.getMessage());
            return 2;
        }
        StoriesBench.Result r;
        try {
            r = StoriesBench.run(spec);
        } catch (IllegalStateException e) {
            System.err.println("bench stories: " + e.getMessage());
            return 1;
        }
        for (String line : StoriesBench.lines(r, seed)) System.out.println(line);
        return 0;
    }
}
