package org.worldwire.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --data option every command that touches the data directory shares. */
final class DataDirOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory (database and search index); default: ${DEFAULT-VALUE}")
    Path dataDir;
}
