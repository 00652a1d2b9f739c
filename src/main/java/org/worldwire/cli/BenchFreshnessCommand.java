package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "freshness", mixinStandardHelpOptions = true, description = "Compare polling schedulers on a simulated world; print detection delays.")
final class BenchFreshnessCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire freshness: not built yet");
        return 1;
    }
}
