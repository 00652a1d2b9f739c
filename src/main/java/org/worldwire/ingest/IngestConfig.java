package org.worldwire.ingest;

/**
 * @param pollConcurrency feeds fetched at once
 * @param pageWorkers article pipelines running at once (each fetches, extracts, enriches and stores one article)
 * @param queueCapacity entries waiting for a worker before pollers block (back-pressure)
 * @param pagesPerHost article pages fetched at once from one host, to stay polite
 * @param politeByHost whether sources on one host share its politeness slot (production); the simulator's
 *     publishers all live on one loopback server yet stand for independent sites, so it turns this off
 */
public record IngestConfig(int pollConcurrency, int pageWorkers, int queueCapacity, int pagesPerHost, boolean politeByHost) {
    public IngestConfig {
        if (pollConcurrency < 1 || pageWorkers < 1 || queueCapacity < 1 || pagesPerHost < 1) {
            throw new IllegalArgumentException("ingest limits must be positive");
        }
    }

    public static IngestConfig defaults() {
        return new IngestConfig(32, 32, 1_000, 2, true);
    }

    /** Limits for a world of simulated publishers that share one loopback server. */
    public IngestConfig forSimulatedWorld() {
        return new IngestConfig(pollConcurrency, pageWorkers, queueCapacity, Math.max(pagesPerHost, pageWorkers), false);
    }
}
