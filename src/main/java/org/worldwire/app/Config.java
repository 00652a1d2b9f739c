package org.worldwire.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
 * @param deployment the engines behind the stateful ports and this process's role; {@link Deployment#EMBEDDED} by default
 */
public record Config(
        Path dataDir,
        String host,
        int port,
        boolean seedSources,
        FetchConfig fetch,
        ScheduleConfig schedule,
        IngestConfig ingest,
        WebConfig web,
        Deployment deployment) {

    public Config {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(deployment, "deployment");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }

    /** The embedded default: ./data, port 8080 on all interfaces, the bundled sources. */
    public static Config defaults() {
        return new Config(Path.of("data"), "0.0.0.0", 8080, true, FetchConfig.defaults(), ScheduleConfig.defaults(),
                IngestConfig.defaults(), WebConfig.defaults(), Deployment.EMBEDDED);
    }

    public Config withDataDir(Path dir) {
        return new Config(dir, host, port, seedSources, fetch, schedule, ingest, web, deployment);
    }

    public Config withPort(int p) {
        return new Config(dataDir, host, p, seedSources, fetch, schedule, ingest, web, deployment);
    }

    public Config withHost(String h) {
        return new Config(dataDir, h, port, seedSources, fetch, schedule, ingest, web, deployment);
    }

    public Config withSeedSources(boolean seed) {
        return new Config(dataDir, host, port, seed, fetch, schedule, ingest, web, deployment);
    }

    public Config withFetch(FetchConfig f) {
        return new Config(dataDir, host, port, seedSources, f, schedule, ingest, web, deployment);
    }

    public Config withSchedule(ScheduleConfig s) {
        return new Config(dataDir, host, port, seedSources, fetch, s, ingest, web, deployment);
    }

    public Config withIngest(IngestConfig i) {
        return new Config(dataDir, host, port, seedSources, fetch, schedule, i, web, deployment);
    }

    public Config withWeb(WebConfig w) {
        return new Config(dataDir, host, port, seedSources, fetch, schedule, ingest, w, deployment);
    }

    public Config withDeployment(Deployment d) {
        return new Config(dataDir, host, port, seedSources, fetch, schedule, ingest, web, d);
    }

    /** Names the environment variable that, like {@code serve --allow-private-networks}, allows private networks. */
    public static final String ALLOW_PRIVATE_NETWORKS_ENV = "WORLDWIRE_ALLOW_PRIVATE_NETWORKS";

    /**
     * Sources on the operator's own machine or network may be fetched: loopback and private addresses allowed (off by
     * default, since a URL from a stranger must not reach them).
     */
    public Config allowingPrivateNetworks() {
        return withFetch(fetch.allowingPrivateNetworks());
    }

    /**
     * Whether the environment allows private networks: {@value #ALLOW_PRIVATE_NETWORKS_ENV} set to 1, true, yes or on
     * (0, false, no, off or unset: not allowed).
     *
     * @throws IllegalArgumentException for any other value, so that a typo does not silently mean "off"
     */
    public static boolean allowPrivateNetworks(Map<String, String> env) {
        String v = env.get(ALLOW_PRIVATE_NETWORKS_ENV);
        if (v == null || v.isBlank()) return false;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(ALLOW_PRIVATE_NETWORKS_ENV + " must be 1 or 0 (true/false, yes/no, on/off), was '"
                    + (v.length() > 20 ? v.substring(0, 20) + "…" : v) + "'");
        };
    }

    /** For a world of simulated publishers on loopback: loopback allowed, one politeness slot per feed. */
    public Config forSimulatedWorld() {
        return withFetch(fetch.allowingLoopback()).withIngest(ingest.forSimulatedWorld());
    }
}
