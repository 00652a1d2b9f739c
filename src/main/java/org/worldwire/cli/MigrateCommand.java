package org.worldwire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.worldwire.app.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy an embedded installation (sources, articles, source health, settings and admin credentials,"
                + " stories, pending entries) into PostgreSQL with its ids, then re-index into the target search.",
                "Safe to run again: rows already copied are left as they are. Stop the embedded server first."})
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DATA_DIR", description = "data directory of the embedded installation")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "postgres://USER:PASS@HOST:PORT/DB", description = "the PostgreSQL database")
    String to;

    @Option(names = "--search", paramLabel = "lucene|opensearch://HOST:PORT",
            description = "re-index the articles into this search cluster (default: lucene, where each process's index"
                    + " catches up from the store when it starts, so nothing is re-indexed here)")
    String search;

    @Override
    public Integer call() {
        Migration.Report report = Migration.run(from, to, search, System.err);
        report.tables().forEach((table, c) -> System.out.printf("%-26s %,10d rows, %,d new%n", table, c.read(), c.inserted()));
        if (report.indexed() > 0) System.out.printf("%-26s %,10d articles%n", "re-indexed", report.indexed());
        return 0;
    }
}
