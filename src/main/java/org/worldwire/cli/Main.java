package org.worldwire.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code worldwire} command line: one subcommand per job. */
@Command(
        name = "worldwire",
        mixinStandardHelpOptions = true,
        version = "worldwire 0.1",
        description = "The fastest news updates from around the world.",
        subcommands = {
            ServeCommand.class,
            MigrateCommand.class,
            SourcesCommand.class,
            AddSourceCommand.class,
            ImportOpmlCommand.class,
            ExportOpmlCommand.class,
            SimulateCommand.class,
            ExtractCommand.class,
            ParseFeedCommand.class,
            GeotagCommand.class,
            ClusterCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("worldwire: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl;
    }
}
