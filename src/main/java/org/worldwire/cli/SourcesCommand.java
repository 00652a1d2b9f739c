package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "sources", mixinStandardHelpOptions = true, description = "List sources with their health.")
final class SourcesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire sources: not built yet");
        return 1;
    }
}
