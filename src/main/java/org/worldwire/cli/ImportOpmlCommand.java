package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "import-opml", mixinStandardHelpOptions = true, description = "Import sources from an OPML file.")
final class ImportOpmlCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire import-opml: not built yet");
        return 1;
    }
}
