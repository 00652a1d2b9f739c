package org.worldwire.cli;

import java.nio.file.Path;
import java.util.Map;
import org.worldwire.app.Deployment;
import picocli.CommandLine.Option;

/**
 * Where the sources live, for the commands that read or change them without a server: the data directory's SQLite,
 * or the PostgreSQL database a scaled-out installation shares, chosen as {@code serve} chooses it.
 */
final class StoreOption {
    @Option(names = "--store", paramLabel = "sqlite|postgres://USER:PASS@HOST:PORT/DB",
            description = "sqlite under --data, or the PostgreSQL database of a scaled-out installation (or"
                    + " WORLDWIRE_STORE, or store= in --config; default: sqlite)")
    String store;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the installation's Java properties file (store= is read); a flag or WORLDWIRE_STORE wins over it")
    Path configFile;

    /** Flag > environment > config file > default, as for {@code serve}; only the store matters here. */
    Deployment deployment() {
        Map<String, String> flags = store == null ? Map.of() : Map.of(Deployment.Key.STORE.property(), store);
        Map<String, String> env = System.getenv();
        String storeEnv = env.get(Deployment.Key.STORE.env());
        // The other engines and the role are the servers' business: a WORLDWIRE_ROLE meant for them must not stop an
        // operator from listing sources.
        return Deployment.resolve(flags, storeEnv == null ? Map.of() : Map.of(Deployment.Key.STORE.env(), storeEnv),
                configFile);
    }
}
