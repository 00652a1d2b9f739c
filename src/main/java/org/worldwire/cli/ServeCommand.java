package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server: poll sources, ingest articles, serve the site and API.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire serve: not built yet");
        return 1;
    }
}
