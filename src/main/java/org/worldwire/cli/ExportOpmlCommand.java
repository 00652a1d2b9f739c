package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "export-opml", mixinStandardHelpOptions = true, description = "Print all sources as OPML.")
final class ExportOpmlCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire export-opml: not built yet");
        return 1;
    }
}
