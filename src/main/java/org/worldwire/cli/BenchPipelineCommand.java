package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Ingest from the simulator at full speed; print articles/s and delays.")
final class BenchPipelineCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire pipeline: not built yet");
        return 1;
    }
}
