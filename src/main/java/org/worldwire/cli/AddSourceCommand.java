package org.worldwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "add-source", mixinStandardHelpOptions = true, description = "Add a source by its feed URL.")
final class AddSourceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("worldwire add-source: not built yet");
        return 1;
    }
}
