package org.worldwire.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code worldwire} command line as picocli reads it: the top command and one subcommand per job. */
@Command(
        name = "worldwire",
        mixinStandardHelpOptions = true,
        version = "worldwire 0.1",
        description = "The fastest news updates from around the world.")
public final class Commands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** The subcommands in the order {@code --help} lists them (in a holder: a server start does not need them). */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> ALL = subcommands();
    }

    private static Map<String, Supplier<Object>> subcommands() {
        var m = new LinkedHashMap<String, Supplier<Object>>();
        m.put("serve", ServeCommand::new);
        m.put("migrate", MigrateCommand::new);
        m.put("sources", SourcesCommand::new);
        m.put("add-source", AddSourceCommand::new);
        m.put("import-opml", ImportOpmlCommand::new);
        m.put("export-opml", ExportOpmlCommand::new);
        m.put("simulate", SimulateCommand::new);
        m.put("extract", ExtractCommand::new);
        m.put("parse-feed", ParseFeedCommand::new);
        m.put("geotag", GeotagCommand::new);
        m.put("cluster", ClusterCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** Parses and runs {@code args}, with only the subcommand they name built; the exit code. */
    static int execute(String[] args) {
        return commandLine(args.length == 0 ? "" : args[0]).execute(args);
    }

    /** Every subcommand, as {@code --help} shows them. */
    public static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * When {@code first} names a subcommand, only that one is built: picocli reads every option of every command it
     * is given by reflection, and building all thirteen (with the classes their fields name) took a noticeable part of
     * the server's start. Anything else (no subcommand, {@code --help}, a typo) gets all of them, so that help and
     * "did you mean" list them all.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Commands());
        boolean one = Subcommands.ALL.containsKey(first) && !first.equals("help");
        Subcommands.ALL.forEach((name, make) -> {
            if (!one || name.equals(first)) cl.addSubcommand(name, make.get());
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Main.failed(ex, cmd.getErr()));
        return cl;
    }
}
