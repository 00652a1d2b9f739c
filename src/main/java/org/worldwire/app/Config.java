package org.worldwire.app;

import java.nio.file.Path;
import java.util.Objects;
import org.worldwire.fetch.FetchConfig;
import org.worldwire.ingest.IngestConfig;
import org.worldwire.schedule.ScheduleConfig;
import org.worldwire.web.WebConfig;

/**
 * Everything Worldwire is configured by, parsed once and handed down in slices.
 *
 * @param dataDir where the database and the search index live
 * @param seedSources whether an empty database gets the bundled list of world-news feeds
 */
public record Config(
        Path dataDir,
        String host,
        int port,
        boolean seedSources,
        FetchConfig fetch,
        ScheduleConfig schedule,
        IngestConfig ingest,
        WebConfig web) {

    public Config {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }

    /** The embedded default: ./data, port 8080 on all interfaces, the bundled sources. */
    public static Config defaults() {
        return new Config(Path.of("data"), "0.0.0.0", 8080, true, FetchConfig.defaults(), ScheduleConfig.defaults(),
                IngestConfig.defaults(), WebConfig.defaults());
    }

    public Config withDataDir(Path dir) {
        return new Config(dir, host, port, seedSources, fetch, schedule, ingest, web);
    }

    public Config withPort(int p) {
        return new Config(dataDir, host, p, seedSources, fetch, schedule, ingest, web);
    }

    public Config withHost(String h) {
        return new Config(dataDir, h, port, seedSources, fetch, schedule, ingest, web);
    }

    public Config withSeedSources(boolean seed) {
        return new Config(dataDir, host, port, seed, fetch, schedule, ingest, web);
    }

    public Config withFetch(FetchConfig f) {
        return new Config(dataDir, host, port, seedSources, f, schedule, ingest, web);
    }

    public Config withSchedule(ScheduleConfig s) {
        return new Config(dataDir, host, port, seedSources, fetch, s, ingest, web);
    }

    public Config withIngest(IngestConfig i) {
        return new Config(dataDir, host, port, seedSources, fetch, schedule, i, web);
    }

    public Config withWeb(WebConfig w) {
        return new Config(dataDir, host, port, seedSources, fetch, schedule, ingest, w);
    }

    /** For a world of simulated publishers on loopback: loopback allowed, one politeness slot per feed. */
    public Config forSimulatedWorld() {
        return withFetch(fetch.allowingLoopback()).withIngest(ingest.forSimulatedWorld());
    }
}
